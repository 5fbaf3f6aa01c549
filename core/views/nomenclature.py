"""Nomenclature versions: browse, search, item history, diffs and crosswalk review."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("nomenclature", __name__)
