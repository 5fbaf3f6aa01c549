"""The national nomenclature versions Pelita knows (their item lists load separately)."""

from __future__ import annotations

from sqlalchemy import select

from core.extensions import db
from core.models import NomenclatureVersion

#: code -> (name, legal basis). Item lists are reference data with their own provenance.
KNOWN_VERSIONS = {
    "pmdn13-2006": ("Permendagri 13/2006", "Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2006"),
    "pmdn90-2019": (
        "Permendagri 90/2019 (Kepmendagri 050-3708/2020)",
        "Permendagri Nomor 90 Tahun 2019, dimutakhirkan dengan Kepmendagri Nomor 050-3708 Tahun 2020",
    ),
    "kmdn050-5889-2021": ("Kepmendagri 050-5889/2021", "Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021"),
    "kmdn900-1317-2023": (
        "Kepmendagri 900.1.15.5-1317/2023",
        "Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023",
    ),
}


def ensure_versions() -> dict[str, NomenclatureVersion]:
    """Create the known version rows that are missing; return all of them by code."""
    existing = {v.code: v for v in db.session.scalars(select(NomenclatureVersion))}
    for code, (name, basis) in KNOWN_VERSIONS.items():
        if code not in existing:
            existing[code] = NomenclatureVersion(code=code, name=name, legal_basis=basis)
            db.session.add(existing[code])
    db.session.flush()
    return existing
