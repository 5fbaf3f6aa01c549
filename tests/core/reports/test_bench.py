"""The benchmark compares like with like, and runs."""

import io

import openpyxl

from core.reports import bench
from plugins.export_xlsx.render import render_xlsx


def values(data: bytes):
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_bare_writer_writes_the_same_cells_as_render_xlsx():
    layout, rows = bench.bench_layout(), bench.bench_rows(25)
    ours = values(render_xlsx(layout, rows, "id", str))
    bare = values(bench.bare_xlsx(layout, rows, layout.title))
    assert len(ours) == len(bare) == 1 + 3 + 1 + 25
    assert ours[5:] == bare[5:]  # the body, cell for cell
    assert ours[4] == bare[4] == list(range(1, 18))  # numbering row
    # rule of bench_rows: rp_1 of the i-th row (0-based) is 1_000_000 * (i + 1) + 1000
    assert ours[5][5] == 1_001_000 and ours[29][5] == 25_001_000


def test_main_prints_every_measure(capsys):
    bench.main(["10"])
    out = capsys.readouterr().out
    for label in ("render_xlsx:", "bare XlsxWriter:", "ratio xlsx/bare:", "render_html_page:",
                  "render_pdf:"):
        assert label in out
    assert "rows: 10, leaf columns: 17" in out
