"""Access to the LAKIP 2023 source text: lines by their 1-based number, cells of a table row.

The text is the unchanged copy of the seed document in ``source/``; line numbers here are the
line numbers of that file, so every ``SourceRef.line`` can be opened again.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

#: File name of the plugin's copy of the LAKIP 2023 (``DocumentSpec.source_file``).
SOURCE_FILE = "lakip_2023.txt"

_SOURCE_PATH = Path(__file__).parent / "source" / SOURCE_FILE

# SourceRef.table labels, one per printed table of the LAKIP.
T_IKU_21 = "Tabel 2.1 Indikator Kinerja Utama 2021-2026"
T_PK = "Perjanjian Kinerja (Bab II.2)"
T_SASARAN = "Target Kinerja Sasaran (3.1)"
T_SKALA = "Tabel 3.1 Skala Nilai Peringkat Kerja"
T_REALISASI = "Realisasi Kinerja Tahun 2023 (3.2)"
T_PERBANDINGAN = "Perbandingan Realisasi Kinerja Tahun 2022 dengan Tahun 2023 (3.3)"
T_RENSTRA = "Tabel 1.3 Perbandingan Realisasi Kinerja Tahun 2023 dengan Renstra (3.4)"
T_IKU = "Capaian Indikator Kinerja Utama Tahun 2023 (3.5)"
T_ANGGARAN = "Tabel 3.2 Realisasi Anggaran Tahun 2023 (3.9)"


@cache
def source_lines() -> tuple[str, ...]:
    """All lines of the source copy; index 0 is line 1 (split on ``\\n`` only, as ``sed`` counts)."""
    return tuple(_SOURCE_PATH.read_text(encoding="utf-8").split("\n"))


def line(number: int) -> str:
    """The text of 1-based line ``number``."""
    return source_lines()[number - 1]


def cells(number: int, width: int | None = None) -> list[str]:
    """The tab-separated cells of line ``number``, stripped.

    With ``width``: exactly ``width`` cells, padded with ``""``; a non-empty cell beyond
    ``width`` raises ValueError (a row the parser would otherwise cut).
    """
    parts = [part.strip() for part in line(number).split("\t")]
    if width is None:
        return parts
    if any(parts[width:]):
        raise ValueError(f"line {number}: more than {width} cells: {parts!r}")
    return (parts + [""] * width)[:width]


def same_text(a: str | None, b: str | None) -> bool:
    """Whether two printings say the same, ignoring case and spacing (not spelling)."""
    return norm(a) == norm(b)


def norm(text: str | None) -> str:
    """Case-folded text with runs of whitespace collapsed, for comparisons only."""
    return re.sub(r"\s+", " ", (text or "").strip()).casefold()


def joined(*parts: str) -> str:
    """Join the pieces of a cell that the PDF conversion wrapped over several lines."""
    return " ".join(part for part in (p.strip() for p in parts) if part)
