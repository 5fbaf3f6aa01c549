"""Region settings (issue 10): labels, the predicate scale and capaian rule, the note threshold,
which checks block submission, the report header and signatories, the region's places.

Layers, weakest first: core's defaults; then, for each level of the region's chain (its
province, then itself), what that level's plugin says (the predicate scale and capaian rule of
``pelita_achievement_rules``), then what that level's admins set (the latest
:class:`~core.models.RegionSettingsVersion` in force). Labels, the scale, the threshold and the
checks are *inherited* (a province sets its kab/kota's defaults); the report header, the
signatories and the places are the region's *own* (a province's names are not its kab/kota's).

Every change adds a version (``valid_from``): :func:`settings_at` gives what was in force at a
time, so the report of an approved document can use the settings in force when it was approved.
"""

from __future__ import annotations

import copy
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from core.errors import N_, Forbidden, Invalid
from core.extensions import db
from core.models import Region, RegionSettingsVersion
from core.models.audit import utcnow

#: Keys a kab/kota inherits from its province (and may override).
INHERITED_KEYS = ("labels", "predicate_scale", "lower_is_better", "note_threshold", "blocking_checks",
                  "verifier_groups")
#: Keys that belong to the region alone.
OWN_KEYS = ("report_header", "signatories", "places")
KEYS = INHERITED_KEYS + OWN_KEYS

#: Labels a region may rename: key -> core's msgid (templates show them through ``label(key)``).
LABELS = {
    "responsible_unit": N_("Responsible unit"),
    "indicator": N_("Indicator"),
    "target": N_("Target"),
    "code": N_("Code"),
    "item": N_("Item"),
    "baseline": N_("Baseline"),
}
HEADER_KEYS = ("pemda", "pemda_en", "opd", "opd_en", "place", "tagline", "logo")
SIGNATORY_KEYS = ("role", "name", "nip", "pangkat", "jabatan")
CHECK_MODES = ("block", "warn")
#: Core's default note threshold: a realisation whose capaian is below it needs a note.
DEFAULT_NOTE_THRESHOLD = "75"


# -- access ---------------------------------------------------------------------------------

def may_configure(user, region: Region) -> bool:
    """Who may change ``region``'s forms and settings: a superadmin; its region admin; its
    provincial admin (a province's defaults, and the kab/kota it hosts). Never a planner, and
    never a kab/kota for its province or a sibling."""
    from core.security import roles_for

    if user is None:
        return True
    if getattr(user, "is_superadmin", False):
        return True
    roles = roles_for(user, region)
    return bool(roles & {"region_admin", "provincial_admin", "hosted"})


def check_may_configure(user, region: Region) -> None:
    if not may_configure(user, region):
        raise Forbidden(N_("Only the region's administrators may change its forms and settings."))


# -- layers ---------------------------------------------------------------------------------

def _region(region) -> Region:
    if isinstance(region, Region):
        return region
    found = db.session.scalar(select(Region).where(Region.code == region))
    if found is None:
        raise KeyError(region)
    return found


def scale_to_json(scale) -> dict:
    """A :class:`core.achievement.rules.PredicateScale` as JSON (bounds as decimal strings)."""
    return {"id": scale.id, "name": scale.name, "source": scale.source, "note": scale.note,
            "bands": [{"lower": None if b.lower is None else str(b.lower), "lower_inclusive": b.lower_inclusive,
                       "upper": None if b.upper is None else str(b.upper), "upper_inclusive": b.upper_inclusive,
                       "label": b.label, "label_en": b.label_en, "colour": b.colour} for b in scale.bands]}


def scale_from_json(data: dict):
    """The PredicateScale of :func:`scale_to_json`'s shape; ScaleError/ValueError when invalid."""
    from core.achievement.rules import Band, PredicateScale, ScaleError

    if not isinstance(data, dict) or not isinstance(data.get("bands"), list):
        raise ScaleError("a scale needs bands")

    def bound(value):
        if value is None:
            return None
        if isinstance(value, (bool, float)) or not isinstance(value, (str, int)):
            raise ScaleError(f"bound {value!r} must be a decimal string")
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ScaleError(f"bound {value!r} is not a number") from None

    bands = tuple(Band(bound(b.get("lower")), bool(b.get("lower_inclusive", True)), bound(b.get("upper")),
                       bool(b.get("upper_inclusive", False)), str(b.get("label") or ""),
                       str(b.get("label_en") or b.get("label") or ""), str(b.get("colour") or "#888888"))
                  for b in data["bands"] if isinstance(b, dict))
    if len(bands) != len(data["bands"]) or not all(b.label for b in bands):
        raise ScaleError("every band needs a label")
    return PredicateScale(id=str(data.get("id") or "region-scale"), bands=bands, name=str(data.get("name") or ""),
                          source=str(data.get("source") or ""), note=str(data.get("note") or ""))


def _core_layer(region: Region) -> dict:
    from core.achievement.rules import SAKIP_GENERIC

    return {
        "labels": {}, "predicate_scale": scale_to_json(SAKIP_GENERIC), "lower_is_better": "lower:(2T-R)/T",
        "note_threshold": DEFAULT_NOTE_THRESHOLD, "blocking_checks": {},
        "report_header": {"pemda": region.name, "pemda_en": region.name_en, "opd": region.agency_name,
                          "opd_en": region.agency_name_en, "place": None, "tagline": None, "logo": None},
        "signatories": [], "places": [],
        "verifier_groups": {},  # document type -> active verifier groups (core.workflow.groups)
    }


def _plugin_layer(level_code: str, region_code: str) -> tuple[str | None, dict]:
    from core.plugins import current_registry

    registry = current_registry()
    rp = registry.regions.get(level_code)
    impl = getattr(rp.plugin, "pelita_achievement_rules", None) if rp is not None else None
    if impl is None:
        return None, {}
    rules = impl(region=registry.region_info(region_code))
    if rules is None:
        return rp.name, {}
    return rp.name, {"predicate_scale": scale_to_json(rules.predicate_scale), "lower_is_better": rules.lower_is_better}


def _version_at(region_id: int, when: datetime | None) -> RegionSettingsVersion | None:
    query = select(RegionSettingsVersion).where(RegionSettingsVersion.region_id == region_id)
    if when is not None:
        query = query.where(RegionSettingsVersion.valid_from <= when)
    return db.session.scalar(query.order_by(RegionSettingsVersion.valid_from.desc(),
                                            RegionSettingsVersion.version.desc()).limit(1))


def _merge(target: dict, sources: dict, layer: dict, origin: str, own_only: bool) -> None:
    for key, value in layer.items():
        if key not in KEYS or value is None:
            continue
        if own_only is False and key in OWN_KEYS:
            continue
        if key in ("labels", "blocking_checks", "report_header") and isinstance(value, dict):
            merged = dict(target.get(key) or {})
            for sub, sub_value in value.items():
                if sub_value is not None and sub_value != {} and sub_value != "":
                    merged[sub] = sub_value
                    sources[f"{key}.{sub}"] = origin
            target[key] = merged
        else:
            target[key] = copy.deepcopy(value)
        sources[key] = origin


def settings_at(region, when: datetime | None) -> dict:
    """The effective settings of ``region`` (a Region or code) in force at ``when`` (None: now).

    Returns a dict with every key of :data:`KEYS`, plus ``_sources`` (key -> ``core``,
    ``plugin:<name>@<code>`` or ``database@<code> v<n>``) and ``_versions`` (code -> the
    version number in force, or None).
    """
    from core.plugins import current_registry

    region = _region(region)
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    chain = list(reversed(current_registry().chain(region.code)))
    ids = dict(db.session.execute(select(Region.code, Region.id).where(Region.code.in_(chain))).all())
    result: dict = {}
    sources: dict = {}
    _merge(result, sources, _core_layer(region), "core", own_only=True)
    versions = {}
    for level in chain:
        own = level == region.code
        name, layer = _plugin_layer(level, region.code)
        if layer:
            _merge(result, sources, layer, f"plugin:{name}@{level}", own_only=own)
        version = _version_at(ids[level], when) if level in ids else None
        versions[level] = version.version if version else None
        if version is not None:
            _merge(result, sources, version.data or {}, f"database@{level} v{version.version}", own_only=own)
    result["_sources"] = sources
    result["_versions"] = versions
    return result


def settings_for(region) -> dict:
    """The settings in force now (cached for the request)."""
    from flask import g

    code = region if isinstance(region, str) else region.code
    cache = g.setdefault("pelita_region_settings", {})
    if code not in cache:
        cache[code] = settings_at(region, None)
    return cache[code]


def forget_settings() -> None:
    from flask import g, has_app_context

    if has_app_context():
        g.pop("pelita_region_settings", None)


def own_settings(region) -> tuple[dict, RegionSettingsVersion | None]:
    """What ``region`` sets itself now, and the version it comes from."""
    region = _region(region)
    version = _version_at(region.id, None)
    return (copy.deepcopy(version.data) if version else {}), version


def achievement_rules(region, when: datetime | None = None):
    """The region's :class:`core.specs.AchievementRules` (scale and lower-is-better rule) from its
    settings at ``when``: the plugin's answer unless an admin set a scale or rule."""
    from core.plugins import current_registry
    from core.specs import AchievementRules

    code = region if isinstance(region, str) else region.code
    settings = settings_at(region, when) if when is not None else settings_for(region)
    sources = settings["_sources"]
    if not any(sources.get(k, "").startswith("database@") for k in ("predicate_scale", "lower_is_better")):
        return current_registry().call("pelita_achievement_rules", code)
    return AchievementRules(lower_is_better=settings["lower_is_better"],
                            predicate_scale=scale_from_json(settings["predicate_scale"]))


def label(region, key: str, locale: str) -> str | None:
    """The region's own wording of label ``key`` in ``locale``, or None (use core's)."""
    entry = settings_for(region)["labels"].get(key)
    if isinstance(entry, dict):
        return entry.get(locale) or None
    return None


# -- writing --------------------------------------------------------------------------------

def _text(value, limit=300) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError
    return value.strip() or None


def clean_settings(data: dict, *, region: Region) -> dict:
    """Check a settings change (top-level keys of :data:`KEYS`; null removes the region's own
    value); raise Invalid with one message per bad key."""
    from core.achievement.rules import CAPAIAN_RULES, ScaleError

    problems: list[str] = []
    clean: dict = {}
    from flask_babel import gettext as _

    if not isinstance(data, dict):
        raise Invalid(messages=[_("The settings must be an object.")])
    for key, value in data.items():
        if key not in KEYS:
            problems.append(_("%(key)s is not a setting.", key=key))
            continue
        if value is None:
            clean[key] = None
            continue
        try:
            if key == "labels":
                if not isinstance(value, dict):
                    raise ValueError
                labels = {}
                for name, texts in value.items():
                    if name not in LABELS:
                        problems.append(_("%(key)s is not a label a region may rename.", key=name))
                        continue
                    if not isinstance(texts, dict) or set(texts) - {"id", "en"}:
                        raise ValueError
                    labels[name] = {loc: _text(t, 120) for loc, t in texts.items() if _text(t, 120)}
                clean[key] = labels
            elif key == "predicate_scale":
                try:
                    clean[key] = scale_to_json(scale_from_json(value))
                except (ScaleError, ValueError, TypeError) as exc:
                    problems.append(_("The predicate scale is not valid: %(reason)s", reason=str(exc)))
            elif key == "lower_is_better":
                rule = CAPAIAN_RULES.get(value) if isinstance(value, str) else None
                if rule is None or rule.polarity != "lower":
                    problems.append(_("%(value)s is not a lower-is-better capaian rule.", value=str(value)))
                else:
                    clean[key] = value
            elif key == "note_threshold":
                if isinstance(value, (bool, float)) or not isinstance(value, (str, int)):
                    raise ValueError
                number = Decimal(str(value).strip())
                if not number.is_finite() or number < 0:
                    raise ValueError
                clean[key] = str(number)
            elif key == "blocking_checks":
                if not isinstance(value, dict) or not all(isinstance(k, str) and v in CHECK_MODES
                                                          for k, v in value.items()):
                    problems.append(_("Each check must be set to block or warn."))
                else:
                    clean[key] = dict(value)
            elif key == "verifier_groups":
                from core.workflow.groups import GROUPS

                if not isinstance(value, dict) or not all(
                        isinstance(k, str) and isinstance(v, list) and v and all(g in GROUPS for g in v)
                        for k, v in value.items()):
                    problems.append(_("Verifier groups are set per document type as a list of %(groups)s.",
                                      groups=", ".join(GROUPS)))
                else:
                    clean[key] = {k: list(dict.fromkeys(v)) for k, v in value.items()}
            elif key == "report_header":
                if not isinstance(value, dict) or set(value) - set(HEADER_KEYS):
                    raise ValueError
                clean[key] = {k: _text(v) for k, v in value.items()}
            elif key == "signatories":
                if not isinstance(value, list) or not all(isinstance(s, dict) and not set(s) - set(SIGNATORY_KEYS)
                                                          for s in value):
                    raise ValueError
                rows = [{k: _text(s.get(k), 200) for k in SIGNATORY_KEYS} for s in value]
                for row in rows:
                    if not row["name"]:
                        problems.append(_("Every signatory needs a name."))
                    if row["nip"] and not row["nip"].replace(" ", "").isdigit():
                        problems.append(_("A NIP is written with digits only."))
                clean[key] = rows
            elif key == "places":
                if not isinstance(value, list) or not all(isinstance(p, str) and p.strip() for p in value):
                    raise ValueError
                clean[key] = sorted({p.strip() for p in value})
        except (ValueError, InvalidOperation, TypeError):
            problems.append(_("The setting %(key)s has the wrong shape.", key=key))
    if problems:
        raise Invalid(messages=problems)
    return clean


def put_settings(user, region: Region, changes: dict) -> RegionSettingsVersion:
    """Set some of ``region``'s own settings: a new version in force from now (the previous one
    stays for :func:`settings_at`). Keys not given keep their value; null removes it."""
    check_may_configure(user, region)
    clean = clean_settings(changes, region=region)
    data, current = own_settings(region)
    for key, value in clean.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    now = utcnow()
    if current is not None and current.valid_from is not None:
        previous = current.valid_from if current.valid_from.tzinfo else current.valid_from.replace(tzinfo=timezone.utc)
        if now <= previous:  # clocks: a later version never starts before an earlier one
            from datetime import timedelta

            now = previous + timedelta(microseconds=1)
    version = RegionSettingsVersion(region_id=region.id, version=(current.version + 1) if current else 1,
                                    valid_from=now, data=data,
                                    created_by=getattr(user, "username", None) if user is not None else "cli")
    db.session.add(version)
    db.session.flush()
    forget_settings()
    return version


def settings_json(region: Region) -> dict:
    """The API's view: effective settings, the region's own, their sources and the version."""
    effective = settings_for(region)
    own, version = own_settings(region)
    return {
        "region_code": region.code,
        "version": version.version if version else None,
        "valid_from": version.valid_from.isoformat() if version and version.valid_from else None,
        "own": own,
        "effective": {k: effective[k] for k in KEYS},
        "sources": effective["_sources"],
        "labels_known": sorted(LABELS),
    }
