"""The layouts a region can render: its own (from the ``pelita_report_layouts`` hook, a
kab/kota's replacing its province's) followed by the national ones every region has, which
feature plugins offer (``pelita_national_layouts``; first-party: :mod:`plugins.national_layouts`).
"""

from __future__ import annotations

from collections.abc import Iterable

from core.reports.layout import Layout


def national_layouts(plugins) -> tuple[Layout, ...]:
    """The layouts every region has, from the enabled feature plugins (validated at startup)."""
    return tuple(plugins.feature_items("pelita_national_layouts"))


def region_layouts(plugins, code: str) -> tuple[Layout, ...]:
    """The layouts of region ``code``: the hook's answer, then the national ones.

    A region layout with the id of a national one replaces it.
    """
    own = tuple(plugins.call("pelita_report_layouts", code) or ())
    for layout in own:
        if not isinstance(layout, Layout):
            raise TypeError(f"pelita_report_layouts of {code!r} gave {layout!r}, not a Layout")
    ids = {layout.id for layout in own}
    return own + tuple(layout for layout in national_layouts(plugins) if layout.id not in ids)


def layout_by_id(layouts: Iterable[Layout], layout_id: str) -> Layout | None:
    """The layout ``layout_id`` among ``layouts``, or None."""
    return next((layout for layout in layouts if layout.id == layout_id), None)


def applicable(layouts: Iterable[Layout], documents: Iterable) -> list[tuple[Layout, list]]:
    """Each layout with the documents (of its types) it renders from; layouts without any
    document are left out."""
    documents = list(documents)
    out = []
    for layout in layouts:
        matching = [d for d in documents if d.doc_type in layout.doc_types]
        if matching:
            out.append((layout, matching))
    return out
