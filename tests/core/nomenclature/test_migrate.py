"""Pure migration decisions on small hand-made lists, and the benchmark's shape."""

from decimal import Decimal

from core.nomenclature.migrate import PlanItemRef, RowRef, decide
from core.nomenclature.model import NomenclatureItemSpec


def spec(code, level, name, version="new"):
    return NomenclatureItemSpec(version=version, jurisdiction="kabkota", code=code, level=level, name=name)


TARGET = [spec("1.06.04", "program", "Program Rehabilitasi Sosial"),
          spec("1.06.04.2.01.0001", "sub_kegiatan", "Penyediaan Permakanan"),
          spec("1.06.04.2.01.0002", "sub_kegiatan", "Penyediaan Sandang")]
SOURCE = [spec("1.06.04", "program", "Program Rehabilitasi Sosial", "old"),
          spec("1.06.04.2.01.01", "sub_kegiatan", "Penyediaan Permakanan", "old"),
          spec("1.06.04.2.01.13", "sub_kegiatan", "Pemberian Layanan Rujukan", "old")]


def test_each_item_gets_exactly_one_decision_in_order():
    items = [PlanItemRef("visi", "visi", None, "Terwujudnya ..."),
             PlanItemRef("p", "program", "1.06.04", "Program Rehabilitasi Sosial"),
             PlanItemRef("s1", "sub_kegiatan", "1.06.04.2.01.01", "Penyediaan Permakanan"),
             PlanItemRef("s2", "sub_kegiatan", "1.06.04.2.01.13", "Pemberian Layanan Rujukan"),
             PlanItemRef("s3", "sub_kegiatan", "9.99", "Penyediaan Sandang Layak")]
    rows = {"1.06.04.2.01.01": RowRef("1.06.04.2.01.01", ("1.06.04.2.01.0001",), "same", Decimal("0.95"), "derived"),
            "1.06.04.2.01.13": RowRef("1.06.04.2.01.13", (), "retired", Decimal("0.5"), "derived")}
    decisions = decide(items, rows, TARGET, SOURCE)
    assert [(d.key, d.status, d.to_code) for d in decisions] == [
        ("visi", "kept", None),
        ("p", "mapped", "1.06.04"),                       # same code and name in both lists
        ("s1", "mapped", "1.06.04.2.01.0001"),            # the crosswalk row, sure enough
        ("s2", "unmapped", None),                         # retired: a person decides
        ("s3", "ambiguous", None),                        # a region's own code: by name, candidates
    ]
    assert decisions[4].candidates[0][0] == "1.06.04.2.01.0002"


def test_unsure_or_rejected_rows_ask_a_person():
    items = [PlanItemRef("s1", "sub_kegiatan", "1.06.04.2.01.01", "Penyediaan Permakanan Lansia")]
    unsure = {"1.06.04.2.01.01": RowRef("1.06.04.2.01.01", ("1.06.04.2.01.0001",), "renamed", Decimal("0.5"),
                                        "name-similarity")}
    assert decide(items, unsure, TARGET, SOURCE)[0].status == "ambiguous"
    confirmed = {k: RowRef(v.from_code, v.to_codes, v.kind, v.confidence, v.basis, "confirmed")
                 for k, v in unsure.items()}
    assert decide(items, confirmed, TARGET, SOURCE)[0].to_code == "1.06.04.2.01.0001"
    rejected = {k: RowRef(v.from_code, v.to_codes, v.kind, v.confidence, v.basis, "rejected") for k, v in unsure.items()}
    assert decide(items, rejected, TARGET, SOURCE)[0].status in ("ambiguous", "unmapped")


def test_benchmark_runs_and_prints(capsys, monkeypatch):
    from core.nomenclature import bench_migrate

    monkeypatch.setattr(bench_migrate, "REGIONS", 2)
    bench_migrate.main()
    out = capsys.readouterr().out
    assert "regions: 2" in out and "total:" in out
