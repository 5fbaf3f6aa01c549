"""Region plugin for Provinsi Bengkulu (kode wilayah 17): Dinas Sosial Provinsi Bengkulu.

Source: the Perubahan Renstra Dinas Sosial Provinsi Bengkulu 2021-2026 (``source/``).
"""

from __future__ import annotations

from functools import cache

from core.hookspecs import hookimpl
from core.specs import NomenclatureUse, RegionInfo, SeedData

from .importer.org_chart import org_chart
from .importer.renstra import build_document, original_document

REGION_CODE = "17"


@hookimpl
def pelita_region_info():
    """Provinsi Bengkulu and its Dinas Sosial."""
    return RegionInfo(
        code=REGION_CODE,
        name="Provinsi Bengkulu",
        level="provinsi",
        agency_name="Dinas Sosial Provinsi Bengkulu",
        name_en="Bengkulu Province",
        agency_name_en="Social Services Agency of Bengkulu Province",
    )


@hookimpl
def pelita_org_chart(region):
    """The chart of section 2.1 of the Perubahan Renstra."""
    return org_chart()


@hookimpl
def pelita_nomenclature_uses(region):
    """Kepmendagri 050-5889/2021 from 2021 on (the amendment follows it, line 16)."""
    return (NomenclatureUse("kmdn050-5889-2021", 2021, None),)


@cache
def _seed() -> SeedData:
    # The original first: the amendment names it in ``amends``.
    return SeedData(documents=(original_document(), build_document()))


@hookimpl
def pelita_seed_data(region):
    """The Perubahan Renstra 2021-2026, parsed once from the source copy."""
    return _seed()


@hookimpl
def pelita_plan_checks(region, document):
    """Bengkulu's Tabel 6.1 prints a 5-year total: the sum of the pagu of 2022-2026 (line 1326)."""
    from core.specs import CheckSettings

    if document.type == "renstra":
        return CheckSettings(period_total_is_sum=True, period_total_years=(2022, 2023, 2024, 2025, 2026))
    return None
from .reports import pelita_report_layouts  # noqa: F401


@hookimpl
def pelita_form_fields(region, form):
    """The Perubahan Renstra's Tabel 6.1 prints a location (lokasi) per row."""
    from core.specs import FormFields, FormFieldSpec

    if form != "renstra_item":
        return None
    return FormFields(fields=(
        FormFieldSpec("x_lokasi", "region_place", "Lokasi", "Location", order=45,
                      help="Kabupaten/kota atau kecamatan lokasi kegiatan (Tabel 6.1).",
                      help_en="The kabupaten/kota or kecamatan of the activity (Tabel 6.1)."),
    ))
