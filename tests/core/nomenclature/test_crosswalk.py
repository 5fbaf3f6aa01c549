"""The derived crosswalk on file and name-similarity proposals.

The expected top candidates of :func:`propose` were chosen by reading both lists by hand:
the Permendagri 13 kegiatan (pmdn13 CSV line in each comment) and the 2023 sub kegiatan
that continues it (2023 CSV line).
"""

from decimal import Decimal

import pytest

from core.nomenclature.crosswalk import (
    CrosswalkRow,
    load_derived_crosswalk,
    map_programs,
    propose,
)
from core.nomenclature.loader import items_for


def test_derived_crosswalk_rows():
    crosswalk = load_derived_crosswalk()
    assert (crosswalk.from_version, crosswalk.to_version, crosswalk.jurisdiction) == (
        "pmdn90-2019", "kmdn900-1317-2023", "kabkota",
    )
    assert len(crosswalk.rows) == 69
    assert crosswalk.counts() == {
        "same": 51, "renamed": 0, "renumbered": 0, "split": 0, "merged": 2, "retired": 0, "new": 16,
    }
    assert {r.basis for r in crosswalk.rows} == {"derived-name"}
    assert all(isinstance(r.confidence, Decimal) for r in crosswalk.rows)


def test_derived_crosswalk_rows_by_hand():
    crosswalk = load_derived_crosswalk()
    # crosswalk CSV line 2
    (first,) = crosswalk.targets("1.06.02.2.01.01")
    assert first.to_codes == ("1.06.02.2.01.0001",)
    assert first.kind == "same" and first.confidence == Decimal("0.95")
    # crosswalk CSV lines 22-23: two old "Pemberian Layanan Rujukan" -> one new code
    merged = crosswalk.targets("1.06.04.2.01.12") + crosswalk.targets("1.06.04.2.01.13")
    assert [r.kind for r in merged] == ["merged", "merged"]
    assert {r.to_codes for r in merged} == {("1.06.04.2.01.0012",)}
    assert "renumbered_same_parent" in merged[1].note
    # crosswalk CSV line 31: the "NAPZArn" artefact is the same name
    (napza,) = crosswalk.targets("1.06.04.2.02.08")
    assert napza.kind == "same" and "stray" in napza.note
    new = [r for r in crosswalk.rows if r.kind == "new"]
    assert all(r.from_code is None and r.confidence == Decimal("0.50") for r in new)
    assert ("1.06.06.4.02.0003",) in {r.to_codes for r in new}


def test_crosswalk_row_validates():
    with pytest.raises(ValueError):
        CrosswalkRow("1.06.01", ("1.06.01",), "moved", Decimal("1"), "manual")
    with pytest.raises(ValueError):
        CrosswalkRow("1.06.01", ("1.06.01",), "same", Decimal("1"), "guess")
    with pytest.raises(ValueError):
        CrosswalkRow("1.06.01", ("1.06.01",), "same", Decimal("1.5"), "manual")


@pytest.fixture(scope="module")
def pmdn13_to_2023():
    proposals = propose(items_for("pmdn13-2006", "kabkota"), items_for("kmdn900-1317-2023", "kabkota"))
    return {p.from_item.code: p for p in proposals}


@pytest.mark.parametrize(
    ("old", "expected"),
    [
        ("1.06.01.01", "1.06.01.2.08.0001"),  # l.6 jasa surat menyurat -> l.74
        ("1.06.01.02", "1.06.01.2.08.0002"),  # l.7 jasa komunikasi, air, listrik -> l.75
        ("1.06.01.11", "1.06.01.2.06.0005"),  # l.16 barang cetakan -> l.54
        ("1.06.01.13", "1.06.01.2.06.0002"),  # l.18 peralatan dan perlengkapan kantor -> l.51
        ("1.06.01.14", "1.06.01.2.06.0003"),  # l.19 peralatan rumah tangga -> l.52
        ("1.06.02.05", "1.06.01.2.07.0002"),  # l.30 kendaraan dinas/operasional -> l.63
        ("1.06.02.10", "1.06.01.2.07.0005"),  # l.35 mebeleur -> l.66 Mebel
        ("1.06.03.02", "1.06.01.2.05.0002"),  # l.55 pakaian dinas -> l.39
        ("1.06.04.01", "1.06.01.2.05.0006"),  # l.60 pegawai pensiun -> l.43
        ("1.06.04.02", "1.06.01.2.05.0007"),  # l.61 pegawai tewas -> l.44 meninggal
        ("1.06.04.03", "1.06.01.2.05.0008"),  # l.62 tugas PNS -> l.45 tugas ASN
        ("1.06.05.02", "1.06.01.2.05.0010"),  # l.65 sosialisasi peraturan -> l.47
        ("1.06.06.01", "1.06.01.2.01.0006"),  # l.68 laporan capaian kinerja -> l.10
        ("1.06.06.03", "1.06.01.2.02.0008"),  # l.70 prognosis -> l.20
        ("1.06.06.04", "1.06.01.2.02.0005"),  # l.71 keuangan akhir tahun -> l.17
    ],
)
def test_propose_permendagri13_kegiatan(pmdn13_to_2023, old, expected):
    best = pmdn13_to_2023[old].best
    assert best.code == expected
    assert best.basis == "program-mapping"  # 1.06.01..06 map to the Program Penunjang
    assert Decimal("0.5") <= best.confidence <= Decimal("1")


def test_exact_names_get_full_confidence(pmdn13_to_2023):
    assert pmdn13_to_2023["1.06.01.01"].best.confidence == Decimal("1.00")
    # "jasa surat menyurat" vs "Jasa Surat Menyurat": same name, other code
    row = pmdn13_to_2023["1.06.01.01"].to_row()
    assert (row.kind, row.to_codes, row.basis) == (
        "renumbered", ("1.06.01.2.08.0001",), "program-mapping",
    )
    # "Pemindahan tugas PNS" -> "Pemindahan Tugas ASN": other words, so renamed
    assert pmdn13_to_2023["1.06.04.03"].to_row().kind == "renamed"


def test_propose_programs(pmdn13_to_2023):
    # pmdn13 CSV line 78 -> 1.06.04 PROGRAM REHABILITASI SOSIAL; line 116 -> 1.06.02
    assert pmdn13_to_2023["1.06.16"].best.code == "1.06.04"
    assert pmdn13_to_2023["1.06.21"].best.code == "1.06.02"
    assert pmdn13_to_2023["1.06.01"].best.code == "1.06.01"  # by its kegiatan, not its name


def test_propose_pmdn13_to_pmdn90_social_kegiatan():
    proposals = {
        p.from_item.code: p
        for p in propose(items_for("pmdn13-2006", "kabkota"), items_for("pmdn90-2019", "kabkota"))
    }
    # pmdn13 l.83 psikososial bagi PMKS ... korban bencana -> pmdn90 l.162 Pelayanan Dukungan Psikososial
    assert proposals["1.06.16.05"].best.code == "1.06.06.2.01.05"
    # anak terlantar kegiatan land in 1.06.05.2.01 Pemeliharaan Anak-Anak Terlantar (l.147)
    assert proposals["1.06.17.04"].best.code.startswith("1.06.05.2.01")
    # the SIMCAN 050-3708 list has no Program Penunjang: nothing to propose, so "retired"
    assert proposals["1.06.01.01"].candidates == ()
    assert proposals["1.06.01.01"].to_row().kind == "retired"
    assert map_programs(items_for("pmdn13-2006", "kabkota"),
                        items_for("pmdn90-2019", "kabkota"))["1.06.16"] == ("1.06.04",)


def test_propose_agrees_with_the_derived_crosswalk():
    proposals = {
        p.from_item.code: p
        for p in propose(items_for("pmdn90-2019", "kabkota"), items_for("kmdn900-1317-2023", "kabkota"))
    }
    old_rows = [r for r in load_derived_crosswalk().rows if r.from_code]
    assert len(old_rows) == 53
    for row in old_rows:
        assert proposals[row.from_code].best.code == row.to_codes[0], row.from_code


def test_propose_is_deterministic_and_respects_limit():
    old, new = items_for("pmdn13-2006", "kabkota"), items_for("kmdn900-1317-2023", "kabkota")
    first, second = propose(old, new, limit=2), propose(old, new, limit=2)
    assert first == second
    assert all(len(p.candidates) <= 2 for p in first)
    for proposal in first:
        confidences = [c.confidence for c in proposal.candidates
                       if c.basis == "program-mapping"]
        assert confidences == sorted(confidences, reverse=True)


def test_explicit_program_map():
    old, new = items_for("pmdn13-2006", "kabkota"), items_for("kmdn900-1317-2023", "kabkota")
    proposals = {p.from_item.code: p for p in propose(old, new, program_map={"1.06.17": ["1.06.05"]})}
    best = proposals["1.06.17.04"].best  # Pengembangan bakat dan ketrampilan anak terlantar
    assert best.basis == "program-mapping"
    assert best.code.startswith("1.06.05.2.01")
    # programs not in the given map have no mapped targets: name similarity only
    assert all(c.basis == "name-similarity" for c in proposals["1.06.01.01"].candidates)
