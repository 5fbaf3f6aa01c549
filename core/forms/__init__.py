"""Region-customised forms (issue 10): one field schema per form and region drives the HTML
form, validation, the API, the document view and report columns.

- :func:`effective_schema` (:mod:`.schema`): core's fields + inherited + own, with origins.
- :func:`validate_values` (:mod:`.validation`): clean values or :class:`core.errors.Invalid`.
- :mod:`.storage`: the fields admins add, change, hide and delete (kept readable).
- :mod:`.display`: stored values as text (document view, ``field:<key>`` report columns).
"""

from core.forms.display import cell_value, display_values, value_text
from core.forms.schema import EffectiveField, Schema, effective_schema, forget_schemas
from core.forms.validation import split_values, validate_values, validate_with

#: Which form a document type's rows are edited with.
FORM_OF_DOC_TYPE = {"renstra": "renstra_item", "renja": "renja_row", "pk": "pk", "lakip": "realisation",
                    "evaluasi": "realisation"}

__all__ = ["EffectiveField", "FORM_OF_DOC_TYPE", "Schema", "cell_value", "display_values", "effective_schema",
           "forget_schemas", "split_values", "validate_values", "validate_with", "value_text"]
