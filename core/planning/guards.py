"""What every write to a plan document checks before it changes anything.

* The document is a draft and the newest version of its plan (an approved, submitted,
  verified or locked version, or a draft a newer version followed, is read-only).
  :func:`require_editable` is the single gate: authoring (UI and API), a nomenclature move's
  decisions, the Excel import, the realisation sheet's unit and indicator settings all call it.
* The row was not changed since the caller read it: the caller names the ``row_version`` it
  read (``If-Match``); a different current version refuses the write with every field the
  caller sent, its value and the current one, and nothing is written.
* Text is bounded; a row's ``fields`` is a small dict of strings.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from core.errors import N_, Conflict, DomainError, Invalid
from core.extensions import db
from core.models import PlanDocument

MAX_TEXT = 2000
MAX_FIELDS = 40
MAX_FIELD_NAME = 60
MAX_FIELD_TEXT = 2000
#: The T-C.33 row fields core knows; a region may add its own (names of letters, digits and _).
ROW_FIELDS = ("lokasi", "sumber_dana", "kelompok_sasaran", "catatan", "prakiraan_maju_target",
              "prakiraan_maju_pagu")


class PreconditionRequired(DomainError):
    """An update that does not say which version of the row it was based on (no ``If-Match``)."""

    status = 428
    default_msgid = N_("Say which version you changed (the If-Match header with the row version you read).")


class StaleWrite(Conflict):
    """The row changed since the caller read it; ``conflicts`` lists field, yours, current."""

    default_msgid = N_("Someone else changed this in the meantime. Nothing was saved.")

    def __init__(self, conflicts: list[dict], current_version: int | None):
        self.conflicts, self.current_version = conflicts, current_version
        messages = [_("Someone else changed this in the meantime. Nothing was saved.")] + [
            _("%(field)s: yours %(yours)s, now %(current)s.", field=c["field"], yours=_shown(c["yours"]),
              current=_shown(c["current"])) for c in conflicts]
        super().__init__(messages=messages)

    def message(self) -> str:
        return "; ".join(self.messages)


def _shown(value) -> str:
    return "-" if value is None or value == "" else str(value)


def latest_version_number(document: PlanDocument) -> int:
    return db.session.scalar(select(func.max(PlanDocument.version)).where(
        PlanDocument.region_id == document.region_id, PlanDocument.plan_id == document.plan_id)) or 0


#: The states of a document in words (msgids), for messages and pages.
STATUS_LABELS = {"draft": N_("draft"), "submitted": N_("submitted"), "verified": N_("verified"),
                 "approved": N_("approved (ditetapkan)"), "locked": N_("locked")}


def status_label(status: str) -> str:
    """A document's state in the active language."""
    return _(STATUS_LABELS.get(status, N_("draft")))


#: What a write changes: the plan's ``content`` (items, codes, indicators, targets, pagu, fields),
#: or its ``bookkeeping`` (who answers for an item, how an indicator's achievement is computed),
#: which stays adjustable on an approved version (realisation is entered against it) until it is locked.
PARTS = ("content", "bookkeeping")


def require_editable(document: PlanDocument, part: str = "content") -> None:
    """Refuse (409) unless ``document`` may be changed: for ``content``, a draft and the newest
    version of its plan; for ``bookkeeping``, any version that is not locked."""
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}")
    if document.status == "locked":
        raise Conflict(N_("This document is locked: nothing in it can be changed. Open an amendment "
                          "(Perubahan) to change it."))
    if part == "bookkeeping":
        return
    if document.status != "draft":
        raise Conflict(N_("This document is %(status)s: only a draft can be changed. Open an amendment "
                          "(Perubahan) to change it."), status=status_label(document.status))
    if document.version != latest_version_number(document):
        raise Conflict(N_("A newer version of this plan exists: change that one."))


def parse_if_match(header: str | None) -> int | None:
    """The row version an ``If-Match`` header names (``3``, ``"3"`` or ``W/"3"``); None when absent."""
    if header is None or not header.strip():
        return None
    text = header.strip()
    if text.startswith("W/"):
        text = text[2:]
    text = text.strip('"')
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        raise Invalid(N_("If-Match must be the row version you read, e.g. 3."))
    return int(text)


def check_version(row, expected: int | None, sent: dict, *, required: bool = True) -> None:
    """Refuse a write to ``row`` unless ``expected`` is its current ``row_version``.

    ``sent`` maps each field the caller sends to its value (shown beside the current one in a
    conflict). ``expected`` None: 428 when ``required``.
    """
    if expected is None:
        if required:
            raise PreconditionRequired()
        return
    if row is None:
        if expected != 0:
            raise StaleWrite([{"field": name, "yours": value, "current": None} for name, value in sent.items()], None)
        return
    if row.row_version != expected:
        raise StaleWrite([{"field": name, "yours": value, "current": current_value(row, name)}
                          for name, value in sent.items()], row.row_version)


def current_value(row, name: str):
    """A field's current value as the API shows it (Decimal as a string)."""
    if name == "value" and hasattr(row, "printed"):
        return row.printed
    if name == "pagu":
        return row.printed
    if name.startswith("fields.") and hasattr(row, "fields"):
        return (row.fields or {}).get(name[len("fields."):])
    value = getattr(row, name, None)
    return None if value is None else (value if isinstance(value, (int, str, bool, dict, list)) else str(value))


def text(value, name: str, *, required: bool = False, limit: int = MAX_TEXT) -> str | None:
    """A bounded text field: stripped, no NUL; None when empty and not required."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise Invalid(N_("%(field)s is required."), field=name)
        return None
    if not isinstance(value, str):
        raise Invalid(N_("%(field)s must be text."), field=name)
    if "\x00" in value:
        raise Invalid(N_("%(field)s contains a NUL character."), field=name)
    value = value.strip()
    if len(value) > limit:
        raise Invalid(N_("%(field)s is longer than %(count)s characters."), field=name, count=limit)
    return value


def row_fields(value, current: dict | None = None) -> dict | None:
    """A row's fields merged over ``current``: names of letters, digits and ``_``, values text
    (None or an empty text removes a field)."""
    if value is None:
        return current
    if not isinstance(value, dict):
        raise Invalid(N_("fields must be an object of names and texts."))
    merged = dict(current or {})
    for name, item in value.items():
        if (not isinstance(name, str) or not name or len(name) > MAX_FIELD_NAME or not name.isascii()
                or not name.replace("_", "a").isalnum()):
            raise Invalid(N_("%(field)s is not a field name (letters, digits and _)."), field=str(name)[:60])
        if item is None or item == "":
            merged.pop(name, None)
            continue
        merged[name] = text(item, name, limit=MAX_FIELD_TEXT)
    if len(merged) > MAX_FIELDS:
        raise Invalid(N_("A row has at most %(count)s fields."), count=MAX_FIELDS)
    return merged or None
