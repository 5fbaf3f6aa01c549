"""Authoring the planning cycle: Renstra, Renja, Perjanjian Kinerja, Rencana Aksi, amendments.

* :mod:`.guards`: who may write what (drafts only, the newest version), row versions
  (``If-Match``), bounded text and row fields.
* :mod:`.authoring`: documents, items, indicators, targets, budgets, signatories.
* :mod:`.amendment`: a Perubahan (a new draft version from an approved one) and the
  sebelum / sesudah comparison of two documents.
* :mod:`.entry`: quarterly realisation through the API (one row per lineage and quarter).
* :mod:`.checking`: the consistency checks run after each write.

Services here take the region explicitly, never commit, and raise :mod:`core.errors`.
"""
