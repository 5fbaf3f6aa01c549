"""Core's own fields of each form, declared as data.

A core field is a column of its row (code, name, the responsible unit ...); a region field
(``x_...``) is stored under its key in the row's ``fields``. ``mandatory`` marks what a
regulation requires (Permendagri 86/2017 tables, the Perjanjian Kinerja form): no region may
hide such a field or make it optional. Other core fields are optional by default; a region may
hide them, require them or rename them.
"""

from __future__ import annotations

from core.specs import FORMS, FormFieldSpec


def _f(key, type_, label, label_en, *, required=False, mandatory=False, order=0, help="", help_en=""):
    return FormFieldSpec(key=key, type=type_, label=label, label_en=label_en, required=required or mandatory,
                         mandatory=mandatory, order=order, help=help, help_en=help_en)


_CODE = _f("code", "text", "Kode", "Code", mandatory=True, order=10)
_NAME = _f("name", "long_text", "Uraian", "Name", mandatory=True, order=20)
_UNIT = _f("responsible_unit", "text", "Unit penanggung jawab", "Responsible unit", order=30)
_INDICATOR = _f("indicator", "long_text", "Indikator kinerja", "Performance indicator", mandatory=True, order=40)
_SATUAN = _f("unit", "text", "Satuan", "Unit of measure", order=50)
_TARGET = _f("target", "decimal", "Target", "Target", mandatory=True, order=60)
_PAGU = _f("pagu", "money", "Pagu indikatif", "Indicative budget ceiling", order=70)

#: form -> its core fields, in order.
CORE_FIELDS: dict[str, tuple[FormFieldSpec, ...]] = {
    "renstra_item": (_CODE, _NAME, _UNIT, _INDICATOR, _SATUAN,
                     _f("baseline", "decimal", "Kondisi awal", "Baseline", order=55), _TARGET, _PAGU),
    "renja_row": (_CODE, _NAME, _UNIT, _INDICATOR, _SATUAN, _TARGET, _PAGU),
    "pk": (_f("name", "long_text", "Sasaran", "Objective", mandatory=True, order=10), _INDICATOR, _SATUAN, _TARGET,
           _f("anggaran", "money", "Anggaran", "Budget", mandatory=True, order=70)),
    "rencana_aksi": (_NAME, _INDICATOR, _SATUAN,
                     _f("quarter", "integer", "Triwulan", "Quarter", mandatory=True, order=55), _TARGET, _UNIT),
    "realisation": (_f("value", "decimal", "Realisasi", "Realisation", mandatory=True, order=10),
                    _f("spent", "money", "Realisasi anggaran", "Spending", order=20),
                    _f("narrative", "long_text", "Narasi", "Narrative", order=30)),
    "evidence": (_f("title", "text", "Judul", "Title", mandatory=True, order=10),
                 _f("description", "long_text", "Keterangan", "Description", order=20)),
}
assert set(CORE_FIELDS) == set(FORMS)


def core_field(form: str, key: str) -> FormFieldSpec | None:
    """The core field ``key`` of ``form``, or None."""
    return next((f for f in CORE_FIELDS.get(form, ()) if f.key == key), None)
