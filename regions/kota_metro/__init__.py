"""Region plugin for Kota Metro (Provinsi Lampung) and its Dinas Sosial.

Seeds the Renstra Dinas Sosial Kota Metro 2021-2026 (``source/renstra_2021_2026.txt``), the
LAKIP 2023 and its Perjanjian Kinerja 2023 (``source/lakip_2023.txt``, :mod:`.lakip`), and gives
the organisation chart the Renstra prints (section 2.1).
"""

from __future__ import annotations

from core.hookspecs import hookimpl
from core.specs import NomenclatureUse, RegionInfo, SeedData

from .importer.lakip import lakip_documents
from .importer.org import org_chart
from .importer.renstra import renstra

REGION_CODE = "18.72"


@hookimpl
def pelita_region_info():
    """Kota Metro, a kota under Provinsi Lampung (18)."""
    return RegionInfo(
        code=REGION_CODE,
        name="Kota Metro",
        level="kota",
        agency_name="Dinas Sosial Kota Metro",
        parent_code="18",
        name_en="Metro City",
        agency_name_en="Social Services Office of Metro City",
    )


@hookimpl
def pelita_org_chart(region):
    """The chart printed in Renstra 2021-2026 section 2.1 (Type C)."""
    return org_chart()


@hookimpl
def pelita_nomenclature_uses(region):
    """Kota Metro plans in Kepmendagri 050-5889/2021 codes from 2021 on."""
    return (NomenclatureUse("kmdn050-5889-2021", 2021, None),)


@hookimpl
def pelita_seed_data(region):
    """The Renstra 2021-2026 (:mod:`.renstra`), then the PK and LAKIP 2023 (:mod:`.lakip`)."""
    return SeedData(documents=(renstra(), *lakip_documents()))


@hookimpl
def pelita_achievement_rules(region):
    """Kota Metro's LAKIP 2023 predicate scale (Tabel 3.1, 001 lines 484-491: :mod:`.achievement`)."""
    from .achievement import RULES

    return RULES
from .reports import pelita_report_layouts  # noqa: F401


@hookimpl
def pelita_nomenclature_labels(region, version):
    """The names Kota Metro's Renstra prints for its codes (Tabel 6.1), as its local labels."""
    if version != "kmdn050-5889-2021":
        return None
    renstra = next(d for d in pelita_seed_data(region).documents if d.key == "renstra-2021-2026")
    return tuple((item.code, item.name) for item in renstra.items
                 if item.code and item.printed_code and item.level in ("program", "kegiatan", "sub_kegiatan"))


@hookimpl
def pelita_form_fields(region, form):
    """Kota Metro's documents print no column beyond core's: no region fields."""
    return None
