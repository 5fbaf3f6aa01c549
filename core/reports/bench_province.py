"""Benchmark: a synthetic province of 30 kab/kota through the achievement engine and Tabel 6.1.

``python -m core.reports.bench_province [--regions 30] [--no-province-pdf]``. Each kab/kota
plans the whole bidang 1.06 kab/kota list (:func:`core.nomenclature.loader.items_for`,
``kmdn900-1317-2023``: 7 programs, 33 kegiatan, 147 sub kegiatan), one indicator per item,
six years of targets and pagu, four quarters of realisation and spending. The data are
random (fixed seed), for volume only. Printed:

* the time to compute every achievement of the province (quarters aggregated, capaian and
  predicate per indicator-year; absorption per item-year rolled up to region and province);
* the time to build the rows (:func:`core.reports.sources.program_table`, the source of the
  regions' Tabel 6.1) and to render Tabel 6.1 as HTML, XLSX and PDF, for one region and
  for the whole province;
* the ratio of our XLSX render to writing the same cells with bare XlsxWriter.

No database: the rows are built from objects shaped like
:class:`core.services.documents.TreeNode`, so the timings are those of the engine and the
renderers, not of the queries.
"""

from __future__ import annotations

import argparse
import io
import random
import time
from dataclasses import dataclass, field
from decimal import Decimal

import xlsxwriter

from core.achievement import (
    SAKIP_GENERIC,
    aggregate,
    capaian,
    predicate,
    rollup_absorption,
)
from core.nomenclature.loader import items_for
from core.reports.html import render_html_page
from core.reports.layout import Column, Layout
from plugins.export_pdf.render import render_pdf
from core.reports.sources import SourceContext, program_table
from plugins.export_xlsx.render import render_xlsx

YEARS = tuple(range(2025, 2031))  # six years of targets


@dataclass
class Entry:
    """A stored value: printed text and parsed Decimal."""

    printed: str
    value: Decimal | None


@dataclass
class Item:
    key: str
    level: str
    code: str
    name: str
    printed_code: str | None = None
    responsible_unit: str | None = "Dinas Sosial"
    extra: dict = field(default_factory=dict)


@dataclass
class Indicator:
    text: str
    unit: str | None
    polarity: str = "higher"
    aggregation: str = "sum"
    baseline_printed: str | None = "0"
    baseline_value: Decimal | None = Decimal(0)
    end_target_printed: str | None = None
    end_target_value: Decimal | None = None
    source_table: str = "Tabel 6.1"


@dataclass
class View:
    indicator: Indicator
    targets: dict = field(default_factory=dict)
    realisations: dict = field(default_factory=dict)


@dataclass
class Node:
    item: Item
    depth: int
    indicators: list = field(default_factory=list)
    budgets: dict = field(default_factory=dict)


def _entry(value: Decimal) -> Entry:
    return Entry(f"{value:,}".replace(",", "."), value)


def synthetic_region(number: int, rng: random.Random) -> list[Node]:
    """One kab/kota's Renstra tree: the whole 1.06 list, six years, four quarters."""
    nodes = []
    for spec in items_for("kmdn900-1317-2023", "kabkota"):
        if spec.level == "bidang_urusan":
            continue
        depth = ("program", "kegiatan", "sub_kegiatan").index(spec.level)
        item = Item(f"r{number}-{spec.code}", spec.level, spec.code, spec.name)
        view = View(Indicator(spec.indikator or spec.kinerja or spec.name, spec.satuan))
        pagu_total = Decimal(0)
        node = Node(item, depth, [view])
        for year in YEARS:
            target = Decimal(rng.randint(1, 500))
            view.targets[(year, None)] = _entry(target)
            for quarter in (1, 2, 3, 4):
                view.realisations[(year, quarter)] = _entry(Decimal(rng.randint(0, 150)))
            pagu = Decimal(rng.randint(1, 900)) * 1_000_000
            pagu_total += pagu
            node.budgets[("pagu", year)] = _entry(pagu)
            node.budgets[("realisasi", year)] = _entry(pagu * rng.randint(50, 100) / 100)
        view.indicator.end_target_value = view.targets[(YEARS[-1], None)].value
        view.indicator.end_target_printed = view.targets[(YEARS[-1], None)].printed
        node.budgets[("pagu", None)] = _entry(pagu_total)
        nodes.append(node)
    return nodes


def compute_achievements(regions: list[list[Node]]) -> int:
    """Every achievement of the province; returns how many values were computed."""
    count = 0
    region_rollups = []
    for nodes in regions:
        components = []
        for node in nodes:
            for view in node.indicators:
                indicator = view.indicator
                for year in YEARS:
                    realised = aggregate({q: view.realisations[(year, q)].value for q in (1, 2, 3, 4)},
                                         indicator.aggregation)
                    result = capaian(view.targets[(year, None)].value, realised, indicator.polarity)
                    predicate(result, SAKIP_GENERIC)
                    count += 3
            if node.item.level == "sub_kegiatan":
                for year in YEARS:
                    components.append((f"{node.item.key}/{year}", (
                        node.budgets[("realisasi", year)].value, node.budgets[("pagu", year)].value)))
        region_rollups.append((str(len(region_rollups)), rollup_absorption(components)))
        count += len(components) + 1
    rollup_absorption(region_rollups)
    return count + 1


def tabel_6_1_layout() -> Layout:
    """Tabel 6.1 for six years and the end of the period (like the regions' own)."""
    years = tuple(
        Column(f"year_{year}", str(year), children=(
            Column(f"target_{year}", "Target", format="number", width=7),
            Column(f"rp_{year}", "Rp", format="money", width=13),
        ))
        for year in YEARS
    )
    return Layout(
        id="bench-province-6.1",
        title="Table 6.1 Plan of programs, activities, sub-activities and funding",
        columns=(
            Column("code", "Code", width=16),
            Column("name", "Program / activity / sub-activity", width=30),
            Column("indicator", "Performance indicator", width=26),
            Column("baseline", "Initial performance (year 0)", format="number", width=8),
            Column("framework", "Program performance targets and funding framework", children=years + (
                Column("end", "Performance at the end of the period", children=(
                    Column("target_end", "Target", format="number", width=7),
                    Column("rp_end", "Rp", format="money", width=13),
                )),
            )),
            Column("responsible", "Responsible unit", width=12),
        ),
        indent_key="name",
        page="F4",
    )


def bare_xlsx(layout: Layout, rows) -> bytes:
    """The same cells written with bare XlsxWriter: no formats, merges or page setup."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet()
    keys = [c.key for c in layout.leaves]
    for r, row in enumerate(rows):
        for c, key in enumerate(keys):
            value = row.values.get(key)
            if value is None:
                continue
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            else:
                sheet.write_number(r, c, float(value))
    workbook.close()
    return output.getvalue()


def _timed(func, *args):
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def main(argv: list[str] | None = None) -> None:
    """Build the province, time it all, print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=30)
    parser.add_argument("--no-province-pdf", action="store_true",
                        help="skip the province-wide PDF (several minutes)")
    args = parser.parse_args(argv)
    rng = random.Random(1317)
    regions = [synthetic_region(n, rng) for n in range(args.regions)]
    items = sum(len(nodes) for nodes in regions)
    print(f"synthetic province: {args.regions} kab/kota, {items} items, {len(YEARS)} years, 4 quarters")

    seconds, count = _timed(compute_achievements, regions)
    print(f"achievements: {count} values in {seconds:.3f} s")

    layout = tabel_6_1_layout()

    def ctx(nodes):
        return SourceContext(document=None, nodes=nodes, translate=str)

    seconds, one = _timed(program_table, ctx(regions[0]), layout, None)
    print(f"Tabel 6.1 rows, one region: {len(one)} rows in {seconds:.3f} s")
    seconds, province = _timed(program_table, ctx([n for nodes in regions for n in nodes]), layout, None)
    print(f"Tabel 6.1 rows, province: {len(province)} rows in {seconds:.3f} s")

    for label, rows in (("one region", one), ("province", province)):
        for fmt, render in (("html", render_html_page), ("xlsx", render_xlsx), ("pdf", render_pdf)):
            if fmt == "pdf" and label == "province" and args.no_province_pdf:
                continue
            seconds, _ = _timed(render, layout, rows, "id", str, ("Synthetic province",))
            print(f"Tabel 6.1 {fmt}, {label}: {seconds:.3f} s")
        ours, _ = _timed(render_xlsx, layout, rows, "id", str, ())
        bare, _ = _timed(bare_xlsx, layout, rows)
        print(f"XLSX ratio ours/bare XlsxWriter, {label}: {ours / bare:.2f} ({ours:.3f} s / {bare:.3f} s)")


if __name__ == "__main__":
    main()
