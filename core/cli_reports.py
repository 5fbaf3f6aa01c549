"""``flask --app wsgi report list|render``: the regions' reports for batch use."""

from __future__ import annotations

from flask.cli import AppGroup

report = AppGroup("report", help="List and render the regions' reports.")
