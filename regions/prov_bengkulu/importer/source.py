"""Access to the plugin's copy of the source document, by 1-based line number."""

from __future__ import annotations

from functools import cache
from pathlib import Path

SOURCE_FILE = "perubahan_renstra_dinsos_bengkulu_2021_2026.txt"
SOURCE_PATH = Path(__file__).parent / "source" / SOURCE_FILE


@cache
def lines() -> tuple[str, ...]:
    """All lines of the source copy, without line endings (index 0 is line 1)."""
    # split on "\n" only: str.splitlines() would also split on form feeds and shift numbers.
    return tuple(SOURCE_PATH.read_text(encoding="utf-8").split("\n"))


def line(number: int) -> str:
    """The text of 1-based line ``number``."""
    return lines()[number - 1]


def cells(number: int) -> list[str]:
    """The tab-separated cells of line ``number``, stripped, as printed."""
    return [cell.strip() for cell in line(number).split("\t")]
