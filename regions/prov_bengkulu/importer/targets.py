"""Tabel 4.2 (tujuan/sasaran targets), Tabel 7.1 (indicators referring to the RPJMD) and
Tabel 5 (strategy and policy direction), placed cell by cell.

Calendar years: Tabel 4.2 prints *Capaian 2020* (baseline), *target Kinerja 2021* and targets
for 2022-2026 (lines 1110-1111). Tabel 7.1 prints *Kondisi Kinerja Awal 2021* (baseline) and
(Target, Rp.) pairs for 2022-2026 and the end of the RPJMD period (lines 1340-1342).
"""

from __future__ import annotations

from .source import cells

T42 = "Tabel 4.2"
T71 = "Tabel 7.1"
T5 = "Tabel 5"

#: Tabel 4.2 rows: line -> (item key, level). Cells: No, name, indicator, satuan, 2020, 2021, 2022-2026.
TABEL_42 = {
    1112: ("tujuan-1", "tujuan"),
    1113: ("sasaran-1.1", "sasaran"),
    1114: ("sasaran-1.2", "sasaran"),
    1115: ("tujuan-2", "tujuan"),
    1116: ("sasaran-2.1", "sasaran"),
}
TABEL_42_PARENTS = {"sasaran-1.1": "tujuan-1", "sasaran-1.2": "tujuan-1", "sasaran-2.1": "tujuan-2"}

_STD_71 = "ind sat base t2022 r2022 t2023 r2023 t2024 r2024 t2025 r2025 t2026 r2026 te re"

#: Tabel 7.1 rows as (line of the indicator text, line of the values, item key, value layout).
#: The value layout covers the cells after the first one. Lines 1346-1349 are shifted: each
#: indicator text stands one row above its values (1347's money is the support program's,
#: 1348's 69,9 ... 72,5 repeat Tabel 4.2's PMKS targets, 1349's 55/56 the PSKS ones), so
#: text and values are re-paired here; 1346's own predicate cells repeat 1345 and stay unplaced.
TABEL_71 = (
    (1345, 1345, "sasaran-2.1", "sat base t2022 x t2023 x t2024 x t2025 x t2026 x te x x pad pad"),
    (1346, 1347, "6.1:1207",
     "sat t2022 r2022 t2023 r2023 t2024 r2024 t2025 r2025 t2026 r2026 x x te re unit pad"),
    (1347, 1348, "tujuan-1", "sat base t2022 t2023 t2024 t2025 t2026 te x x x x x x pad pad pad"),
    (1348, 1349, "sasaran-1.2", "sat base t2022 t2023 t2024 t2025 t2026 te x x x x x x x x pad"),
    (1351, 1351, "6.1:1244", _STD_71.split(" ", 1)[1]),
    (1352, 1352, "6.1:1253", _STD_71.split(" ", 1)[1]),
    (1353, 1353, "6.1:1255", _STD_71.split(" ", 1)[1]),
    # 1354: the targets run on through the Rp columns; the 2022 Rp cell is empty.
    (1354, 1354, "sasaran-1.1", "sat base t2022 x t2023 t2024 t2025 t2026 te x x x x x"),
    (1355, 1355, "6.1:1260", _STD_71.split(" ", 1)[1]),
    (1356, 1356, "6.1:1323", _STD_71.split(" ", 1)[1]),
    (1357, 1357, "6.1:1315", _STD_71.split(" ", 1)[1]),
)
TABEL_71_UNPLACED_LINE = 1346  # its value cells repeat line 1345
TABEL_71_TOTALS_LINE = 1358


def place(tokens: list[str], values: list[str]) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """Pair layout tokens with cells; return placed values and unplaced (1-based cell, text)."""
    if len(tokens) != len(values):
        raise ValueError(f"layout has {len(tokens)} tokens for {len(values)} cells")
    placed, unplaced = {}, []
    for index, (token, text) in enumerate(zip(tokens, values), start=1):
        if token == "pad" and text == "":
            continue
        if token in ("x", "pad") or token in placed:
            unplaced.append((index, text))
        else:
            placed[token] = text
    return placed, unplaced


def tabel_71_rows():
    """Yield (text line, values line, item key, indicator text, placed values, unplaced cells)."""
    for text_line, values_line, key, layout in TABEL_71:
        values = cells(values_line)[1:]
        placed, unplaced = place(layout.split(), values)
        # Unplaced cell numbers count from the values line's second cell; report them 1-based
        # in the printed row (the first cell is the text column).
        unplaced = [(index + 1, text) for index, text in unplaced]
        yield text_line, values_line, key, cells(text_line)[0], placed, unplaced


#: Tabel 5 (lines 1128-1142): strategi rows. Lines 1135 and 1137 are one row wrapped across a
#: page break (strategi "Penanganan warga negara" + "migran korban tindak kekerasan", and its
#: arah kebijakan likewise); they are joined here.
TABEL_5_STRATEGI = (
    # (first line, continuation line or None, parent sasaran key, arah kebijakan lines)
    (1131, None, "sasaran-1.1", (1131, 1132, 1133, 1134)),
    (1135, 1137, "sasaran-1.1", (1135,)),
    (1138, None, "sasaran-1.1", (1138,)),
    (1139, None, "sasaran-1.1", (1139,)),
    (1141, None, "sasaran-1.2", (1141,)),
    (1142, None, "sasaran-2.1", (1142,)),
)
#: Line 1142 prints six policy directions in one cell; each starts with this word.
ARAH_SPLIT_WORD = "Meningkatkan "


def split_arah(text: str) -> list[str]:
    """Split a cell holding several 'Meningkatkan ...' statements into one per statement."""
    parts = [p.strip() for p in text.split(ARAH_SPLIT_WORD) if p.strip()]
    if len(parts) <= 1 or not text.startswith(ARAH_SPLIT_WORD):
        return [text]
    return [ARAH_SPLIT_WORD + p for p in parts]
