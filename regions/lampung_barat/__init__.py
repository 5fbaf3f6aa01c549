"""Region plugin for Kabupaten Lampung Barat (kode wilayah 18.04), Provinsi Lampung.

Source: the Renja 2021 of the Dinas Sosial (``source/``, see ``PROVENANCE.md``). It seeds two
documents (:mod:`.seed`): the Renja 2021 and the evaluation in its Lampiran I, both in the
Permendagri 13/2006 nomenclature.

Codes are normalised to dots with every segment after the urusan zero-padded to two digits:
Lampiran I prints ``1 | 6 | 1 | 1`` -> ``1.06.01.01`` (urusan.bidang.program.kegiatan, national
numbers); the Renja 2021 table prints ``1.6.1.1.15.1`` -> ``1.06.01.01.15.01``
(urusan.bidang.organisasi.sub unit.program.kegiatan, the region's own program sequence). The
printed form is kept in ``printed_code``.
"""

from __future__ import annotations

from core.hookspecs import hookimpl
from core.specs import NomenclatureUse, RegionInfo

from .importer.org_chart import org_chart
from .importer.seed import seed_data

REGION_CODE = "18.04"


@hookimpl
def pelita_region_info():
    """Kabupaten Lampung Barat and its Dinas Sosial."""
    return RegionInfo(
        code=REGION_CODE,
        name="Kabupaten Lampung Barat",
        level="kabupaten",
        agency_name="Dinas Sosial Kabupaten Lampung Barat",
        parent_code="18",
        name_en="West Lampung Regency",
        agency_name_en="Social Affairs Office of West Lampung Regency",
    )


@hookimpl
def pelita_org_chart(region):
    """The organisation as the Renja 2021 states it (only the Kepala Dinas; see the note)."""
    return org_chart()


@hookimpl
def pelita_seed_data(region):
    """The Renja 2021 and its Lampiran I evaluation."""
    return seed_data()


@hookimpl
def pelita_nomenclature_uses(region):
    """Permendagri 13/2006 for 2019-2021, and for 2017-2018 as Lampiran I implies.

    Lampiran I reports Renstra realisations up to 2018 under Permendagri 13 codes (line 1131).
    The 2022 forecast is printed in the same codes, but the document also cites Kepmendagri
    050-3708/2020 (line 107), so the year of the switch is not stated and 2022 is left open.
    """
    return (
        NomenclatureUse("pmdn13-2006", 2017, 2018),
        NomenclatureUse("pmdn13-2006", 2019, 2021),
    )
from .reports import pelita_report_layouts  # noqa: F401


@hookimpl
def pelita_form_fields(region, form):
    """The columns Lampung Barat's Renja 2021 prints per row beyond core's (line 1190): (4) lokasi,
    (7) sumber dana, (8) catatan penting."""
    from core.specs import FieldChoice, FormFields, FormFieldSpec

    if form != "renja_row":
        return None
    return FormFields(fields=(
        FormFieldSpec("x_lokasi", "region_place", "Lokasi", "Location", order=45,
                      help="Kecamatan atau desa tempat kegiatan dilaksanakan.",
                      help_en="The kecamatan or village where the activity takes place."),
        FormFieldSpec("x_sumber_dana", "choice", "Sumber dana", "Source of funds", order=75,
                      choices=(FieldChoice("DAU", "Dana Alokasi Umum", "General allocation fund (DAU)"),
                               FieldChoice("DAK", "Dana Alokasi Khusus", "Special allocation fund (DAK)"),
                               FieldChoice("PAD", "Pendapatan Asli Daerah", "Own-source revenue (PAD)"),
                               FieldChoice("APBN", "APBN", "State budget (APBN)"))),
        FormFieldSpec("x_catatan_penting", "long_text", "Catatan penting", "Important notes", order=90),
    ))
