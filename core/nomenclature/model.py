"""Frozen data describing nomenclature versions (code lists) and their items.

The national code list of urusan / bidang urusan / program / kegiatan / sub kegiatan changes
with each regulation. Items are keyed by ``(version, jurisdiction, code)``, never by code
alone: the same code names different things in different versions and for a province and a
kabupaten/kota.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: Levels of the nomenclature, from the top.
LEVELS = ("urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan")

#: Who an item is for: a province, a kabupaten/kota, or both (Permendagri 13 does not split).
JURISDICTIONS = ("provinsi", "kabkota", "all")


@dataclass(frozen=True)
class NomenclatureVersionSpec:
    """One nomenclature version (a regulation's code list).

    ``issued`` is a :class:`~datetime.date` where the date is known from a source, else the
    year as an ``int``. ``sub_kegiatan_digits`` is 2 or 4, or None for a version without a
    sub kegiatan level (Permendagri 13/2006 has program and kegiatan only).
    """

    code: str
    name: str
    legal_basis: str
    issued: date | int
    sub_kegiatan_digits: int | None
    predecessor: str | None
    provenance: str

    @property
    def issued_year(self) -> int:
        """The year the version was issued."""
        return self.issued.year if isinstance(self.issued, date) else self.issued


@dataclass(frozen=True)
class NomenclatureItemSpec:
    """One code of a nomenclature version, with what the source list says about it.

    ``indikator``, ``satuan`` and ``kinerja`` are the official output indicator, unit and
    output statement of a sub kegiatan where the source list carries them, else None.
    ``provenance`` names the source (``owner/repo@commit:path#table``) and any notes.
    """

    version: str
    jurisdiction: str
    code: str
    level: str
    name: str
    name_en: str | None = None
    indikator: str | None = None
    satuan: str | None = None
    kinerja: str | None = None
    provenance: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """The identity of the item: ``(version, jurisdiction, code)``."""
        return (self.version, self.jurisdiction, self.code)

    @property
    def parent_code(self) -> str | None:
        """The code of the item one level up, or None for an urusan."""
        return parent_code(self.code)


def parent_code(code: str) -> str | None:
    """Return the parent of a dotted code.

    A kegiatan code carries the authority digit and its number as two segments
    (``1.06.04.2.01``), so its parent (the program) drops both.

    >>> parent_code("1.06.04.2.01.0001")
    '1.06.04.2.01'
    >>> parent_code("1.06.04.2.01")
    '1.06.04'
    >>> parent_code("1.06.01.01")
    '1.06.01'
    """
    parts = code.split(".")
    if len(parts) <= 1:
        return None
    if len(parts) == 5:  # kegiatan of the five-level scheme: drop authority digit and number
        return ".".join(parts[:3])
    return ".".join(parts[:-1])


VERSIONS: dict[str, NomenclatureVersionSpec] = {
    v.code: v
    for v in (
        NomenclatureVersionSpec(
            code="pmdn13-2006",
            name="Permendagri 13/2006",
            legal_basis=(
                "Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2006 tentang Pedoman "
                "Pengelolaan Keuangan Daerah (program/kegiatan list)"
            ),
            issued=2006,
            sub_kegiatan_digits=None,
            predecessor=None,
            provenance=(
                "simda-id/simcan@94540f833fc5c5c489b275ea00d6731cd1452fdc:"
                "backup_dbmaster/simcan_master_parameter_20201120.sql "
                "ref_bidang/ref_program/ref_kegiatan (id_hkm=13); two levels, "
                "one list for provinsi and kab/kota"
            ),
        ),
        NomenclatureVersionSpec(
            code="pmdn90-2019",
            name="Permendagri 90/2019 (Kepmendagri 050-3708/2020)",
            legal_basis=(
                "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, "
                "Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah, as "
                "updated by Keputusan Menteri Dalam Negeri Nomor 050-3708 Tahun 2020"
            ),
            issued=2019,
            sub_kegiatan_digits=2,
            predecessor="pmdn13-2006",
            provenance=(
                "simda-id/simcan@94540f833fc5c5c489b275ea00d6731cd1452fdc:"
                "backup_dbmaster/simcan_master_parameter_20201120.sql "
                "90_ref_* tables (id_hkm=90 and id_hkm=50); provinsi and kab/kota rows; "
                "the Program Penunjang (1.06.01) is not in this source"
            ),
        ),
        NomenclatureVersionSpec(
            code="kmdn050-5889-2021",
            name="Kepmendagri 050-5889/2021",
            legal_basis=(
                "Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021 tentang Hasil "
                "Verifikasi, Validasi dan Inventarisasi Pemutakhiran Klasifikasi, Kodefikasi "
                "dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah"
            ),
            issued=2021,
            sub_kegiatan_digits=2,
            predecessor="pmdn90-2019",
            provenance=(
                "no machine-readable list found: items inherited from pmdn90-2019 "
                "(Kepmendagri 050-3708/2020), to be amended from the seeds' own printings"
            ),
        ),
        NomenclatureVersionSpec(
            code="kmdn900-1317-2023",
            name="Kepmendagri 900.1.15.5-1317/2023",
            legal_basis=(
                "Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023 "
                "(first amendment of Kepmendagri 050-5889/2021)"
            ),
            issued=date(2023, 6, 23),
            sub_kegiatan_digits=4,
            predecessor="kmdn050-5889-2021",
            provenance=(
                "allweDepth/sesendok@b5b08981e830ba35d961ea2395f1ca62f643e082:"
                "public/template/sesendokneo_db with data.sql#sub_kegiatan_neo (peraturan=4; "
                "date 2023-06-23 from peraturan_neo row 4); kab/kota list only"
            ),
        ),
    )
}


def get_version(code: str) -> NomenclatureVersionSpec:
    """Return the version with ``code``; raise :class:`KeyError` naming it if unknown."""
    try:
        return VERSIONS[code]
    except KeyError:
        raise KeyError(f"unknown nomenclature version {code!r}") from None
