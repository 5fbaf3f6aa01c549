"""Tabel 3.2 of the LAKIP 2023 (lines 911-1587): budget and realisation by item and account.

The table prints, for the urusan, each program, kegiatan and sub kegiatan, and below each
sub kegiatan its account lines (kode rekening names, no codes), two amounts: column 3
"Anggaran" and column 4, headed "Rencana" but holding the realisation (its total,
4.825.424.420 at line 1587, is what line 1589 calls "terealisasi"). Some leaf account lines
print only the first amount (lines 1249, 1255-1260, 1263, 1266, 1270).

Account depth is not printed reliably (the leading empty cell that marks a leaf is missing
in some blocks, e.g. lines 915-924), so it is read from the account name: the Permendagri 90
chart of accounts places each name at one level (kelompok > jenis > objek > rincian objek >
sub rincian objek). Depth is never inferred from the amounts, so that the sums can be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lakip_layout import BUDGET_LINES, ROWS
from .lakip_text import cells, line, norm

URUSAN_LINE = 911
TOTAL_LINE = 1587

#: Names of the account levels, by depth below the sub kegiatan.
ACCOUNT_LEVELS = {1: "kelompok", 2: "jenis", 3: "objek", 4: "rincian_objek", 5: "sub_rincian_objek"}

_DEPTH_BY_NAME = {
    1: ("belanja operasi", "belanja modal"),
    2: (
        "belanja pegawai",
        "belanja barang dan jasa",
        "belanja hibah",
        "belanja bantuan sosial",
        "belanja modal peralatan dan mesin",
        "belanja modal gedung dan bangunan",
    ),
    3: (
        "belanja gaji dan tunjangan asn",
        "belanja tambahan penghasilan asn",
        "tambahan penghasilan berdasarkan pertimbangan objektif lainnya asn",
        "tambahkan penghasilan berdasarkan pertimbangan objektif lainnya asn",  # sic, line 1275
        "belanja barang",
        "belanja jasa",
        "belanja pemeliharaan",
        "belanja perjalanan dinas",
        "belana perjalanan dinas",  # sic, e.g. line 1073
        "belanja hibah kepada badan, lembaga, organisasi kemasyarakatan yang berbadan hukum indonesia",
        "belanja bantuan sosial kepada individu",
        "belanja modal alat kantor dan rumah tangga",
        "belanja modal komputer",
    ),
    4: (
        "belanja barang pakai habis",
        "belanja jasa kantor",
        "belanja sewa peralatan dan mesin",
        "belanja sewa aset tetap lainnya",
        "belanja pemeliharaan peralatan dan mesin",
        "belanja pemeliharaan gedung dan bangunan",
        "belanja perjalanan dinas dalam negeri",
        "belanja gaji pokok asn",
        "belanja pembulatan gaji asn",
        "belanja honorarium",
        "belanja hibah kepada badan dan lembaga nirlaba, sukarela bersifat sosial kemasyarakatan",
        "belanja bantuan sosial uang yang direncanakan kepada individu",
        "belanja bantuan sosial barang yang direncanakan kepada individu",
        "belanja modal alat rumah tangga",
        "belanja modal komputer unit",
        "belanja modal peralatan komputer",
    ),
}
_DEPTH4_PATTERNS = (
    re.compile(r"^belanja tunjangan .* asn$"),
    re.compile(r"^tambahan penghasilan berdasarkan (beban kerja|kondisi kerja|kelangkaan profesi|prestasi kerja) asn$"),
)
_ACCOUNT_NAME = re.compile(r"^(Belanja|Belana|Tambahan|Tambahkan|Honor)")
_AMOUNT = re.compile(r"^(?:[0-9][0-9.]*|-)$")


@dataclass(frozen=True)
class BudgetRow:
    """One printed row of Tabel 3.2.

    ``kind``: ``urusan`` (line 911), ``item`` (a program, kegiatan or sub kegiatan of
    :data:`~.lakip_layout.ROWS`), ``rekening`` (an account line) or ``total`` (line 1587).
    For a rekening, ``depth`` is its account level (1-5) and ``parent_line`` the line of the
    row it sits under (an account line, or the sub kegiatan's line).
    """

    line: int
    kind: str
    name: str
    anggaran: str
    realisasi: str | None
    depth: int | None = None
    parent_line: int | None = None


def account_depth(name: str, previous_name: str | None) -> int:
    """The account level of an account name (5 for any name not known as a header).

    A rincian objek row is followed by a leaf with the very same name (lines 1184-1185,
    1228-1229, 1248-1249, 1269-1270, 1344-1345, 1452-1453): the repeat is the leaf.
    """
    key = norm(name)
    for depth, names in _DEPTH_BY_NAME.items():
        if key in names:
            break
    else:
        depth = 4 if any(p.match(key) for p in _DEPTH4_PATTERNS) else 5
    if depth == 4 and previous_name is not None and norm(previous_name) == key:
        return 5
    return depth


def _name_and_amounts(number: int) -> tuple[str, list[str]]:
    parts = [c for c in cells(number) if c]
    names = [c for c in parts if not _AMOUNT.match(c)]
    amounts = [c for c in parts if _AMOUNT.match(c)]
    if len(names) > 1 or not 1 <= len(amounts) <= 2:
        raise ValueError(f"Tabel 3.2 line {number}: unexpected cells {parts!r}")
    return (names[0] if names else ""), amounts


@cache
def budget_rows() -> tuple[BudgetRow, ...]:
    """Every non-blank row of Tabel 3.2, classified; raise ValueError on a row it cannot place."""
    item_lines = {row.budget_line for row in ROWS if row.budget_line}
    first, last = BUDGET_LINES
    rows: list[BudgetRow] = []
    stack: list[tuple[int, int]] = []  # (depth, line) of the open account headers
    sub_kegiatan_line: int | None = None
    previous_name: str | None = None
    for number in range(first, last + 1):
        if not line(number).strip():
            continue
        name, amounts = _name_and_amounts(number)
        anggaran, realisasi = amounts[0], (amounts[1] if len(amounts) == 2 else None)
        if number == URUSAN_LINE:
            rows.append(BudgetRow(number, "urusan", name, anggaran, realisasi))
        elif number == TOTAL_LINE:
            rows.append(BudgetRow(number, "total", name, anggaran, realisasi))
        elif number in item_lines:
            rows.append(BudgetRow(number, "item", name, anggaran, realisasi))
            sub_kegiatan_line, stack, previous_name = number, [], None
            continue
        elif _ACCOUNT_NAME.match(name) and sub_kegiatan_line is not None:
            depth = account_depth(name, previous_name)
            while stack and stack[-1][0] >= depth:
                stack.pop()
            parent = stack[-1][1] if stack else sub_kegiatan_line
            rows.append(BudgetRow(number, "rekening", name, anggaran, realisasi, depth, parent))
            stack.append((depth, number))
            previous_name = name
            continue
        else:
            raise ValueError(f"Tabel 3.2 line {number}: row not accounted for: {name!r}")
    return tuple(rows)
