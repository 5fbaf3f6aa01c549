"""PDF rendering, read back with pypdf: headers on every page, groups kept whole."""

import io
import re

import pypdf
import pytest

from plugins.export_pdf.render import render_pdf

MM = 72 / 25.4


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def multipage(make_layout, many_rows, ident):
    # 8 programs x 8 rows (the first 64 synthetic rows), rendered once for the module.
    pdf = render_pdf(make_layout(), many_rows[:64], "id", ident, ("Dinas Sosial Kota Metro",))
    return pypdf.PdfReader(io.BytesIO(pdf))


@pytest.fixture(scope="module")
def pages(multipage):
    return [squash(page.extract_text()) for page in multipage.pages]


def test_is_multi_page_with_page_numbers(pages):
    assert len(pages) >= 3
    assert f"1 / {len(pages)}" in pages[0]
    assert f"{len(pages)} / {len(pages)}" in pages[-1]


def test_headers_on_every_page(pages):
    # Seed 000 lines 1265-1268: the header and numbering row, repeated as the seed repeats it.
    for text in pages:
        assert text.count("KODE") == 1
        assert "CAPAIAN KINERJA PROGRAM DAN KERANGKA PENDANAAN" in text
        assert "Tahun 1 Tahun 2 Tahun 3 Tahun 4 Tahun 5" in text
        assert "Target Rp " * 5 + "Target Rp" in text
        assert " ".join(str(n) for n in range(1, 18)) in text
    assert "Dinas Sosial Kota Metro" in pages[0]
    assert "Dinas Sosial Kota Metro" not in pages[1]  # the caption is not repeated


def _page_of(pages, number: str) -> int:
    pattern = re.compile(rf"(?<![\d.]){re.escape(number)}(?![\d.])")
    found = [i for i, text in enumerate(pages) if pattern.search(text)]
    assert len(found) == 1, (number, found)
    return found[0]


def test_numbers_formatted_and_groups_not_split(pages):
    # conftest's synthetic rule: program p's first row has rp_1 = p * 1_000_000 + 1 and its
    # last sub kegiatan (s = 7) has rp_1 = (p * 1000 + 7) * 1000 + 1.
    assert _page_of(pages, "1.000.001") == 0
    page_of_group = []
    for p in range(1, 9):
        first = _page_of(pages, f"{p * 1_000_000 + 1:,}".replace(",", "."))
        last = _page_of(pages, f"{(p * 1000 + 7) * 1000 + 1:,}".replace(",", "."))
        assert first == last, f"program {p} split across pages {first} and {last}"
        page_of_group.append(first)
    assert page_of_group == sorted(page_of_group) and page_of_group[-1] == len(pages) - 1


def test_page_size_fonts_and_english(make_layout, seed_rows, en):
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(make_layout(), seed_rows, "en", en)))
    page = reader.pages[0]
    assert float(page.mediabox.width) == pytest.approx(330 * MM, abs=1)  # F4 landscape
    assert float(page.mediabox.height) == pytest.approx(215 * MM, abs=1)
    text = squash(page.extract_text())
    # seed 000 lines 1320-1322: 1.413.000.000 and 145.918.500, written the English way
    assert "1,413,000,000" in text and "145,918,500" in text
    assert "CODE" in text and "Year 1" in text and "RESPONSIBLE AGENCY" in text
    fonts = [f.get_object()["/BaseFont"] for f in page["/Resources"]["/Font"].values()]
    assert fonts and all("DejaVuSansCondensed" in name for name in fonts)  # only the bundled font


def test_a4_portrait(make_layout, seed_rows, ident):
    layout = make_layout(page="A4", orientation="portrait")
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(layout, seed_rows, "id", ident)))
    assert float(reader.pages[0].mediabox.width) == pytest.approx(210 * MM, abs=1)
    assert "1.413.000.000" in squash(reader.pages[0].extract_text())
