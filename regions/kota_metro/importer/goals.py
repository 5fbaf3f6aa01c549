"""Visi, misi, tujuan, sasaran, strategi, arah kebijakan and urusan indicators of the Renstra.

Sources (line numbers in ``source/renstra_2021_2026.txt``): visi (1050), misi (1074-1078, the
Dinas serves Misi 2: 1080), Tabel 4.1 IKU (1182), Tabel 4.2 tujuan/sasaran with baseline 2020
and targets (1194), Tabel 5.1 strategy (1208), Tabel 7.1 IKU targets (1228), Tabel 7.2
urusan indicators (1237-1243), and the MISI/Tujuan/Sasaran rows heading Tabel 6.1
(1269-1274).

The document words the one tujuan and the one sasaran differently in each table. The items
take their name from Tabel 4.2 (the table with indicators and targets); every other wording
is carried in ``extra`` with its line, never merged or dropped. The column labelled "KONDISI
AKHIR" is headed 2026 in Tabel 4.2, 7.1 and 7.2, so it is carried both as ``end_target`` and
as the 2026 target (the LAKIP 2023, line 443, reads it as "tahun 2026 sebesar 100%").
"""

from __future__ import annotations

import re

from core.specs import IndicatorSpec, ItemSpec, SourceRef, TargetSpec

from .source_text import cells, expect
from .tabel61 import GoalLabel

BASELINE_YEAR = 2020
TARGET_YEARS = (2021, 2022, 2023, 2024, 2025)
END_YEAR = 2026

VISI_KEY = "visi"
MISI_KEY = "misi:2"
TUJUAN_KEY = "42:tujuan:1"
SASARAN_KEY = "42:sasaran:1"


def _bullets(cell: str) -> list[str]:
    """The items of a converted HTML list cell ("<ul ...> ▪ a ▪ b")."""
    text = re.sub(r"<[^>]+>", "", cell)
    return [part.strip() for part in text.split("▪") if part.strip()]


def _indicator(text: str, values: list[str], table: str, number: int, row: str | None = None,
               formula: str | None = None) -> IndicatorSpec:
    """An indicator from a row's [baseline, 5 yearly targets, end] cells."""
    baseline, *targets, end = values
    source = SourceRef(table, number, row)
    year_targets = [TargetSpec(year, printed, source=source) for year, printed in zip(TARGET_YEARS, targets)]
    year_targets.append(TargetSpec(END_YEAR, end, source=source))
    return IndicatorSpec(
        text=text,
        baseline=baseline,
        baseline_year=BASELINE_YEAR,
        end_target=end,
        targets=tuple(year_targets),
        formula=formula,
        source=source,
    )


def _labels_extra(labels: tuple[GoalLabel, ...], kind: str) -> list[tuple[str, str]]:
    extra = []
    for label in labels:
        if label.kind == kind:
            extra += [
                ("tabel_6.1_label", f"{label.label} (line {label.label_line})"),
                ("tabel_6.1_text", f"{label.text} (line {label.text_line})"),
            ]
            if label.indicator:
                extra.append(("tabel_6.1_indicator", f"{label.indicator} (line {label.text_line})"))
    return extra


def items(labels: tuple[GoalLabel, ...]) -> tuple[ItemSpec, ...]:
    """The goal items, top down, with the Tabel 6.1 head rows ``labels`` attached as extras."""
    visi_line = expect(1050, "“Terwujudnya Kota Metro")
    visi = visi_line.strip("“”.")
    misi_line = expect(1075, "2. **Misi 2** : ")
    misi = misi_line.removeprefix("2. **Misi 2** : ")

    iku = cells(1182)  # Tabel 4.1: no, tujuan, sasaran, indikator, pengukuran
    row42 = cells(1194)  # Tabel 4.2: tujuan, ind. tujuan, sasaran, ind. sasaran, 2020, 2021-2025, 2026
    row51 = cells(1208)  # Tabel 5.1: tujuan, sasaran, strategi, arah kebijakan
    row71 = cells(1228)  # Tabel 7.1: no, indikator, 2020, 2021-2025, 2026
    expect(1182, "1.\tTerwujudnya")
    expect(1194, "Meningkatnya kesejahteraan")
    expect(1228, "1\tPersentase")
    formula_printed = iku[4]
    formula = "Jumlah PPKS Yang Ditangani / Jumlah PPKS x 100%"

    # The five misi of the RPJMD (lines 1074-1078); the Dinas serves Misi 2 only (line 1080).
    other_misi = {}
    for number, line in ((1, 1074), (3, 1076), (4, 1077), (5, 1078)):
        prefix = f"{number}. **Misi {number}** : "
        other_misi[number] = ItemSpec(
            key=f"misi:{number}",
            level="misi",
            name=expect(line, prefix).removeprefix(prefix),
            parent_key=VISI_KEY,
            printed_code=f"Misi {number}",
            source=SourceRef("3.2 Telaahan Visi, Misi", line, f"Misi {number}"),
            extra=(("served_by_dinas", "no: line 1080 names Misi 2 as the one the Dinas serves"),),
        )

    result = [
        ItemSpec(
            key=VISI_KEY,
            level="visi",
            name=visi,
            source=SourceRef("3.2 Telaahan Visi, Misi", 1050),
            extra=(("also_printed", "Tabel 4.2 line 1190; Tabel 5.1 line 1206"),),
        ),
        other_misi[1],
        ItemSpec(
            key=MISI_KEY,
            level="misi",
            name=misi,
            parent_key=VISI_KEY,
            printed_code="Misi 2",
            source=SourceRef("3.2 Telaahan Visi, Misi", 1075, "Misi 2"),
            extra=(
                ("served_by_dinas", "line 1080: Dinas Sosial menjalankan Misi 2 (kedua)"),
                ("tabel_4.2_text", f"{cells(1193)[0]} (line 1193)"),
                ("tabel_5.1_text", f"{cells(1207)[0]} (line 1207)"),
                *_labels_extra(labels, "misi"),
            ),
        ),
        other_misi[3],
        other_misi[4],
        other_misi[5],
        ItemSpec(
            key=TUJUAN_KEY,
            level="tujuan",
            name=row42[0],
            parent_key=MISI_KEY,
            indicators=(_indicator(row42[1], row42[4:11], "Tabel 4.2", 1194, "indikator tujuan"),),
            source=SourceRef("Tabel 4.2", 1194),
            extra=(
                ("values_note", "Tabel 4.2 prints one set of values on the row of both the tujuan and "
                                "the sasaran indicator; carried on both"),
                ("tabel_4.1_text", f"{iku[1]} (line 1182)"),
                ("tabel_5.1_text", f"{row51[0]} (line 1208)"),
                *_labels_extra(labels, "tujuan"),
            ),
        ),
        ItemSpec(
            key=SASARAN_KEY,
            level="sasaran",
            name=row42[2],
            parent_key=TUJUAN_KEY,
            indicators=(
                _indicator(row42[3], row42[4:11], "Tabel 4.2", 1194, "indikator sasaran"),
                _indicator(row71[1], row71[2:9], "Tabel 7.1", 1228, "1", formula=formula),
            ),
            source=SourceRef("Tabel 4.2", 1194),
            extra=(
                ("iku_note", "Tabel 7.1 (IKU) indicator carries the Tabel 4.1 formula"),
                ("formula_printed", f"{formula_printed} (Tabel 4.1 line 1182, converted from a printed fraction)"),
                ("tabel_4.1_text", f"{iku[2]} (line 1182)"),
                ("tabel_4.1_indicator", f"{iku[3]} (line 1182)"),
                *((f"tabel_5.1_text_{n}", f"{s} (line 1208)") for n, s in enumerate(_bullets(row51[1]), 1)),
                *_labels_extra(labels, "sasaran"),
            ),
        ),
    ]
    for i, text in enumerate(_bullets(row51[2]), start=1):
        result.append(ItemSpec(
            key=f"51:strategi:{i}", level="strategi", name=text, parent_key=SASARAN_KEY,
            source=SourceRef("Tabel 5.1", 1208, f"strategi {i}"),
        ))
    for i, text in enumerate(_bullets(row51[3]), start=1):
        result.append(ItemSpec(
            key=f"51:arah_kebijakan:{i}", level="arah_kebijakan", name=text, parent_key=SASARAN_KEY,
            source=SourceRef("Tabel 5.1", 1208, f"arah kebijakan {i}"),
            extra=(("parent_note", "Tabel 5.1 prints strategies and policies as two lists in one row, "
                                   "without pairing them; hung under the sasaran"),),
        ))
    result += urusan_items()
    return tuple(result)


def urusan_items() -> list[ItemSpec]:
    """Tabel 7.2: the urusan and bidang urusan rows and the five urusan indicators."""
    expect(1237, "1.\tUrusan Wajib")
    expect(1238, "1.6\tUrusan Sosial")
    indicators = []
    for number in range(1239, 1244):
        row = cells(number)
        indicators.append(_indicator(row[1], row[2:9], "Tabel 7.2", number, row[0]))
    return [
        ItemSpec(
            key="72:1", level="urusan", name=cells(1237)[1], printed_code="1.", code="1",
            source=SourceRef("Tabel 7.2", 1237, "1."),
        ),
        ItemSpec(
            key="72:1.06", level="bidang_urusan", name=cells(1238)[1], parent_key="72:1",
            printed_code="1.6", code="1.06", indicators=tuple(indicators),
            source=SourceRef("Tabel 7.2", 1238, "1.6"),
            extra=(("code_note", "printed '1.6'; normalised to 1.06 (bidang urusan Sosial)"),),
        ),
    ]
