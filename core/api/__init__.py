"""The read API, ``/api/v1``: JSON, versioned, with the same region rules as the UI.

Clients authenticate with ``Authorization: Bearer <token>`` (tokens from
``flask --app wsgi users token USERNAME``) or with the browser session.
"""

from core.api import authoring  # noqa: F401 - registers its routes on bp
from core.api import forms  # noqa: F401 - registers its routes on bp (issue 10)
from core.api import nomenclature  # noqa: F401 - registers its routes on bp
from core.api import regions  # noqa: F401 - registers its routes on bp
from core.api import accounts  # noqa: F401 - registers its routes on bp (after regions: it uses its helpers)
from core.api import workflow  # noqa: F401 - registers its routes on bp (issue 11)
from core.api.views import bp

__all__ = ["bp"]
