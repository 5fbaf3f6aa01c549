"""Verifier groups: who reviews items, and which groups a region activates per document type.

A verifier's membership may name its group in ``unit_code`` (``keuangan``); without one it
belongs to Bappeda. An APIP reviewer belongs to the Inspektorat. A region chooses the active
groups per document type in its settings (``verifier_groups``: type -> [group, ...]);
a type it does not name uses :data:`DEFAULT_ACTIVE`.
"""

from __future__ import annotations

from core.errors import N_

#: The groups core knows, with their names (msgids).
GROUPS = {
    "bappeda": N_("Bappeda"),
    "keuangan": N_("Finance (BPKAD)"),
    "inspektorat": N_("Inspectorate (APIP)"),
}
#: Active groups per document type when the region says nothing.
DEFAULT_ACTIVE = {"renstra": ("bappeda", "inspektorat")}
DEFAULT_GROUPS = ("bappeda",)


def active_groups(region, doc_type: str) -> tuple[str, ...]:
    """The groups that review ``doc_type`` documents of ``region``."""
    from core.services.region_settings import settings_for

    chosen = (settings_for(region).get("verifier_groups") or {}).get(doc_type)
    if chosen:
        return tuple(g for g in chosen if g in GROUPS)
    return DEFAULT_ACTIVE.get(doc_type, DEFAULT_GROUPS)


def groups_of(user, region) -> list[str]:
    """The verifier groups ``user`` belongs to in ``region`` (a superadmin counts as Bappeda)."""
    if getattr(user, "is_superadmin", False):
        return ["bappeda"]
    found = []
    for membership in getattr(user, "memberships", ()):
        if membership.region_id != region.id:
            continue
        if membership.role == "verifier":
            found.append(membership.unit_code if membership.unit_code in GROUPS else "bappeda")
        elif membership.role == "apip":
            found.append("inspektorat")
    return found


def reviewing_group(user, region, doc_type: str) -> str | None:
    """The group in which ``user`` reviews a ``doc_type`` of ``region`` (None: none active)."""
    active = active_groups(region, doc_type)
    return next((g for g in groups_of(user, region) if g in active), None)
