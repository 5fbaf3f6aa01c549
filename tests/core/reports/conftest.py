"""Fixtures: Kota Metro's Renstra Tabel 6.1 as a layout, rows typed from the seed, and a
few hundred synthetic rows for multi-page output.

Seed: /work/shared/seeds/000_3b9e2e5a2a452637.txt, Tabel 6.1 header at lines 1265-1268.
"""

from __future__ import annotations

from decimal import Decimal
from html.parser import HTMLParser

import pytest

from core.reports.layout import Column, Layout
from core.reports.rows import Row

#: English for the msgids of the layout (the msgids are the Indonesian labels as printed).
EN = {
    "TABEL 6.1 RENCANA PROGRAM, KEGIATAN, SUB KEGIATAN DAN PENDANAAN": (
        "TABLE 6.1 PLANNED PROGRAMS, ACTIVITIES, SUB-ACTIVITIES AND FUNDING"
    ),
    "KODE": "CODE",
    "Target": "Target",
    "Rp": "IDR",
    "Tahun 1": "Year 1",
    "PERANGKAT DAERAH PENANGGUNG JAWAB": "RESPONSIBLE AGENCY",
}


def translate_en(msgid: str) -> str:
    """A stand-in for gettext in English: known msgids translated, others unchanged."""
    return EN.get(msgid, msgid)


def translate_id(msgid: str) -> str:
    """A stand-in for gettext in Indonesian (the msgids are Indonesian)."""
    return msgid


def _year(n: int) -> Column:
    return Column(
        f"tahun_{n}",
        f"Tahun {n}",
        children=(
            Column(f"target_{n}", "Target", format="text", align="right", width=8),
            Column(f"rp_{n}", "Rp", format="money", width=13),
        ),
    )


def tabel_6_1_layout(**overrides) -> Layout:
    """Tabel 6.1 as printed at seed lines 1265-1268: 17 numbered columns, 3 header rows."""
    options = dict(
        id="renstra-tabel-6-1",
        title="TABEL 6.1 RENCANA PROGRAM, KEGIATAN, SUB KEGIATAN DAN PENDANAAN",
        columns=(
            Column("kode", "KODE", width=11),
            Column("nama", "MISI/TUJUAN/SASARAN/PROGRAM PEMBANGUNAN DAERAH", width=26),
            Column("indikator", "INDIKATOR KINERJA (tujuan/impact/outcome)", width=24),
            Column(
                "kondisi_awal", "KONDISI KINERJA AWAL RPJMD (Tahun 0)", align="right", width=10
            ),
            Column(
                "capaian",
                "CAPAIAN KINERJA PROGRAM DAN KERANGKA PENDANAAN",
                children=(
                    *(_year(n) for n in range(1, 6)),
                    Column(
                        "akhir",
                        "Kondisi Kinerja pada Akhir Periode RPJMD",
                        children=(
                            Column("target_akhir", "Target", align="right", width=8),
                            Column("rp_akhir", "Rp", format="money", width=13),
                        ),
                    ),
                ),
            ),
            Column("penanggung_jawab", "PERANGKAT DAERAH PENANGGUNG JAWAB", width=14),
        ),
        numbering_row=True,
        group_by="program",
        indent_key="nama",
        page="F4",
        orientation="landscape",
    )
    options.update(overrides)
    return Layout(**options)


@pytest.fixture
def layout() -> Layout:
    return tabel_6_1_layout()


def _row(level, kode, nama, indikator, awal, pairs, pj, **extra) -> Row:
    values = {"kode": kode, "nama": nama, "indikator": indikator, "kondisi_awal": awal,
              "penanggung_jawab": pj, "program": "1.06.04"}
    keys = [f"{n}" for n in range(1, 6)] + ["akhir"]
    for key, (target, rp) in zip(keys, pairs, strict=True):
        values[f"target_{key}"] = target
        values[f"rp_{key}"] = rp
    return Row(values, level=level, **extra)


@pytest.fixture
def seed_rows() -> list[Row]:
    """Rows of program 1.06.04 typed from seed 000, lines 1320-1324 (numbers as Decimal,
    other cells as printed)."""
    return [
        # line 1320
        _row(0, "1.06.04", "Program Rehabilitasi Sosial",
             "Proposi Pemerlu Pelayanan Kesejahteraan Sosial (PPKS) yang mendapatkan "
             "pelayanan sosial",
             "60%",
             [("70%", Decimal("1413000000")), ("80%", Decimal("1483000000")),
              ("90%", Decimal("1557000000")), ("100%", Decimal("1635000000")),
              ("100%", Decimal("1717000000")), ("100%", "-")],
             "Dinas Sosial"),
        # line 1322
        _row(2, "1.06.04.2.01.01", "Penyediaan Permakanan",
             "Jumlah lansia terlantar yang mendapatkan bantuan pemenuhan kebutuhan pokok",
             "48",
             [("48", Decimal("138970000")), ("50", Decimal("145918500")),
              ("55", Decimal("153214425")), ("60", Decimal("160875146")),
              ("65", Decimal("168918904")), ("70", Decimal("177364849"))],
             "Dinas Sosial",
             notes={"rp_akhir": "printed, not computed"}),
        # line 1324 (Tahun 3 Rp printed without separators: 130000000)
        _row(2, "1.06.04.2.01.03", "Penyediaan Alat Bantu", "Jumlah Penerima Alat Bantu",
             "29 Orang",
             [("20 Orang", Decimal("200000000")), ("15 Orang", Decimal("162000000")),
              ("12 Orang", Decimal("130000000")), ("10", Decimal("100000000")),
              ("10", Decimal("100000000")), ("10", Decimal("100000000"))],
             "Dinas Sosial"),
    ]


def synthetic_rows(programs: int = 30, per_program: int = 8) -> list[Row]:
    """Invented rows (for volume only): each program, then its sub kegiatan, with money
    amounts following a simple rule so tests can state them."""
    rows = []
    for p in range(1, programs + 1):
        code = f"1.06.{p:02d}"
        rows.append(_synthetic(code, code, f"Program Sintetis {p}", 0, p * 1000))
        for s in range(1, per_program):
            rows.append(_synthetic(code, f"{code}.2.01.{s:02d}", f"Sub Kegiatan Sintetis {p}.{s}",
                                   2, p * 1000 + s))
    return rows


def _synthetic(program, kode, nama, level, base) -> Row:
    values = {"program": program, "kode": kode, "nama": nama,
              "indikator": f"Indikator {kode}", "kondisi_awal": "50%",
              "penanggung_jawab": "Dinas Sosial"}
    for n in range(1, 6):
        values[f"target_{n}"] = f"{50 + 10 * n}%"
        values[f"rp_{n}"] = Decimal(base * 1000 + n)
    values["target_akhir"] = "100%"
    values["rp_akhir"] = Decimal(base * 1000 + 6)
    return Row(values, level=level)


@pytest.fixture(scope="session")
def many_rows() -> list[Row]:
    return synthetic_rows()


class Element:
    """A parsed HTML element (just enough DOM for the tests)."""

    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children: list[Element] = []
        self.text_parts: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.text_parts) + "".join(c.text for c in self.children)

    def find_all(self, tag) -> list[Element]:
        found = []
        for child in self.children:
            if child.tag == tag:
                found.append(child)
            found.extend(child.find_all(tag))
        return found

    def kids(self, tag) -> list[Element]:
        return [c for c in self.children if c.tag == tag]


class _TreeBuilder(HTMLParser):
    VOID = {"col", "br", "meta", "link", "img", "hr", "input"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Element("#root", {})

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        if tag not in self.VOID:
            self.current = element

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        node = self.current
        while node.tag != tag:
            node = node.parent
        self.current = node.parent

    def handle_data(self, data):
        self.current.text_parts.append(data)


def parse_html(text: str) -> Element:
    """Parse HTML into :class:`Element` nodes; the returned root holds the top elements."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


@pytest.fixture(scope="session")
def parse():
    """The HTML parser helper, as a fixture (test modules do not import conftest)."""
    return parse_html


@pytest.fixture(scope="session")
def en():
    """English translate callable."""
    return translate_en


@pytest.fixture(scope="session")
def ident():
    """Indonesian translate callable (identity: the msgids are Indonesian)."""
    return translate_id


@pytest.fixture(scope="session")
def make_layout():
    """Factory for Tabel 6.1 layouts with overridden options."""
    return tabel_6_1_layout
