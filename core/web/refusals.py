"""A log line for every refused request, with enough to investigate.

Refusals (401, 403, 404, 405, 409, 422, 429, CSRF failures) go to the ``pelita.security``
logger as one line of key=value pairs: the route, the user, the address and the agent. They
are not audit rows: a refused request changed nothing, and probes must not grow the audit
table; the sign-in service audits failed and limited sign-ins itself.
"""

from __future__ import annotations

import logging

from flask import request
from flask_login import current_user

logger = logging.getLogger("pelita.security")


def log_refusal(status: int, reason: str) -> None:
    """Record that the current request was refused with ``status`` for ``reason``."""
    user = getattr(current_user, "username", None) if getattr(current_user, "is_authenticated", False) else None
    logger.warning(
        "refused status=%s reason=%s method=%s path=%s endpoint=%s user=%s ip=%s agent=%r",
        status, reason, request.method, request.path[:300], request.endpoint, user or "-",
        request.remote_addr, request.headers.get("User-Agent", "")[:200],
    )
