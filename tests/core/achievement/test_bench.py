"""The benchmark runs end to end on a small province and counts what it computed."""

from pathlib import Path

from core.achievement import bench

PARENT_LEVEL = {"program": None, "kegiatan": "program", "sub_kegiatan": "kegiatan"}


def test_nomenclature_shape_is_the_2023_kabkota_list():
    # 7 programs, 33 kegiatan, 147 sub kegiatan (reference/nomenclature README).
    for items in (bench.nomenclature_items(), bench.nomenclature_items(Path("/nonexistent.csv"))):
        levels = [level for _, level, _ in items]
        counts = [levels.count(level) for level in ("program", "kegiatan", "sub_kegiatan")]
        assert counts == [7, 33, 147]
        level_of = {code: level for code, level, _ in items}
        for _code, level, parent in items:
            expected = PARENT_LEVEL[level]
            assert (parent is None) if expected is None else level_of[parent] == expected


def test_bench_counts_every_computation(capsys):
    numbers = bench.main(["--regions", "1", "--years", "2", "--repeat", "1"])
    assert numbers["indicator_years"] == 187 * 2
    assert numbers["absorptions"] == 147 * 2
    # per year: 33 kegiatan + 7 programs + 1 region; then the region's period; then the
    # province for each year and for the period.
    assert numbers["rollups"] == 2 * (33 + 7 + 1) + 1 + 3
    assert "total:" in capsys.readouterr().out
