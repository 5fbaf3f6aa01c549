"""Domain events that one part of Pelita announces and others act on (blinker signals).

The workflow announces what happened; notifications, the inbox and settings snapshots
listen. A receiver runs inside the same request and transaction as the change it hears
about, so what it writes commits or rolls back with it; it must not commit.
"""

from __future__ import annotations

from blinker import Namespace

_events = Namespace()

#: A document changed state. ``sender`` is the PlanDocument (already in its new state);
#: keyword arguments: ``action`` ("submit", "verify", "return", "approve", "lock"),
#: ``from_status``, ``to_status``, ``actor`` (User), ``note`` (str or None).
document_transitioned = _events.signal("document-transitioned")

#: A quarter's realisation changed state. ``sender`` is the quarter's status row; keyword
#: arguments: ``action`` ("submit", "accept", "return", "lock"), ``from_status``,
#: ``to_status``, ``actor`` (User), ``note`` (str or None).
quarter_transitioned = _events.signal("quarter-transitioned")

#: A verifier wrote a review on an item (``sender`` is the review) or the office replied
#: (``sender`` is the reply); keyword arguments: ``actor`` (User).
review_written = _events.signal("review-written")
review_replied = _events.signal("review-replied")
