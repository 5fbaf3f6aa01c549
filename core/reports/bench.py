"""Benchmark of the renderers on a 2,000-row table shaped like a Renstra Tabel 6.1.

Run with ``python -m core.reports.bench [rows]``. Prints the seconds each renderer takes
and the ratio of :func:`render_xlsx` to writing the same cells with bare XlsxWriter (no
formats, no merges, no page setup): the cost of the engine over the library.
The rows are synthetic (invented names and amounts), for volume only.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from decimal import Decimal

import pypdf
import xlsxwriter

from core.reports.headers import header_rows
from core.reports.html import render_html_page
from core.reports.layout import Column, Layout
from plugins.export_pdf.render import render_pdf
from core.reports.rows import Row
from plugins.export_xlsx.render import render_xlsx


def bench_layout() -> Layout:
    """A Renstra Tabel 6.1-like layout: 17 leaf columns under a three-row header."""
    years = tuple(
        Column(f"tahun_{n}", f"Tahun {n}", children=(
            Column(f"target_{n}", "Target", align="right", width=8),
            Column(f"rp_{n}", "Rp", format="money", width=13),
        ))
        for n in range(1, 6)
    )
    end = Column("akhir", "Kondisi Kinerja pada Akhir Periode", children=(
        Column("target_akhir", "Target", align="right", width=8),
        Column("rp_akhir", "Rp", format="money", width=13),
    ))
    return Layout(
        id="bench-tabel-6-1",
        title="Rencana Program, Kegiatan, Sub Kegiatan dan Pendanaan",
        columns=(
            Column("kode", "Kode", width=11),
            Column("nama", "Program/Kegiatan/Sub Kegiatan", width=26),
            Column("indikator", "Indikator Kinerja", width=24),
            Column("kondisi_awal", "Kondisi Kinerja Awal", align="right", width=10),
            Column("capaian", "Capaian Kinerja Program dan Kerangka Pendanaan",
                   children=(*years, end)),
            Column("penanggung_jawab", "Perangkat Daerah Penanggung Jawab", width=14),
        ),
        group_by="program",
        indent_key="nama",
        page="F4",
        orientation="landscape",
    )


def bench_rows(count: int = 2000, per_group: int = 10) -> list[Row]:
    """``count`` synthetic rows: groups of one program row and its sub kegiatan."""
    rows = []
    for i in range(count):
        program, member = divmod(i, per_group)
        code = f"1.06.{program:03d}"
        values: dict[str, Decimal | str] = {
            "program": code,
            "kode": code if member == 0 else f"{code}.2.01.{member:02d}",
            "nama": f"Program {program}" if member == 0 else f"Sub kegiatan {program}.{member}",
            "indikator": f"Jumlah penerima layanan {program}.{member}",
            "kondisi_awal": f"{member * 5} Orang",
            "penanggung_jawab": "Dinas Sosial",
        }
        for n in range(1, 6):
            values[f"target_{n}"] = f"{60 + 8 * n}%"
            values[f"rp_{n}"] = Decimal(1_000_000 * (i + 1) + 1000 * n)
        values["target_akhir"] = "100%"
        values["rp_akhir"] = Decimal(1_000_000 * (i + 1) + 6000)
        rows.append(Row(values, level=0 if member == 0 else 2, kind="data"))
    return rows


def bare_xlsx(layout: Layout, rows: list[Row], title: str) -> bytes:
    """The same cells written with bare XlsxWriter: no formats, merges or page setup."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write_string(0, 0, title)
    headers = header_rows(layout.columns)
    for r, header_row in enumerate(headers, start=1):
        for cell in header_row:
            sheet.write_string(r, cell.col, cell.label)
    r = 1 + len(headers)
    keys = [column.key for column in layout.leaves]
    for c in range(len(keys)):
        sheet.write_number(r, c, c + 1)
    for row in rows:
        r += 1
        for c, key in enumerate(keys):
            value = row.values.get(key)
            if isinstance(value, str):
                sheet.write_string(r, c, value)
            elif value is not None:
                sheet.write_number(r, c, float(value))
    workbook.close()
    return output.getvalue()


def best_times(rounds: int, **funcs: Callable[[], object]) -> dict[str, float]:
    """The fastest of ``rounds`` timed calls of each function, in seconds.

    The functions take turns in every round, so a busy machine slows them alike.
    """
    best = dict.fromkeys(funcs, float("inf"))
    for _ in range(rounds):
        for name, func in funcs.items():
            start = time.perf_counter()
            func()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    count = int(argv[0]) if argv else 2000
    layout, rows = bench_layout(), bench_rows(count)
    translate = str
    lines = ("Dinas Sosial (benchmark)",)

    best = best_times(
        5,
        xlsx=lambda: render_xlsx(layout, rows, "id", translate, lines),
        bare=lambda: bare_xlsx(layout, rows, layout.title),
        html=lambda: render_html_page(layout, rows, "id", translate, lines),
    )
    xlsx, bare, html = best["xlsx"], best["bare"], best["html"]
    start, cpu_start = time.perf_counter(), time.process_time()
    pdf = render_pdf(layout, rows, "id", translate, lines)
    pdf_seconds, pdf_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)

    print(f"rows: {count}, leaf columns: {len(layout.leaves)}")
    print(f"render_xlsx:      {xlsx:8.3f} s")
    print(f"bare XlsxWriter:  {bare:8.3f} s")
    print(f"ratio xlsx/bare:  {xlsx / bare:8.2f}")
    print(f"render_html_page: {html:8.3f} s")
    print(f"render_pdf:       {pdf_seconds:8.3f} s (CPU {pdf_cpu:.3f} s; {pages} pages,"
          f" {len(pdf):,} bytes)")


if __name__ == "__main__":
    main()
