"""The nomenclature in the database: every version's items, 050-5889 amended from the seeds, crosswalks."""

from __future__ import annotations

from sqlalchemy import func, select

from core.extensions import db
from core.models import AuditLog, NomenclatureItem, NomenclatureVersion
from core.models.nomenclature import NomenclatureCrosswalkRow
from core.nomenclature import items_for


def counts() -> dict[tuple[str, str], int]:
    rows = db.session.execute(
        select(NomenclatureVersion.code, NomenclatureItem.jurisdiction, func.count())
        .join(NomenclatureVersion, NomenclatureVersion.id == NomenclatureItem.version_id)
        .group_by(NomenclatureVersion.code, NomenclatureItem.jurisdiction))
    return {(code, jurisdiction): n for code, jurisdiction, n in rows}


def item(version: str, jurisdiction: str, code: str) -> NomenclatureItem | None:
    return db.session.scalar(select(NomenclatureItem).join(NomenclatureVersion).where(
        NomenclatureVersion.code == version, NomenclatureItem.jurisdiction == jurisdiction,
        NomenclatureItem.code == code))


def crosswalk_counts() -> dict[tuple[str, str, str], int]:
    versions = {v.id: v.code for v in db.session.scalars(select(NomenclatureVersion))}
    rows = db.session.execute(
        select(NomenclatureCrosswalkRow.from_version_id, NomenclatureCrosswalkRow.to_version_id,
               NomenclatureCrosswalkRow.jurisdiction, func.count())
        .where(NomenclatureCrosswalkRow.region_id.is_(None))
        .group_by(NomenclatureCrosswalkRow.from_version_id, NomenclatureCrosswalkRow.to_version_id,
                  NomenclatureCrosswalkRow.jurisdiction))
    return {(versions[f], versions[t], j): n for f, t, j, n in rows}


def test_every_version_is_stored_with_the_counts_of_the_reference_lists(app):
    # data/PROVENANCE.md: pmdn13 119 rows (one list for both), pmdn90 provinsi 98 and kab/kota 71,
    # the 2023 list 188 rows for kab/kota only; 050-5889 inherits pmdn90 (its two amendments replace
    # names, they add no code: the Program Penunjang codes of Kota Metro are not printed).
    assert counts() == {
        ("pmdn13-2006", "all"): 119,
        ("pmdn90-2019", "provinsi"): 98, ("pmdn90-2019", "kabkota"): 71,
        ("kmdn050-5889-2021", "provinsi"): 98, ("kmdn050-5889-2021", "kabkota"): 71,
        ("kmdn900-1317-2023", "kabkota"): 188,
    }
    # ... and the same as the library's own lists.
    for version, jurisdiction in (("pmdn13-2006", "kabkota"), ("pmdn90-2019", "provinsi"),
                                  ("pmdn90-2019", "kabkota"), ("kmdn900-1317-2023", "kabkota")):
        stored = counts().get((version, jurisdiction), 0) + counts().get((version, "all"), 0)
        assert stored == len(items_for(version, jurisdiction)), (version, jurisdiction)


def test_items_carry_english_names_indicators_and_provenance(app):
    permakanan = item("kmdn900-1317-2023", "kabkota", "1.06.04.2.01.0001")
    assert permakanan.name == "Penyediaan Permakanan" and permakanan.name_en == "Provision of Meals"
    assert permakanan.satuan == "Orang"
    assert permakanan.indikator.startswith("Jumlah Orang yang Mendapatkan Pemenuhan Kebutuhan Permakanan")
    assert permakanan.kinerja
    assert permakanan.provenance.startswith("allweDepth/sesendok@b5b08981e830ba35d961ea2395f1ca62f643e082")
    assert db.session.scalar(select(func.count()).select_from(NomenclatureItem).where(
        NomenclatureItem.name_en.is_(None))) == 0
    inherited = item("kmdn050-5889-2021", "provinsi", "1.06.04.1.01.01")
    assert inherited.provenance.startswith("inherited from pmdn90-2019; simda-id/simcan@")


def test_kmdn050_is_amended_by_what_the_kota_metro_renstra_prints(app):
    # Kota Metro Renstra (seed 000), Tabel 6.1 line 1321: "1 06 04 2.01 Rehabilitasi Sosial Dasar
    # Penyandang Disabilitas Terlantar, Anak, Terlantar, ... di Luar Pantii Sosial" (as printed).
    kegiatan = item("kmdn050-5889-2021", "kabkota", "1.06.04.2.01")
    assert kegiatan.name == ("Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak, Terlantar, "
                             "Lanjut Usia Terlantar, serta Gelandangan di Luar Pantii Sosial")
    assert kegiatan.provenance.startswith("amended: printed in Kota Metro renstra-2021-2026 line 1321 (Tabel 6.1)")
    assert "Gelandangan Pengemis di Luar Panti Sosial" in kegiatan.provenance  # the name it replaced
    # line 1325: "1 06 04 2.01 04 Pemberian layanan reunifikasi keluarga".
    sub = item("kmdn050-5889-2021", "kabkota", "1.06.04.2.01.04")
    assert sub.name == "Pemberian layanan reunifikasi keluarga"
    assert "line 1325" in sub.provenance
    # pmdn90 keeps its own names.
    assert item("pmdn90-2019", "kabkota", "1.06.04.2.01.04").name == "Pemberian Pelayanan Reunifikasi Keluarga"
    # Line 1275 prints "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH" without a code: not added.
    assert item("kmdn050-5889-2021", "kabkota", "1.06.01") is None
    amended = db.session.scalars(select(NomenclatureItem).join(NomenclatureVersion).where(
        NomenclatureVersion.code == "kmdn050-5889-2021",
        NomenclatureItem.provenance.not_like("inherited from pmdn90-2019%"))).all()
    assert sorted(i.code for i in amended) == ["1.06.04.2.01", "1.06.04.2.01.04"]


def test_national_crosswalks_are_stored_as_proposals(app):
    # 69 rows in the derived file; one proposal per pmdn13 item (119) for each jurisdiction.
    assert crosswalk_counts() == {
        ("pmdn90-2019", "kmdn900-1317-2023", "kabkota"): 69,
        ("pmdn13-2006", "pmdn90-2019", "kabkota"): 119,
        ("pmdn13-2006", "pmdn90-2019", "provinsi"): 119,
    }
    derived = db.session.scalars(select(NomenclatureCrosswalkRow).where(
        NomenclatureCrosswalkRow.basis == "derived-name")).all()
    assert len(derived) == 69
    # Two pmdn90 codes are both "Pemberian Layanan Rujukan" and map to ...0012 (merged).
    merged = sorted(r.from_code for r in derived if r.kind == "merged")
    assert merged == ["1.06.04.2.01.12", "1.06.04.2.01.13"]
    assert all(r.to_codes == ["1.06.04.2.01.0012"] for r in derived if r.kind == "merged")
    proposed = db.session.scalars(select(NomenclatureCrosswalkRow).where(
        NomenclatureCrosswalkRow.source.like("core.nomenclature.propose%"))).all()
    assert {r.basis for r in proposed} <= {"name-similarity", "program-mapping"}
    assert len(proposed) == 2 * 119
    # Each proposal keeps its ranked candidates; pmdn13 1.06.01.17 "Penyediaan makanan dan minuman".
    food = next(r for r in proposed if r.from_code == "1.06.01.17" and r.jurisdiction == "kabkota")
    assert food.candidates and food.candidates[0]["code"] == food.to_codes[0]


def test_seeding_twice_changes_nothing(make_app):
    from core.app import plugins
    from core.services.seeding import seed_all

    app = make_app(seed=True)
    with app.app_context():
        before = (counts(), crosswalk_counts(), db.session.scalar(select(func.count()).select_from(AuditLog)))
        seed_all(plugins())
        after = (counts(), crosswalk_counts(), db.session.scalar(select(func.count()).select_from(AuditLog)))
        assert after == before
        # A decision survives a reseed.
        row = db.session.scalar(select(NomenclatureCrosswalkRow).where(
            NomenclatureCrosswalkRow.from_code == "1.06.01.17",
            NomenclatureCrosswalkRow.jurisdiction == "kabkota"))
        row.status, row.to_codes, row.note = "confirmed", ["1.06.04.2.01.01"], "checked"
        db.session.commit()
        seed_all(plugins())
        db.session.refresh(row)
        assert (row.status, row.to_codes, row.note) == ("confirmed", ["1.06.04.2.01.01"], "checked")
