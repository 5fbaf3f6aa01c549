"""Normalising the Permendagri 13/2006 codes this document prints.

The document prints codes in two shapes:

* Lampiran I (evaluation, lines 1134-1184) prints the national Permendagri 13 code split over
  table cells: ``1 | 6 | 1 | 1`` = urusan 1, bidang 6, program 1, kegiatan 1.
* The Renja 2021 table (lines 1191-1311) prints dotted codes with the organisation inside:
  ``1.6.1.1.15.1`` = urusan 1, bidang 6, organisasi 1 (Dinas Sosial, line 1193), sub unit 1
  (line 1194), program 15, kegiatan 1.

Both normalise the same way: the segments joined by dots, the urusan as printed and every later
segment zero-padded to two digits (``1.06.01.01`` and ``1.06.01.01.15.01``).
"""

from __future__ import annotations

import re

_SEGMENT = re.compile(r"^[0-9]+$")


def normalise(segments: list[str] | tuple[str, ...]) -> str:
    """Join printed code segments in the dotted form: ``["1", "6", "16"]`` -> ``"1.06.16"``."""
    if not segments or not all(_SEGMENT.match(s) for s in segments):
        raise ValueError(f"not a code: {segments!r}")
    head, *rest = segments
    return ".".join([str(int(head))] + [s.zfill(2) for s in rest])


def split_dotted(printed: str) -> list[str]:
    """Segments of a dotted or spaced printed code: ``"1.6.1.1.15"`` -> ``["1", "6", "1", "1", "15"]``."""
    return [s for s in re.split(r"[.\s]+", printed.strip()) if s]
