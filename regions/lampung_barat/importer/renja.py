"""The Renja 2021 items: tujuan/sasaran (lines 923-926) and the Renja 2021 table (lines 1186-1312).

Code convention (see :mod:`regions.lampung_barat.codes`): the table prints
``1.6.1.1.15.1`` = urusan 1 . bidang 6 . organisasi 1 . sub unit 1 . program 15 . kegiatan 1 and
the item ``code`` is the zero-padded ``1.06.01.01.15.01``. The program and kegiatan numbers of
this table are the region's own sequence (program 15 is *Pelayanan Administrasi Perkantoran*,
which the national Permendagri 13 list and Lampiran I number ``1.06.01``), so these codes keep
the organisation segments and must not be looked up in the national list; every program and
kegiatan carries an ``("code_note", ...)`` extra saying so.

Columns of the table (line 1190): (1) kode, (2) name, (3) indicator, (4) lokasi, (5) target 2021,
(6) pagu indikatif 2021, (7) sumber dana, (8) catatan penting, (9) target 2022, (10) pagu 2022.
"""

from __future__ import annotations

import re

from core.specs import BudgetSpec, IndicatorSpec, ItemSpec, SourceRef, TableSpec, TargetSpec

from . import codes
from .source_text import cells, is_blank, line

TABLE = "Rencana Program dan Kegiatan Dinas Sosial 2021"
TUJUAN_TABLE = "Tabel Tujuan dan Sasaran (Bab III 3.2)"

#: First and last line of the Renja 2021 table body (after the title on line 1186).
FIRST_LINE, LAST_LINE = 1188, 1312
#: The tujuan/sasaran table rows.
TUJUAN_LINES = (925, 926)
#: Lines of the urusan, bidang urusan and the two organisation rows above the programs.
URUSAN_LINE, BIDANG_LINE, ORG_LINES = 1191, 1192, (1193, 1194)
TOTAL_LINE = 1312
#: Bab II 2.4 states the pagu indikatif of the rancangan awal RKPD in a sentence.
RKPD_PAGU_LINE = 229

#: Program rows whose indicators are printed in an HTML list without bullets, run together in
#: one cell: they are split before each "Persentase" (Lampiran I lines 1178-1180 print the same
#: three disaster indicators as three rows, which confirms the split).
RUN_TOGETHER_INDICATOR_LINES = {1276, 1304}

CODE_NOTE = (
    "table code = urusan.bidang.organisasi.sub unit.program.kegiatan with the region's own "
    "program/kegiatan sequence; not the national Permendagri 13 numbering (see Lampiran I)"
)

_UL = re.compile(r"<ul[^>]*>")
_TARGET_TOKEN = re.compile(r"\d[\d.,]*\s*(?:%|[A-Za-z]+)")

COLUMNS = (
    "kode", "nama", "indikator", "lokasi", "target_2021", "pagu_2021",
    "sumber_dana", "catatan", "target_2022", "pagu_2022",
)


def is_header_line(number: int) -> bool:
    """Whether a line of the table is a (repeated) page header rather than a data row."""
    first = cells(number)[0]
    return first == "Kode" or first == "(1)" or (first == "" and "Lokasi" in line(number))


def data_lines() -> list[int]:
    """Line numbers of every data row of the Renja 2021 table, TOTAL included."""
    return [
        n for n in range(FIRST_LINE, LAST_LINE + 1) if not is_blank(n) and not is_header_line(n)
    ]


def _row(number: int) -> dict[str, str]:
    """The ten printed cells of a data row, by column name."""
    row = cells(number)
    if len(row) != len(COLUMNS):
        raise ValueError(f"line {number}: {len(row)} cells, expected {len(COLUMNS)}")
    return dict(zip(COLUMNS, row))


def _indicator_texts(number: int, printed: str) -> list[str]:
    """The indicators of a cell: bullet-separated, or run together (RUN_TOGETHER_INDICATOR_LINES)."""
    text = _UL.sub("", printed)
    if number in RUN_TOGETHER_INDICATOR_LINES:
        parts = re.split(r"\s+(?=Persentase )", text.replace("•", " "))
    else:
        parts = text.split("•")
    return [" ".join(p.split()) for p in parts if p.strip()]


def _split_targets(printed: str) -> list[str]:
    """Split a cell where the PDF conversion ran several targets together ("15 Orang90 Orang")."""
    tokens = [t.strip() for t in _TARGET_TOKEN.findall(printed)]
    if re.sub(r"\s", "", "".join(tokens)) != re.sub(r"\s", "", printed):
        return [printed]
    return tokens or [printed]


def _targets(
    number: int, row: dict[str, str], texts: list[str], extra: list[tuple[str, str]]
) -> list[list[TargetSpec]]:
    """Targets per indicator for 2021 (column 5) and 2022 (column 9); notes go to ``extra``.

    A cell that holds one value per indicator is split; any other cell with several values
    (lines 1244, 1259, 1284, 1287) is kept whole on the first indicator, with a note.
    """
    per_indicator: list[list[TargetSpec]] = [[] for _ in texts]
    for column, year in (("target_2021", 2021), ("target_2022", 2022)):
        printed = row[column]
        if not printed:
            continue
        if not texts:
            raise ValueError(f"line {number}: target {printed!r} without an indicator")
        source = SourceRef(TABLE, number, row["kode"])
        tokens = _split_targets(printed)
        if len(tokens) == len(texts):
            for slot, token in zip(per_indicator, tokens):
                slot.append(TargetSpec(year, token, source=source))
            if len(tokens) > 1:
                extra.append((f"{column}_note", f"cell {printed!r} split into one target per indicator"))
        else:
            per_indicator[0].append(TargetSpec(year, printed, source=source))
            extra.append((
                f"{column}_note",
                f"cell prints {len(tokens)} value(s) ({' | '.join(tokens)}) for {len(texts)} "
                "indicator(s); carried whole, as printed, on the first indicator",
            ))
    return per_indicator


def _item(number: int, level: str, parent_key: str) -> ItemSpec:
    row = _row(number)
    printed_code = row["kode"]
    code = codes.normalise(codes.split_dotted(printed_code))
    extra: list[tuple[str, str]] = [("code_note", CODE_NOTE)]
    name = row["nama"]
    if len(name) > 1 and name[0] == name[-1] == '"':
        # Line 1287 prints the program name inside quotation marks (a conversion artefact).
        extra.append(("printed_name", name))
        name = name[1:-1]
    texts = _indicator_texts(number, row["indikator"])
    targets = _targets(number, row, texts, extra)
    source = SourceRef(TABLE, number, printed_code)
    indicators = tuple(
        IndicatorSpec(text=text, targets=tuple(t), source=source) for text, t in zip(texts, targets)
    )
    budgets = tuple(
        BudgetSpec(year, "pagu", row[column], source=source)
        for column, year in (("pagu_2021", 2021), ("pagu_2022", 2022))
        if row[column]
    )
    extra.extend((column, row[column]) for column in ("lokasi", "sumber_dana", "catatan") if row[column])
    return ItemSpec(
        key=f"{level}:{code}",
        level=level,
        name=name,
        parent_key=parent_key,
        printed_code=printed_code,
        code=code,
        indicators=indicators,
        budgets=budgets,
        source=source,
        extra=tuple(extra),
    )


def tujuan_sasaran_items() -> list[ItemSpec]:
    """The tujuan and sasaran of Bab III 3.2 with the sasaran's indicator (lines 923-926)."""
    items = []
    for number in TUJUAN_LINES:
        no, tujuan, sasaran, indikator = cells(number)
        index = no.rstrip(".")
        source = SourceRef(TUJUAN_TABLE, number, no)
        items.append(ItemSpec(key=f"tujuan:{index}", level="tujuan", name=tujuan, source=source))
        items.append(ItemSpec(
            key=f"sasaran:{index}",
            level="sasaran",
            name=sasaran,
            parent_key=f"tujuan:{index}",
            indicators=(IndicatorSpec(text=indikator, source=source),),
            source=source,
        ))
    return items


def table_items() -> list[ItemSpec]:
    """Urusan, bidang urusan, programs and kegiatan of the Renja 2021 table, in table order."""
    urusan = cells(URUSAN_LINE)
    bidang = cells(BIDANG_LINE)
    urusan_code = codes.normalise(codes.split_dotted(urusan[0]))
    bidang_code = codes.normalise(codes.split_dotted(bidang[0]))
    org = "; ".join(f"{cells(n)[0]} {cells(n)[1]} (line {n})" for n in ORG_LINES)
    items = [
        ItemSpec(
            key=f"urusan:{urusan_code}", level="urusan", name=urusan[1], printed_code=urusan[0],
            code=urusan_code, source=SourceRef(TABLE, URUSAN_LINE, urusan[0]),
        ),
        ItemSpec(
            key=f"bidang_urusan:{bidang_code}", level="bidang_urusan", name=bidang[1],
            parent_key=f"urusan:{urusan_code}", printed_code=bidang[0], code=bidang_code,
            source=SourceRef(TABLE, BIDANG_LINE, bidang[0]),
            extra=(("unit_organisasi", org),),
        ),
    ]
    program_key = None
    for number in data_lines():
        if number in (URUSAN_LINE, BIDANG_LINE, *ORG_LINES, TOTAL_LINE):
            continue
        segments = codes.split_dotted(cells(number)[0])
        if len(segments) == 5:
            item = _item(number, "program", f"bidang_urusan:{bidang_code}")
            program_key = item.key
        elif len(segments) == 6:
            item = _item(number, "kegiatan", program_key)
            if item.code.rsplit(".", 1)[0] != program_key.split(":", 1)[1]:
                raise ValueError(f"line {number}: kegiatan outside program {program_key}")
        else:
            raise ValueError(f"line {number}: unexpected code {cells(number)[0]!r}")
        items.append(item)
    return items


def _rkpd_pagu() -> str:
    match = re.search(r"Belanja Langsung sebesar Rp\. ([0-9][0-9.,]*)", line(RKPD_PAGU_LINE))
    return match[1]


def totals_table() -> TableSpec:
    """The printed TOTAL row (line 1312) and the pagu indikatif stated in Bab II 2.4 (line 229)."""
    total = cells(TOTAL_LINE)
    return TableSpec(
        key="renja-2021-totals",
        title="Jumlah pagu indikatif Renja 2021 sebagaimana tercetak",
        columns=("label", "pagu_2021", "pagu_2022"),
        rows=(
            ((total[0], total[5], total[9]), SourceRef(TABLE, TOTAL_LINE, "TOTAL")),
            (
                ("Pagu indikatif Belanja Langsung (rancangan awal RKPD, Bab II 2.4)", _rkpd_pagu(), ""),
                SourceRef("Bab II 2.4 Review terhadap Rancangan Awal RKPD", RKPD_PAGU_LINE),
            ),
        ),
    )
