"""API endpoints of the nomenclature: versions, items, diffs, crosswalk rows."""

from __future__ import annotations

from core.api.views import bp  # noqa: F401 - routes are added to the API blueprint
