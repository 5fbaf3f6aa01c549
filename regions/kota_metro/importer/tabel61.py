"""Tabel 6.1 of the Renstra: programs, kegiatan and sub kegiatan with targets and pagu.

Tabel 6.1 ("RENCANA PROGRAM KEGIATAN, KEGIATAN, SUB KEGIATAN DAN PENDANAAN") is printed
twice, each time in eight parts (one per PDF page, each part with its own header rows):

* printing 1: lines 1262-1391, parts starting at lines 1262, 1284, 1302, 1315, 1329, 1347,
  1363, 1380;
* printing 2: lines 1393-1522 (the file's last line), parts starting at lines 1393, 1415, 1433, 1446, 1460, 1478,
  1494, 1511.

The two printings hold the same 87 rows in the same parts but differ in places (printing 2
has other Rp for "Perencanaan ..." at 1407-1409, ``77.000`` for ``77.000.000`` at 1440, no
baseline at 1457-1458; printing 1 lost cells of row 1374 that printing 2 has at 1505;
printing 1 repeats the last target/Rp pair of rows 1276-1282). For
items, each part is taken from the printing whose part has more printed cells in the 17
normalised columns (a tie goes to printing 1): parts 1-6 and 8 from printing 1, part 7
(lines 1494-1509) from printing 2. Both printings are also carried whole as TableSpecs
``tabel-6.1-printing-1`` and ``tabel-6.1-printing-2`` so core can compare them cell by cell.

Column layout. The PDF conversion splits the KODE column into up to five cells (urusan,
bidang, program, kegiatan, sub kegiatan) and shifts rows: rows of part 1 start with one
empty code cell, rows of part 2 (lines 1289-1299, 1420-1430) with four, coded rows with as
many cells as code parts. :func:`parse_row` realigns every row deliberately: the cells
before the name are the code cells by position; after the name come indicator, baseline
(Tahun 0), then target/Rp pairs for Tahun 1-5 and the end of period, then the responsible
unit (the last cell, when it is text). Cells beyond the six pairs (rows 1276-1282 print a
seventh pair) are kept in an ``overflow`` column, never dropped.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from core.specs import BudgetSpec, IndicatorSpec, ItemSpec, SourceRef, TableSpec, TargetSpec

from .source_text import cells as line_cells
from .source_text import line as source_line

TABLE = "Tabel 6.1"
PRINTINGS = {1: (1262, 1391), 2: (1393, 1522)}
#: Tahun 0 (the baseline) is 2020 and Tahun 1 is 2021: see :mod:`regions.kota_metro.renstra`.
BASELINE_YEAR = 2020
FIRST_YEAR = 2021
COLUMNS = (
    "code", "name", "indicator", "baseline",
    "t1", "rp1", "t2", "rp2", "t3", "rp3", "t4", "rp4", "t5", "rp5",
    "end_target", "end_rp", "unit", "overflow",
)
#: The 17 columns that hold printed cells of the table's own header (all but ``overflow``).
CORE_COLUMNS = COLUMNS[:17]

_CODE_CELL = re.compile(r"^\d+(\.\d+)?$")
_HEADER_CELL = re.compile(
    r"^(\d+|Target|Rp|Tahun \d|KODE|MISI/TUJUAN/SASARAN/PROGRAM PEMBANGUNAN DAERAH"
    r"|INDIKATOR KINERJA.*|KONDISI KINERJA AWAL.*|CAPAIAN KINERJA.*|PERANGKAT DAERAH.*"
    r"|Kondisi Kinerja pada Akhir.*)$"
)
_LABEL = re.compile(r"^(MISI|Tujuan|Sasaran) [\d.]+ :$")
_SUPPORT_FILE = Path(__file__).parent / "support_program.csv"


@dataclass(frozen=True)
class Row:
    """One data row of Tabel 6.1, realigned into the normalised columns."""

    line: int
    printing: int
    part: int
    code_cells: tuple[str, str, str, str, str]  # urusan, bidang, program, kegiatan, sub kegiatan
    name: str
    indicator: str
    baseline: str
    pairs: tuple[str, ...]  # 12 cells: t1, rp1, ..., t5, rp5, end_target, end_rp
    unit: str
    overflow: tuple[str, ...]

    @property
    def printed_code(self) -> str | None:
        """The code cells as printed, joined by single spaces (None when no code is printed)."""
        printed = [cell for cell in self.code_cells if cell]
        return " ".join(printed) if printed else None

    @property
    def targets(self) -> tuple[str, ...]:
        """Printed targets of Tahun 1-5."""
        return self.pairs[0:10:2]

    @property
    def rps(self) -> tuple[str, ...]:
        """Printed Rp of Tahun 1-5."""
        return self.pairs[1:10:2]

    @property
    def end_target(self) -> str:
        return self.pairs[10]

    @property
    def end_rp(self) -> str:
        return self.pairs[11]

    def cells(self) -> tuple[str, ...]:
        """The row in :data:`COLUMNS` order (overflow cells joined by a tab)."""
        return (
            self.printed_code or "", self.name, self.indicator, self.baseline,
            *self.pairs, self.unit, "\t".join(self.overflow),
        )

    def filled(self) -> int:
        """How many of the 17 core cells are printed (not empty)."""
        return sum(1 for cell in self.cells()[:17] if cell)


def is_header(number: int) -> bool:
    """Whether line ``number`` is a title or header row of Tabel 6.1 (or blank)."""
    text = source_line(number)
    if not text.strip() or text.startswith(("TABEL 6.1", "RENCANA PROGRAM", "KODE")):
        return True
    printed = [cell for cell in line_cells(number) if cell]
    return all(_HEADER_CELL.match(cell) for cell in printed)


def parse_row(number: int, printing: int, part: int) -> Row:
    """Realign the cells of data line ``number`` into a :class:`Row`."""
    raw = line_cells(number)
    name_at = next(
        i for i, cell in enumerate(raw) if cell and not (i < 5 and _CODE_CELL.match(cell))
    )
    code_cells = tuple((raw[:name_at] + [""] * 5)[:5])
    rest = raw[name_at + 1:]
    while rest and not rest[-1]:
        rest.pop()
    unit = ""
    # The responsible unit is the last printed cell when it is text and values precede it
    # (the Sasaran row 1274 has only an indicator, which must not be taken for a unit).
    if len(rest) >= 3 and rest[-1][:1].isalpha():
        unit = rest.pop()
        while rest and not rest[-1]:
            rest.pop()
    rest += [""] * max(0, 2 - len(rest))
    indicator, baseline, pairs = rest[0], rest[1], rest[2:]
    overflow = tuple(pairs[12:])
    pairs = tuple((pairs + [""] * 12)[:12])
    return Row(number, printing, part, code_cells, raw[name_at], indicator, baseline, pairs, unit, overflow)


def parts(printing: int) -> list[list[Row]]:
    """The data rows of one printing, grouped by part (a new part starts at each KODE header)."""
    start, end = PRINTINGS[printing]
    grouped: list[list[Row]] = []
    for number in range(start, end + 1):
        if source_line(number).startswith("KODE"):
            grouped.append([])
        elif not is_header(number):
            grouped[-1].append(parse_row(number, printing, len(grouped)))
    return grouped


@cache
def printings() -> dict[int, list[list[Row]]]:
    """Both printings, each as its list of parts."""
    result = {n: parts(n) for n in PRINTINGS}
    if len(result[1]) != len(result[2]):
        raise ValueError("the two printings of Tabel 6.1 have different numbers of parts")
    return result


@cache
def chosen_rows() -> tuple[Row, ...]:
    """The rows used for items: per part, the printing with more printed cells (tie: 1)."""
    both = printings()
    chosen: list[Row] = []
    for first, second in zip(both[1], both[2]):
        fullest = second if sum(r.filled() for r in second) > sum(r.filled() for r in first) else first
        chosen.extend(fullest)
    return tuple(chosen)


def counterpart_lines() -> dict[int, int]:
    """Line of each chosen row -> line of the same row in the other printing, where it exists.

    Parts with the same number of rows are paired row by row (all eight parts, as printed);
    otherwise rows are matched by printed code and name.
    """
    both = printings()
    pairs: dict[int, int] = {}
    for first, second in zip(both[1], both[2]):
        if len(first) == len(second):
            matched = list(zip(first, second))
        else:
            remaining = list(second)
            matched = []
            for row in first:
                other = next((r for r in remaining if r.printed_code == row.printed_code and r.name == row.name), None)
                if other is not None:
                    remaining.remove(other)
                    matched.append((row, other))
        for a, b in matched:
            pairs[a.line] = b.line
            pairs[b.line] = a.line
    return pairs


def printing_tables() -> tuple[TableSpec, ...]:
    """Both printings, every data row with its cells in :data:`COLUMNS` order."""
    tables = []
    for number, grouped in printings().items():
        start, end = PRINTINGS[number]
        rows = tuple(
            (row.cells(), SourceRef(table=TABLE, line=row.line, row=row.printed_code or row.name))
            for part in grouped
            for row in part
        )
        tables.append(
            TableSpec(
                key=f"tabel-6.1-printing-{number}",
                title=f"Tabel 6.1 Rencana Program, Kegiatan, Sub Kegiatan dan Pendanaan "
                f"(printing {number}, lines {start}-{end})",
                columns=COLUMNS,
                rows=rows,
            )
        )
    return tuple(tables)


@cache
def support_program_names() -> dict[str, dict[str, str]]:
    """Printed name -> level and reconstructed code for the uncoded support-program rows."""
    with _SUPPORT_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["printed_name"]: row for row in csv.DictReader(handle)}


def normalise_code(code_cells: tuple[str, ...]) -> tuple[str, list[str]]:
    """Dotted code (``1.06.03.2.01``) from positional code cells, with notes on any repair."""
    urusan, bidang, program, kegiatan, sub = code_cells
    notes = []
    if not urusan:
        urusan = "1"
        notes.append("urusan cell printed empty; '1' taken from the program's other rows")
    if len(bidang) == 1 or len(program) == 1:
        notes.append(f"printed without leading zero ({bidang!r}, {program!r}); normalised to 2 digits")
    parts_ = [urusan, bidang.zfill(2), program.zfill(2)]
    if kegiatan:
        parts_.append(kegiatan)
    if sub:
        parts_.append(sub.zfill(2))
    return ".".join(parts_), notes


@dataclass(frozen=True)
class GoalLabel:
    """A MISI / Tujuan / Sasaran row pair at the head of Tabel 6.1 (lines 1269-1274)."""

    kind: str  # "misi", "tujuan", "sasaran"
    label: str
    label_line: int
    text: str
    text_line: int
    indicator: str


@cache
def goal_labels() -> tuple[GoalLabel, ...]:
    """The MISI/Tujuan/Sasaran rows that precede the programs in the chosen rows."""
    rows = chosen_rows()
    labels = []
    for i, row in enumerate(rows):
        match = _LABEL.match(row.name)
        if match:
            text_row = rows[i + 1]
            labels.append(
                GoalLabel(match.group(1).lower(), row.name, row.line, text_row.name, text_row.line, text_row.indicator)
            )
    return tuple(labels)


def _indicator(row: Row) -> IndicatorSpec | None:
    printed = [row.indicator, row.baseline, *row.pairs[0:10:2], row.end_target]
    if not any(printed):
        return None
    targets = tuple(
        TargetSpec(year=FIRST_YEAR + i, printed=target, source=SourceRef(TABLE, row.line, f"Tahun {i + 1}"))
        for i, target in enumerate(row.targets)
        if target
    )
    return IndicatorSpec(
        text=row.indicator,
        baseline=row.baseline or None,
        baseline_year=BASELINE_YEAR if row.baseline else None,
        end_target=row.end_target or None,
        targets=targets,
        source=SourceRef(TABLE, row.line, row.printed_code or row.name),
    )


def _budgets(row: Row) -> tuple[BudgetSpec, ...]:
    budgets = [
        BudgetSpec(year=FIRST_YEAR + i, kind="pagu", printed=rp, source=SourceRef(TABLE, row.line, f"Tahun {i + 1}"))
        for i, rp in enumerate(row.rps)
        if rp
    ]
    if row.end_rp:
        budgets.append(BudgetSpec(year=None, kind="pagu", printed=row.end_rp, source=SourceRef(TABLE, row.line, "akhir")))
    return tuple(budgets)


def items(sasaran_key: str) -> tuple[ItemSpec, ...]:
    """Program, kegiatan and sub kegiatan items from the chosen rows, programs under ``sasaran_key``.

    Coded rows take their level from how many code parts are printed and their parent from
    the code; uncoded rows (the support program, lines 1275-1299) take level and code from
    ``support_program.csv`` by printed name and their parent from the order of rows.
    """
    result: dict[str, ItemSpec] = {}
    repeated: dict[str, list[tuple[str, str]]] = {}
    others = counterpart_lines()
    current = {"program": None, "kegiatan": None}
    goal_lines = {n for label in goal_labels() for n in (label.label_line, label.text_line)}
    for row in chosen_rows():
        if row.line in goal_lines:  # MISI/Tujuan/Sasaran rows: attached to the goal items
            continue
        extra: list[tuple[str, str]] = [("tabel_6.1_printing", str(row.printing))]
        if row.printed_code:
            code, notes = normalise_code(row.code_cells)
            level = "sub_kegiatan" if row.code_cells[4] else "kegiatan" if row.code_cells[3] else "program"
            extra += [("code_note", note) for note in notes]
        else:
            known = support_program_names().get(row.name)
            if known is None:
                raise ValueError(f"line {row.line}: uncoded row {row.name!r} is not in support_program.csv")
            code, level = known["code"], known["level"]
            extra.append((
                "code_note",
                f"no code printed; level and code reconstructed from the row order and the name's entry "
                f"{known['reference_code']} ({known['reference_name']!r}) in Kepmendagri 900.1.15.5-1317/2023, "
                f"written with 2-digit sub kegiatan as the document's other codes",
            ))
        key = f"61:{code}"
        if level == "program" and key in result:
            # One extra per repetition, named by its line, so none is lost.
            repeated.setdefault(key, []).append((f"repeated_header_line_{row.line}", str(row.line)))
            if row.line in others:
                repeated[key].append(
                    (f"repeated_header_line_other_printing_{others[row.line]}", str(others[row.line])))
            continue
        if level == "program":
            parent = sasaran_key
        elif row.printed_code:
            parent = f"61:{code.rsplit('.', 2)[0]}" if level == "kegiatan" else f"61:{code.rsplit('.', 1)[0]}"
        else:
            parent = current["program"] if level == "kegiatan" else current["kegiatan"]
        if key in result:
            raise ValueError(f"line {row.line}: duplicate item key {key}")
        if row.line in others:
            extra.append(("also_printed_at_line", str(others[row.line])))
        if row.overflow:
            extra.append(("overflow_cells", "\t".join(row.overflow)))
        if not row.indicator and any(row.pairs):
            extra.append(("indicator_note", "targets printed but no indicator text"))
        indicator = _indicator(row)
        result[key] = ItemSpec(
            key=key,
            level=level,
            name=row.name,
            parent_key=parent,
            printed_code=row.printed_code,
            code=code,
            responsible_unit=row.unit or None,
            indicators=(indicator,) if indicator else (),
            budgets=_budgets(row),
            source=SourceRef(TABLE, row.line, row.printed_code or row.name),
            extra=tuple(extra),
        )
        if level in current:
            current[level] = key
    for key, entries in repeated.items():
        result[key] = replace(result[key], extra=result[key].extra + tuple(entries))
    return tuple(result.values())
