"""Every hook Pelita offers to plugins, in one place.

Region plugins are modules (or packages) that declare ``REGION_CODE`` (the kode wilayah they
serve, e.g. ``"91.01"``) and implement some of these hooks with ``@hookimpl``. Feature plugins
(in ``plugins/``) declare no region code.

Hooks are called in one of four scopes (see :mod:`core.plugins`):

* **discovery**: called on every registered plugin (``pelita_region_info``).
* **own**: called only on the region's own plugin and core's defaults; a province never
  answers for the kab/kota it hosts (``pelita_org_chart``, ``pelita_seed_data``).
* **inherited**: called on the region's plugin, then its province's, then core's defaults;
  the first non-None answer wins, so a kab/kota overrides its province, which overrides core
  (``pelita_nomenclature_uses``); ``pelita_translations`` merges every answer in that order.
* **feature**: called on core's defaults and the enabled feature plugins (never on a region
  plugin), without a region; every answer counts, in registration order (core first)
  (``pelita_exporters``, ``pelita_national_layouts``, ``pelita_demo_accounts``,
  ``pelita_demo_assignments``, ``pelita_cli_commands``).

Every answer is plain frozen data from :mod:`core.specs`, validated at startup by
:meth:`core.plugins.PluginRegistry.validate`, which names the plugin at fault.
"""

from __future__ import annotations

import pluggy

PROJECT = "pelita"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)

#: Scope of each hook; :mod:`core.plugins` routes calls by it.
HOOK_SCOPES = {
    "pelita_region_info": "discovery",
    "pelita_org_chart": "own",
    "pelita_seed_data": "own",
    "pelita_nomenclature_uses": "inherited",
    "pelita_translations": "inherited",
    "pelita_plan_checks": "inherited",
    "pelita_nomenclature_crosswalk": "inherited",
    "pelita_report_layouts": "inherited",
    "pelita_achievement_rules": "inherited",
    "pelita_form_fields": "inherited",
    "pelita_nomenclature_labels": "own",
    "pelita_exporters": "feature",
    "pelita_national_layouts": "feature",
    "pelita_demo_accounts": "feature",
    "pelita_demo_assignments": "feature",
    "pelita_cli_commands": "feature",
    "pelita_workflow": "inherited",
}


@hookspec
def pelita_region_info():
    """Describe the region this plugin serves.

    Scope: discovery (called on every plugin). Arguments: none.
    Returns: a :class:`core.specs.RegionInfo` whose ``code`` equals the plugin's
    ``REGION_CODE``, or None for a plugin that serves no region.
    """


@hookspec(firstresult=True)
def pelita_org_chart(region):
    """Give the organisation chart of ``region`` as its source document states it.

    Scope: own. Arguments: ``region``, the :class:`core.specs.RegionInfo` asked about.
    Returns: a :class:`core.specs.OrgChart` (possibly with no units and a note saying the
    document states none), or None to say nothing.
    """


@hookspec(firstresult=True)
def pelita_seed_data(region):
    """Give the planning documents to load for ``region`` (``flask seed``).

    Scope: own. Arguments: ``region``, the :class:`core.specs.RegionInfo` being seeded.
    Returns: a :class:`core.specs.SeedData`, or None when the region has nothing to seed.
    """


@hookspec(firstresult=True)
def pelita_nomenclature_uses(region):
    """Say which nomenclature version ``region`` plans in, for which years.

    Scope: inherited (kab/kota over province over core). Arguments: ``region``, a
    :class:`core.specs.RegionInfo`. Returns: a tuple of :class:`core.specs.NomenclatureUse`
    (non-overlapping year ranges), or None to defer to the province or core.
    """


@hookspec
def pelita_translations(region, locale):
    """Give the labels ``region`` words its own way, in ``locale``.

    Scope: inherited, and merged: every answer in the region's chain counts, and for the same
    msgid a kab/kota's text beats its province's, which beats core's catalog. Arguments:
    ``region``, a :class:`core.specs.RegionInfo`; ``locale``, ``"id"`` or ``"en"``.
    Returns: a :class:`core.specs.TranslationSpec` for that locale, or None.
    """


@hookspec(firstresult=True)
def pelita_plan_checks(region, document):
    """Say how ``document`` of ``region`` is checked for consistency, and add checks.

    Scope: inherited (kab/kota over province over core). Arguments: ``region``, a
    :class:`core.specs.RegionInfo`; ``document``, the :class:`core.specs.DocumentSpec` about
    to be checked. Returns: a :class:`core.specs.CheckSettings`, or None to defer.
    """


@hookspec(firstresult=True)
def pelita_nomenclature_crosswalk(region, from_version, to_version):
    """Override the national crosswalk between two nomenclature versions for ``region``.

    Scope: inherited. Arguments: ``region``, a :class:`core.specs.RegionInfo`;
    ``from_version`` and ``to_version``, version codes (e.g. ``"pmdn13-2006"``).
    Returns: a tuple of :class:`core.nomenclature.crosswalk.CrosswalkRow` that replace the
    national rows with the same ``from_code``, or None to use the national crosswalk.
    """


@hookspec(firstresult=True)
def pelita_report_layouts(region):
    """Give the report layouts ``region`` publishes (its own tables, in its own layout).

    Scope: inherited (a kab/kota's layouts replace its province's). Arguments: ``region``,
    a :class:`core.specs.RegionInfo`. Returns: a tuple of :class:`core.reports.layout.Layout`
    objects, or None to defer to the province and core's national layouts.
    """


@hookspec(firstresult=True)
def pelita_achievement_rules(region):
    """Say how ``region`` computes achievement: the lower-is-better rule and predicate scale.

    Scope: inherited. Arguments: ``region``, a :class:`core.specs.RegionInfo`. Returns: a
    :class:`core.specs.AchievementRules`, or None to defer to the province or core.
    """


@hookspec
def pelita_form_fields(region, form):
    """Give the fields ``region`` adds to ``form`` (and the inherited optional fields it hides).

    Scope: inherited, and merged: core's fields, then the province's, then the kab/kota's
    (:func:`core.forms.effective_schema`; fields an admin adds in the settings area come after
    each level's plugin fields). Arguments: ``region``, a :class:`core.specs.RegionInfo`;
    ``form``, one of :data:`core.specs.FORMS`. Returns: a :class:`core.specs.FormFields` whose
    field keys start with ``x_``, or None.
    """


@hookspec(firstresult=True)
def pelita_nomenclature_labels(region, version):
    """Give the names ``region`` uses for items of a code list, where they are its own.

    Scope: own (a region's wording is not its province's). Arguments: ``region``, a
    :class:`core.specs.RegionInfo`; ``version``, a version code (e.g. ``"kmdn050-5889-2021"``).
    Returns: a tuple of ``(code, label)`` pairs, or None. The official name stays the name;
    a local label is shown beside it, to users who may see the region.
    """


@hookspec
def pelita_exporters():
    """Offer download formats for reports (beside the HTML page, which core renders).

    Scope: feature (core and feature plugins; every answer counts). Arguments: none.
    Returns: a tuple of :class:`core.specs.ExporterSpec` (format key, media type, file
    extension, label msgid, render callable), or None. Format keys are unique across plugins.
    """


@hookspec
def pelita_national_layouts():
    """Offer the report layouts every region has (after its own, which replace one of the
    same id).

    Scope: feature. Arguments: none. Returns: a tuple of
    :class:`core.reports.layout.Layout` whose ``source`` names a known row source, or None.
    Layout ids are unique across plugins.
    """


@hookspec
def pelita_demo_accounts():
    """Give the accounts of a demo install (``flask demo-users``; the demo plugin is enabled
    only in demo mode, ``PELITA_DEMO=1``).

    Scope: feature. Arguments: none. Returns: a tuple of :class:`core.specs.DemoAccount`
    with known roles, or None. Usernames are unique across plugins.
    """


@hookspec
def pelita_demo_assignments():
    """Give the responsible units a demo install assigns to plan items (what a planner would
    do after loading the documents).

    Scope: feature. Arguments: none. Returns: a tuple of :class:`core.specs.DemoAssignment`,
    or None.
    """


@hookspec
def pelita_cli_commands():
    """Add commands to ``flask`` (e.g. the demo plugin's ``demo-users``).

    Scope: feature. Arguments: none. Returns: a tuple of :class:`click.Command` whose names
    are not taken by core's commands or another plugin's, or None.
    """


@hookspec(firstresult=True)
def pelita_workflow(region, doc_type):
    """Adjust the workflow steps of a document type (issue 11).

    Scope: inherited. Arguments: ``region`` (its RegionInfo), ``doc_type`` (``renstra``, ``renja``,
    ``pk``...).
    Returns: a dict action -> None (the type has no such step) or a dict of what changes:
    ``from`` (states the step starts from), ``to`` (the state it leads to), ``permission``
    (``document.submit``, ``document.verify``, ``document.approve`` or ``document.lock``),
    ``regulation`` (the approval records a regulation's number and date), ``note_required``;
    or None (core's steps, :data:`core.workflow.machine.STEPS`).
    """
