"""Time diffing and proposing over the full reference lists.

Run with ``python -m core.nomenclature.bench``. Prints the best of a few runs of each
operation, with caches cleared before each run so loading is counted once per run.
"""

from __future__ import annotations

import time

from . import loader, names
from .crosswalk import propose
from .diff import diff_versions

PAIRS = (
    ("pmdn13-2006", "pmdn90-2019", "kabkota"),
    ("pmdn13-2006", "pmdn90-2019", "provinsi"),
    ("pmdn13-2006", "kmdn900-1317-2023", "kabkota"),
    ("pmdn90-2019", "kmdn900-1317-2023", "kabkota"),
    ("kmdn050-5889-2021", "kmdn900-1317-2023", "kabkota"),
)


def _clear_caches() -> None:
    for cached in (loader.load_items, loader.names_en, loader._names_en_normalised,
                   loader._index, names.tokens, names.similarity):
        cached.cache_clear()


def _best_of(runs: int, func) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        _clear_caches()
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(runs: int = 3) -> None:
    """Print timings of loading, diffing and proposing for each version pair."""
    seconds, _ = _best_of(runs, lambda: [loader.load_items(v) for v in loader.all_versions()])
    print(f"load all versions{'':38s} {seconds * 1000:8.1f} ms")
    for old, new, jurisdiction in PAIRS:
        label = f"{old} -> {new} ({jurisdiction})"
        seconds, result = _best_of(runs, lambda: diff_versions(old, new, jurisdiction))
        print(f"diff    {label:47s} {seconds * 1000:8.1f} ms  {result.counts()}")
        seconds, result = _best_of(runs, lambda: propose(
            loader.items_for(old, jurisdiction), loader.items_for(new, jurisdiction)))
        with_candidates = sum(1 for p in result if p.candidates)
        print(f"propose {label:47s} {seconds * 1000:8.1f} ms  "
              f"{with_candidates}/{len(result)} items with candidates")


if __name__ == "__main__":
    main()
