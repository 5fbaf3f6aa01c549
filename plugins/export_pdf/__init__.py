"""Feature plugin: reports as PDF (:mod:`.render`, ReportLab, bundled font embedded)."""

from __future__ import annotations

from core.hookspecs import hookimpl
from core.specs import ExporterSpec


def N_(message: str) -> str:
    """Mark ``message`` as a msgid; the report page translates it."""
    return message


def _render(layout, rows, locale, translate, title_lines=()):
    from .render import render_pdf

    return render_pdf(layout, rows, locale, translate, title_lines)


EXPORTER = ExporterSpec(
    format="pdf",
    media_type="application/pdf",
    extension="pdf",
    label=N_("Download PDF"),
    render=_render,
)


@hookimpl
def pelita_exporters():
    """The PDF exporter."""
    return (EXPORTER,)
