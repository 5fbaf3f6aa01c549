"""The regions' reports: HTML on screen and print, XLSX and PDF downloads."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("reports", __name__)
