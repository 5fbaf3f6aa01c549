"""How printed values and levels are shown: numbers in the active locale, text as printed."""

from __future__ import annotations

from markupsafe import Markup, escape
from flask_babel import lazy_gettext as _l

from core.i18n import format_number
from core.numbers import parse_printed

LEVEL_LABELS = {
    "visi": _l("Vision"),
    "misi": _l("Mission"),
    "tujuan": _l("Goal"),
    "sasaran": _l("Objective"),
    "strategi": _l("Strategy"),
    "arah_kebijakan": _l("Policy direction"),
    "urusan": _l("Government affair"),
    "bidang_urusan": _l("Affair field"),
    "program": _l("Program"),
    "kegiatan": _l("Activity"),
    "sub_kegiatan": _l("Sub-activity"),
    "rekening": _l("Account"),
}


#: Why an achievement could not be computed (core.achievement.engine reasons).
REASON_LABELS = {
    "no_target": _l("no target"),
    "text_target": _l("the target is text"),
    "zero_target": _l("the target is zero"),
    "missing_realisation": _l("no realisation yet"),
    "text_realisation": _l("the realisation is text"),
    "zero_realisation": _l("the realisation is zero"),
    "not_finite": _l("not a finite number"),
    "not_computable": _l("not computable"),
}


def shown(printed: str | None, value=None) -> Markup:
    """A printed cell for display: a number in the active locale (unit kept), else the text.

    The printed text stays available in the tooltip, so a reader can always compare.
    """
    if printed is None or printed.strip() == "":
        return Markup("")
    parsed = parse_printed(printed)
    number = value if value is not None else parsed.value
    if parsed.status != "number" or number is None:
        css = "text-value" if parsed.status == "text" else "empty-value"
        return Markup(f'<span class="{css}">{escape(printed)}</span>')
    unit = parsed.unit
    suffix = "" if not unit else (" %" if unit == "%" else f" {unit}")
    return Markup(f'<span title="{escape(printed)}">{escape(format_number(number))}{escape(suffix)}</span>')


def value(row) -> Markup:
    """A Target/Realisation/Budget row for display (empty when there is none)."""
    if row is None:
        return Markup("")
    return shown(row.printed, row.value)


def region_label(region_code: str, msgid: str) -> str:
    """``msgid`` as ``region_code`` words it in the active locale (kab/kota over province over
    core's catalog)."""
    from flask import current_app
    from flask_babel import gettext

    from core.i18n import active_locale

    registry = current_app.extensions["pelita_plugins"]
    if region_code in registry.regions:
        for spec in registry.call("pelita_translations", region_code, locale=active_locale()):
            if spec is not None:
                text = dict(spec.messages).get(msgid)
                if text:
                    return text
    return gettext(msgid)


def register(app) -> None:
    """Install the filters and globals into ``app``'s Jinja environment."""
    app.jinja_env.filters["shown"] = shown
    app.jinja_env.filters["value"] = value
    app.jinja_env.globals["level_labels"] = LEVEL_LABELS
    app.jinja_env.globals["region_label"] = region_label
    app.jinja_env.globals["reason_labels"] = REASON_LABELS
