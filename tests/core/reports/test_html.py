"""HTML rendering: header structure, numbering row, groups, formatting, notes, the page."""

from decimal import Decimal

from core.reports.html import FONT_FILES, FONTS_DIR, render_html, render_html_page
from core.reports.rows import Row


def table_of(parse, html):
    tables = parse(str(html)).find_all("table")
    assert len(tables) == 1
    return tables[0]


def test_header_rows_with_spans_and_numbering_row(parse, layout, seed_rows, ident):
    table = table_of(parse, render_html(layout, seed_rows, "id", ident))
    thead = table.kids("thead")[0]
    trs = thead.kids("tr")
    assert len(trs) == 4  # 3 header rows (seed 000 lines 1265-1267) + numbering (line 1268)
    top = trs[0].kids("th")
    assert [th.text for th in top][0] == "KODE"
    assert [(th.attrs.get("rowspan"), th.attrs.get("colspan")) for th in top] == [
        ("3", None), ("3", None), ("3", None), ("3", None), (None, "12"), ("3", None)
    ]
    assert [th.attrs.get("colspan") for th in trs[1].kids("th")] == ["2"] * 6
    assert [th.text for th in trs[2].kids("th")] == ["Target", "Rp"] * 6
    assert trs[3].attrs["class"] == "numbering"
    assert [th.text for th in trs[3].kids("th")] == [str(n) for n in range(1, 18)]
    assert len(table.find_all("col")) == 17


def test_title_is_translated_and_title_lines_are_escaped(parse, layout, seed_rows, en):
    html = render_html(layout, seed_rows, "en", en, title_lines=("Kota Metro <2021-2026>",))
    assert "Kota Metro &lt;2021-2026&gt;" in html
    table = table_of(parse, html)
    caption = table.kids("caption")[0].text
    assert caption.startswith("TABLE 6.1 PLANNED PROGRAMS")
    assert "Kota Metro <2021-2026>" in caption
    header_texts = [th.text for th in table.find_all("th")]
    assert "CODE" in header_texts and "Year 1" in header_texts and "IDR" in header_texts


def test_values_formatted_per_locale_and_right_aligned(parse, layout, seed_rows, ident, en):
    for locale, translate, expected in (
        ("id", ident, "1.413.000.000"), ("en", en, "1,413,000,000")
    ):
        table = table_of(parse, render_html(layout, seed_rows, locale, translate))
        program = table.kids("tbody")[0].kids("tr")[0].kids("td")
        # seed 000 line 1320: Tahun 1 = 70% / 1.413.000.000; end-of-period Rp printed "-"
        assert program[0].text == "1.06.04"
        assert program[4].text == "70%"
        assert program[5].text == expected
        assert program[5].attrs["class"] == "align-right"
        assert program[15].text == "-"
        assert program[1].attrs["class"] == "align-left"
    table = table_of(parse, render_html(layout, seed_rows, "id", ident))
    alat_bantu = table.kids("tbody")[0].kids("tr")[2].kids("td")
    # seed 000 line 1324 prints 130000000 for Tahun 3; shown with separators
    assert alat_bantu[9].text == "130.000.000"


def test_indentation_and_notes(parse, layout, seed_rows, ident):
    rows = table_of(parse, render_html(layout, seed_rows, "id", ident)).find_all("tr")[4:]
    assert "style" not in rows[0].kids("td")[1].attrs
    assert rows[1].kids("td")[1].attrs["style"] == "padding-left: 2.6em"
    assert "style" not in rows[1].kids("td")[2].attrs  # only the indent_key column
    assert rows[1].kids("td")[15].attrs["title"] == "printed, not computed"
    assert "title" not in rows[0].kids("td")[15].attrs


def test_one_tbody_per_group(parse, layout, many_rows, ident):
    table = table_of(parse, render_html(layout, many_rows, "id", ident))
    tbodies = table.kids("tbody")
    assert len(tbodies) == 30
    assert all(tb.attrs["style"] == "break-inside: avoid" for tb in tbodies)
    assert [tb.attrs["data-group"] for tb in tbodies[:2]] == ["1.06.01", "1.06.02"]
    assert all(len(tb.kids("tr")) == 8 for tb in tbodies)


def test_rows_without_group_share_one_breakable_tbody(parse, make_layout, ident):
    layout = make_layout(group_by=None)
    rows = [Row({"kode": "1"}), Row({"kode": "2"}), Row({"kode": "3"}, group="G")]
    tbodies = table_of(parse, render_html(layout, rows, "id", ident)).kids("tbody")
    assert len(tbodies) == 2
    assert "style" not in tbodies[0].attrs and len(tbodies[0].kids("tr")) == 2
    assert tbodies[1].attrs["data-group"] == "G"


def test_row_kinds_and_escaping(parse, make_layout, ident):
    layout = make_layout(numbering_row=False)
    rows = [
        Row({"nama": "<script>alert(1)</script>", "rp_1": Decimal("5")},
            notes={"rp_1": 'rule "R / T x 100"'}),
        Row({"nama": "Jumlah", "rp_1": Decimal("10")}, kind="total"),
    ]
    html = render_html(layout, rows, "id", ident)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'title="rule &#34;R / T x 100&#34;"' in html
    table = table_of(parse, html)
    assert len(table.kids("thead")[0].kids("tr")) == 3  # no numbering row
    trs = table.kids("tbody")[0].kids("tr")
    assert "class" not in trs[0].attrs and trs[1].attrs["class"] == "total"


def test_printable_page_embeds_the_font_and_sets_the_paper(layout, seed_rows, ident):
    page = render_html_page(layout, seed_rows, "id", ident)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="id">' in page
    assert "size: 330mm 215mm" in page  # F4 landscape
    assert page.count("data:font/ttf;base64,") == 2
    assert "http" not in page
    assert "break-inside: avoid" in page
    assert "table-row-group" not in page  # header repeated


def test_printable_page_with_font_url_and_without_repeated_header(make_layout, seed_rows, ident):
    layout = make_layout(repeat_header=False, page="A4", orientation="portrait")
    page = render_html_page(layout, seed_rows, "id", ident, font_url="fonts/")
    assert 'url("fonts/DejaVuSansCondensed.ttf")' in page
    assert "size: 210mm 297mm" in page
    assert "thead { display: table-row-group; }" in page
    assert all((FONTS_DIR / name).is_file() for name in FONT_FILES.values())
    assert (FONTS_DIR / "LICENSE.txt").read_text().count("Bitstream") > 0
