"""Core's own answers to the region hooks: the national defaults every region inherits.

Registered first and ``trylast``, so any province or kab/kota that answers overrides them.
"""

from core.hookspecs import hookimpl
from core.specs import AchievementRules, CheckSettings, NomenclatureUse

#: The national code lists in force, by year, for a region that declares nothing.
NATIONAL_NOMENCLATURE = (
    NomenclatureUse("pmdn13-2006", 2006, 2020),
    NomenclatureUse("kmdn050-5889-2021", 2021, 2023),
    NomenclatureUse("kmdn900-1317-2023", 2024, None),
)


@hookimpl(trylast=True)
def pelita_nomenclature_uses(region):
    """Core default: the national code lists in force by year."""
    return NATIONAL_NOMENCLATURE


@hookimpl(trylast=True)
def pelita_translations(region, locale):
    """Core default: no extra labels (core's catalogs cover the UI)."""
    return None


@hookimpl(trylast=True)
def pelita_plan_checks(region, document):
    """Core default: the built-in checks, end-of-period pagu not taken as a sum."""
    return CheckSettings()


@hookimpl(trylast=True)
def pelita_achievement_rules(region):
    """Core default: (2T-R)/T for lower-is-better, the generic five-band SAKIP scale."""
    from core.achievement.rules import SAKIP_GENERIC

    return AchievementRules(lower_is_better="lower:(2T-R)/T", predicate_scale=SAKIP_GENERIC)


@hookimpl(trylast=True)
def pelita_nomenclature_crosswalk(region, from_version, to_version):
    """Core default: the national crosswalk (no regional override)."""
    return None


@hookimpl(trylast=True)
def pelita_report_layouts(region):
    """Core default: no region-specific layouts (national ones come from core.reports)."""
    return ()


@hookimpl(trylast=True)
def pelita_form_fields(region, form):
    """Core default: no region fields (core's own fields are data in :mod:`core.forms.core_fields`)."""
    return None
