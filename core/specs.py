"""Plain, frozen data that plugins hand to core through hooks.

Region plugins never touch the database: they answer hooks with these objects and core
validates them, parses the printed numbers and stores them. Every value that a source
document prints travels as the *printed text*; core's :mod:`core.numbers` turns it into a
``Decimal`` with the document's number style, and keeps the text beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: Levels of a region in the Indonesian administrative tree.
REGION_LEVELS = ("provinsi", "kabupaten", "kota")

#: Kinds of organisation units a Dinas has.
UNIT_KINDS = (
    "kepala",  # Kepala Dinas
    "sekretariat",
    "subbagian",
    "bidang",
    "seksi",
    "uptd",
    "subbagian_uptd",
    "seksi_uptd",
    "fungsional",  # Kelompok Jabatan Fungsional
)

#: Levels of the planning hierarchy, from the top.
ITEM_LEVELS = (
    "visi",
    "misi",
    "tujuan",
    "sasaran",
    "strategi",
    "arah_kebijakan",
    "urusan",
    "bidang_urusan",
    "program",
    "kegiatan",
    "sub_kegiatan",
    "rekening",  # an account line (kode rekening) below a sub kegiatan
)

#: Kinds of plan documents.
DOCUMENT_TYPES = ("renstra", "renja", "pk", "lakip", "evaluasi")

#: Kinds of money amounts attached to an item.
BUDGET_KINDS = ("pagu", "anggaran", "realisasi")

#: How printed numbers are written in a document: ``id`` = ``1.413.000.000`` and ``94,74``;
#: ``en`` = ``20,745,000,000`` and ``94.74``.
NUMBER_STYLES = ("id", "en")


@dataclass(frozen=True)
class SourceRef:
    """Where a value was printed: the document's source file, the table and the row.

    ``line`` is the 1-based line number in the plugin's copy of the source text, so any
    value can be found again by opening the file at that line.
    """

    table: str
    line: int | None = None
    row: str | None = None  # the row's printed label or number, where the table has one


@dataclass(frozen=True)
class RegionInfo:
    """A region (provinsi, kabupaten or kota) and the Dinas Sosial that serves it.

    ``code`` is the kode wilayah (Kemendagri): two digits for a province (``"91"``), the
    province's code, a dot and two digits for a kabupaten or kota (``"91.01"``).
    ``parent_code`` is the hosting province's code (None for a province).
    """

    code: str
    name: str
    level: str
    agency_name: str
    parent_code: str | None = None
    name_en: str | None = None
    agency_name_en: str | None = None


@dataclass(frozen=True)
class UnitSpec:
    """One organisation unit of a Dinas (Bidang, Seksi, UPTD ...) as its document states it."""

    code: str  # stable key within the region, e.g. "bid-rehsos"
    name: str
    kind: str  # one of UNIT_KINDS
    parent_code: str | None = None
    tasks: tuple[str, ...] = ()
    name_en: str | None = None
    source: SourceRef | None = None


@dataclass(frozen=True)
class OrgChart:
    """A region's organisation chart, valid from ``valid_from`` (until a later chart).

    ``note`` says what the source document does and does not state; when a document
    states nothing about its organisation, ``units`` is empty and the note says so.
    """

    valid_from: date
    units: tuple[UnitSpec, ...]
    source_document: str
    typology: str | None = None
    note: str | None = None
    valid_to: date | None = None


@dataclass(frozen=True)
class TargetSpec:
    """A target as printed for a year (``quarter`` None) or a quarter of it."""

    year: int
    printed: str
    quarter: int | None = None
    source: SourceRef | None = None


@dataclass(frozen=True)
class RealisationSpec:
    """A realised value as printed, for a year or a quarter of it."""

    year: int
    printed: str
    quarter: int | None = None
    source: SourceRef | None = None


@dataclass(frozen=True)
class BudgetSpec:
    """A money amount as printed: pagu (ceiling), anggaran (budget) or realisasi (spent).

    ``year`` None means the end-of-period (*kondisi akhir*) column of a Renstra.
    """

    year: int | None
    kind: str
    printed: str
    source: SourceRef | None = None


@dataclass(frozen=True)
class IndicatorSpec:
    """A performance indicator of an item, with everything printed about it."""

    text: str
    unit: str | None = None  # satuan as printed, e.g. "Orang", "%"
    baseline: str | None = None  # printed kondisi awal
    baseline_year: int | None = None
    end_target: str | None = None  # printed kondisi akhir
    targets: tuple[TargetSpec, ...] = ()
    realisations: tuple[RealisationSpec, ...] = ()
    polarity: str = "higher"  # "higher" or "lower" is better
    aggregation: str = "last"  # "sum" (flow), "last" (stock/percentage), "level"
    formula: str | None = None
    source: SourceRef | None = None


@dataclass(frozen=True)
class ItemSpec:
    """One item of a plan document's hierarchy (a tujuan, a program, a sub kegiatan ...).

    ``key`` is unique within the document and stable across seed runs (it is how a seed
    run finds the row it wrote before). ``printed_code`` is the code exactly as printed
    (``1	6	3	2.01``), ``code`` the normalised one (``1.06.03.2.01``) or None when no code
    was printed.
    """

    key: str
    level: str
    name: str
    parent_key: str | None = None
    printed_code: str | None = None
    code: str | None = None
    responsible_unit: str | None = None  # as printed
    indicators: tuple[IndicatorSpec, ...] = ()
    budgets: tuple[BudgetSpec, ...] = ()
    source: SourceRef | None = None
    extra: tuple[tuple[str, str], ...] = ()  # other printed columns: (name, printed text)


@dataclass(frozen=True)
class TableSpec:
    """A printed table kept as printed (history, counts, a second printing ...).

    ``columns`` are the header labels; each row is the tuple of printed cells and its
    source reference.
    """

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], SourceRef], ...]


@dataclass(frozen=True)
class DocumentSpec:
    """A plan document of a region, with its items in document order."""

    key: str  # unique within the region, e.g. "renstra-2021-2026"
    type: str  # one of DOCUMENT_TYPES
    title: str
    source_file: str  # name of the plugin's copy of the source text
    number_style: str = "id"
    period_start: int | None = None
    period_end: int | None = None
    year: int | None = None
    version: int = 1
    status: str = "approved"
    amends: str | None = None  # key of the document this one amends
    nomenclature_version: str | None = None  # code of a nomenclature version
    items: tuple[ItemSpec, ...] = ()
    tables: tuple[TableSpec, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SeedData:
    """Everything a region plugin seeds for its region."""

    documents: tuple[DocumentSpec, ...] = ()


@dataclass(frozen=True)
class NomenclatureUse:
    """Which nomenclature version a region uses for which years."""

    version: str
    from_year: int
    to_year: int | None = None


@dataclass(frozen=True)
class TranslationSpec:
    """Extra msgid -> text entries a region adds for its own labels, per locale."""

    locale: str
    messages: tuple[tuple[str, str], ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CheckSettings:
    """How a region wants its documents checked (see :mod:`core.checks`).

    ``period_total_is_sum``: the end-of-period pagu is the sum of the yearly pagu (not the
    last year's figure); ``period_total_years``: the years that sum covers (None: all printed).
    ``extra_checks``: the region's own :class:`core.checks.model.Check` objects.
    """

    period_total_is_sum: bool = False
    period_total_years: tuple[int, ...] | None = None
    extra_checks: tuple = ()


@dataclass(frozen=True)
class AchievementRules:
    """A region's achievement rules (see :mod:`core.achievement`).

    ``lower_is_better``: the capaian rule id for lower-is-better indicators
    (``"lower:(2T-R)/T"`` or ``"lower:T/R"``); ``predicate_scale``: a
    :class:`core.achievement.rules.PredicateScale`.
    """

    lower_is_better: str
    predicate_scale: object


@dataclass(frozen=True)
class ExporterSpec:
    """A download format for reports, offered by a feature plugin (``pelita_exporters``).

    ``format`` is the key in URLs and on the command line (``xlsx``); ``media_type`` the
    response's content type; ``extension`` the download name's (without a dot); ``label`` a
    msgid for the download link (``"Download XLSX"``). ``render(layout, rows, locale,
    translate, title_lines)`` returns the file's bytes (see :mod:`core.reports`).
    """

    format: str
    media_type: str
    extension: str
    label: str
    render: object


@dataclass(frozen=True)
class DemoAccount:
    """An account for a demo install (``pelita_demo_accounts``; never in production).

    ``memberships`` are ``(region_code, role, unit_code or None)`` triples; a membership in a
    region that is not loaded is skipped.
    """

    username: str
    full_name: str
    password: str
    superadmin: bool = False
    memberships: tuple[tuple[str, str, str | None], ...] = ()


@dataclass(frozen=True)
class DemoAssignment:
    """A responsible unit a demo install assigns to a plan item (``pelita_demo_assignments``):
    what a planner would do after loading the document."""

    region_code: str
    document_key: str
    item_code: str
    unit_code: str


# --- region-customised forms (issue 10) ---------------------------------------------------

#: The forms whose fields a region may customise: a Renstra item, a Renja row, a Perjanjian
#: Kinerja row, a Rencana Aksi row, a realisation entry, an evidence file.
FORMS = ("renstra_item", "renja_row", "pk", "rencana_aksi", "realisation", "evidence")

#: Types of a form field. ``region_place`` is a kecamatan or kelurahan/desa of the region
#: (from the region's ``places`` setting; any non-empty text while it has none).
FIELD_TYPES = ("text", "long_text", "integer", "decimal", "money", "percent", "date", "boolean", "choice",
               "multi_choice", "region_place")

#: Prefix of every region field's key: a core field's key never starts with it, so a region
#: field can never collide with a core field (Indico's ``ext__`` namespacing).
REGION_FIELD_PREFIX = "x_"


@dataclass(frozen=True)
class FieldChoice:
    """One choice of a ``choice`` or ``multi_choice`` field: the stored value and its labels."""

    value: str
    label: str  # Indonesian
    label_en: str | None = None


@dataclass(frozen=True)
class FormFieldSpec:
    """A field of a form, declared as data (ckanext-scheming style).

    ``key``: for a region field, ``x_`` and lower-case letters, digits and ``_``
    (``x_sumber_dana``). ``label``/``help`` are Indonesian, ``label_en``/``help_en`` English.
    ``mandatory`` (core fields only): legally mandatory, so no region may hide it or make it
    optional. ``order``: position on the form (lower first).
    """

    key: str
    type: str
    label: str
    label_en: str
    help: str = ""
    help_en: str = ""
    required: bool = False
    choices: tuple[FieldChoice, ...] = ()
    order: int = 100
    mandatory: bool = False


@dataclass(frozen=True)
class FormFields:
    """A region plugin's answer to ``pelita_form_fields``: the fields it adds to a form, and the
    keys of inherited *optional* fields (core's or its province's) it hides."""

    fields: tuple[FormFieldSpec, ...] = ()
    hidden: tuple[str, ...] = ()
