"""The document workflow (issue 11, parts 1, 2, 3, 6 and 8).

* :mod:`.machine`: the states a document moves through, per document type, adjustable by a
  region's plugin (``pelita_workflow``); :func:`~.machine.transition` is the one way to move.
* :mod:`.groups`: the verifier groups (Bappeda, keuangan, Inspektorat) and which are active
  for which document type (region settings ``verifier_groups``).
* :mod:`.reviews`: item verdicts with notes, the office's replies, what changed since a note.
* :mod:`.penetapan`: a verifier's set value beside the office's proposal (usulan).
* :mod:`.inbox_entries`: what waits for a user in the document workflow.

Every write is refused on a document the workflow froze through
:func:`core.planning.guards.require_editable`, the single gate of every write path.
"""
