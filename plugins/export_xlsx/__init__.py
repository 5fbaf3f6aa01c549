"""Feature plugin: reports as XLSX workbooks (:mod:`.render`, XlsxWriter)."""

from __future__ import annotations

from core.hookspecs import hookimpl
from core.specs import ExporterSpec


def N_(message: str) -> str:
    """Mark ``message`` as a msgid; the report page translates it."""
    return message


def _render(layout, rows, locale, translate, title_lines=()):
    from .render import render_xlsx

    return render_xlsx(layout, rows, locale, translate, title_lines)


EXPORTER = ExporterSpec(
    format="xlsx",
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension="xlsx",
    label=N_("Download XLSX"),
    render=_render,
)


@hookimpl
def pelita_exporters():
    """The XLSX exporter."""
    return (EXPORTER,)
