"""Provinsi Lampung (kode wilayah 18): the province that hosts Kota Metro and Lampung Barat.

None of our source documents is Provinsi Lampung's own, so this plugin carries the region
and nothing it cannot source: no organisation chart and no documents.
"""

from core.hookspecs import hookimpl
from core.specs import RegionInfo

REGION_CODE = "18"


@hookimpl
def pelita_region_info():
    """Provinsi Lampung and its Dinas Sosial."""
    return RegionInfo(
        code=REGION_CODE,
        name="Provinsi Lampung",
        name_en="Lampung Province",
        level="provinsi",
        agency_name="Dinas Sosial Provinsi Lampung",
        agency_name_en="Social Services Office of Lampung Province",
    )


#: How Lampung's documents word some column labels (Tabel 6.1 of Kota Metro prints
#: "PERANGKAT DAERAH PENANGGUNG JAWAB"); the kab/kota it hosts inherit these unless they
#: word them otherwise.
LABELS = {
    "id": (("Responsible unit", "Perangkat Daerah Penanggung Jawab"),),
    "en": (("Responsible unit", "Responsible regional agency unit"),),
}


@hookimpl
def pelita_translations(region, locale):
    """Lampung's own wording of a few labels, inherited by its kab/kota."""
    from core.specs import TranslationSpec

    return TranslationSpec(locale=locale, messages=LABELS[locale])
