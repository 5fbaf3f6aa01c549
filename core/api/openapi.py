"""The OpenAPI 3.1 description of the read API (its schemas are JSON Schema 2020-12)."""

from __future__ import annotations

from core.models.user import ROLES

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_INT = {"type": ["integer", "null"]}
DECIMAL_STRING = {"type": ["string", "null"], "pattern": r"^-?\d+(\.\d+)?$",
                  "description": "exact decimal as a string, or null when the printed text is not a number"}

SCHEMAS = {
    "Error": {"type": "object", "required": ["error", "status"],
              "properties": {"error": {"type": "string"}, "status": {"type": "integer"}}},
    "Region": {
        "type": "object", "additionalProperties": False,
        "required": ["code", "name", "level", "parent_code"],
        "properties": {"code": {"type": "string", "pattern": r"^\d{2}(\.\d{2})?$"}, "name": {"type": "string"},
                       "name_en": NULLABLE_STRING,
                       "level": {"enum": ["provinsi", "kabupaten", "kota"]}, "parent_code": NULLABLE_STRING},
    },
    "Document": {
        "type": "object", "additionalProperties": False,
        "required": ["id", "type", "title", "period_start", "period_end", "year", "plan", "version", "origin",
                     "status", "amends", "nomenclature_version"],
        "properties": {"id": {"type": "integer"},
                       "type": {"enum": ["renstra", "renja", "pk", "lakip", "evaluasi"]},
                       "title": {"type": "string"}, "period_start": NULLABLE_INT, "period_end": NULLABLE_INT,
                       "year": NULLABLE_INT,
                       "plan": {"type": "object", "additionalProperties": False, "required": ["id", "key"],
                                "description": "the plan this document is a version of",
                                "properties": {"id": {"type": "integer"}, "key": {"type": "string"}}},
                       "version": {"type": "integer", "minimum": 1, "description": "version within the plan"},
                       "origin": {"enum": ["imported", "authored", "moved", "excel"],
                                  "description": "imported from a source, authored in Pelita, moved to another "
                                                 "code list, or imported from Excel"},
                       "status": {"enum": ["draft", "submitted", "verified", "approved", "locked"]},
                       "amends": {"type": ["integer", "null"], "description": "id of the version this one amends"},
                       "nomenclature_version": NULLABLE_STRING},
    },
    "PrintedValue": {"type": "object", "required": ["printed", "value"],
                     "properties": {"printed": NULLABLE_STRING, "value": DECIMAL_STRING}},
    "Target": {"type": "object", "additionalProperties": False, "required": ["year", "quarter", "printed", "value"],
               "properties": {"year": {"type": "integer"}, "quarter": {"type": ["integer", "null"],
                                                                          "minimum": 1, "maximum": 4},
                              "printed": {"type": "string"}, "value": DECIMAL_STRING}},
    "Budget": {"type": "object", "additionalProperties": False, "required": ["year", "kind", "printed", "value"],
               "properties": {"year": NULLABLE_INT, "kind": {"enum": ["pagu", "anggaran", "realisasi"]},
                              "printed": {"type": "string"}, "value": DECIMAL_STRING}},
    "Indicator": {
        "type": "object", "additionalProperties": False,
        "required": ["text", "unit", "baseline", "targets", "realisations"],
        "properties": {"text": {"type": "string"}, "unit": NULLABLE_STRING,
                       "polarity": {"enum": ["higher", "lower"]},
                       "aggregation": {"enum": ["sum", "last", "level"]}, "formula": NULLABLE_STRING,
                       "baseline": {"$ref": "#/components/schemas/PrintedValue"},
                       "end_target": {"$ref": "#/components/schemas/PrintedValue"},
                       "targets": {"type": "array", "items": {"$ref": "#/components/schemas/Target"}},
                       "realisations": {"type": "array", "items": {"$ref": "#/components/schemas/Target"}}},
    },
    "Item": {
        "type": "object", "additionalProperties": False,
        "required": ["id", "parent_id", "level", "code", "printed_code", "name", "responsible_unit", "source",
                     "indicators", "budget"],
        "properties": {
            "id": {"type": "integer"}, "parent_id": NULLABLE_INT,
            "level": {"enum": ["visi", "misi", "tujuan", "sasaran", "strategi", "arah_kebijakan", "urusan",
                               "bidang_urusan", "program", "kegiatan", "sub_kegiatan", "rekening"]},
            "code": NULLABLE_STRING, "printed_code": NULLABLE_STRING, "name": {"type": "string"},
            "responsible_unit": NULLABLE_STRING,
            "source": {"type": "object", "required": ["table", "row"],
                       "properties": {"table": NULLABLE_STRING, "line": NULLABLE_INT, "row": NULLABLE_STRING}},
            "extra": {"type": "object", "additionalProperties": {"type": "string"}},
            "indicators": {"type": "array", "items": {"$ref": "#/components/schemas/Indicator"}},
            "budget": {"type": "array", "items": {"$ref": "#/components/schemas/Budget"}},
        },
    },
    "Unit": {
        "type": "object", "additionalProperties": False,
        "required": ["code", "name", "kind", "parent_code", "tasks"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "name_en": NULLABLE_STRING,
                       "kind": {"type": "string"}, "parent_code": NULLABLE_STRING,
                       "tasks": {"type": "array", "items": {"type": "string"}},
                       "source": {"type": "object"}},
    },
    "Finding": {
        "type": "object", "additionalProperties": False,
        "required": ["id", "check", "severity", "item_id", "message", "printed", "expected"],
        "properties": {"id": {"type": "integer"}, "check": {"type": "string"},
                       "severity": {"enum": ["error", "warning", "info"]}, "item_id": NULLABLE_INT,
                       "year": NULLABLE_INT, "message": {"type": "string"}, "printed": NULLABLE_STRING,
                       "expected": NULLABLE_STRING, "source_line": NULLABLE_INT,
                       "acknowledged": {"type": "boolean"}, "acknowledgement_note": NULLABLE_STRING},
    },
    "OrgChart": {
        "type": "object", "required": ["valid_from", "units"],
        "properties": {"valid_from": NULLABLE_STRING, "typology": NULLABLE_STRING, "note": NULLABLE_STRING,
                       "units": {"type": "array", "items": {"$ref": "#/components/schemas/Unit"}}},
    },
    "NomenclatureVersion": {
        "type": "object", "additionalProperties": False,
        "required": ["code", "name", "legal_basis", "provenance", "counts", "total"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "legal_basis": NULLABLE_STRING,
                       "provenance": NULLABLE_STRING, "total": {"type": "integer"},
                       "counts": {"type": "object", "propertyNames": {"enum": ["provinsi", "kabkota", "all"]},
                                  "additionalProperties": {"type": "integer"}}},
    },
    "NomenclatureItem": {
        "type": "object", "additionalProperties": False,
        "required": ["code", "jurisdiction", "level", "name", "name_en", "indikator", "satuan", "kinerja",
                     "provenance"],
        "properties": {"code": {"type": "string", "pattern": r"^\d+(\.\d+)*$"},
                       "jurisdiction": {"enum": ["provinsi", "kabkota", "all"]},
                       "level": {"enum": ["urusan", "bidang_urusan", "program", "kegiatan", "sub_kegiatan"]},
                       "name": {"type": "string"}, "name_en": NULLABLE_STRING, "indikator": NULLABLE_STRING,
                       "satuan": NULLABLE_STRING, "kinerja": NULLABLE_STRING, "provenance": NULLABLE_STRING},
    },
    "NomenclatureDiff": {
        "type": "object", "additionalProperties": False, "required": ["from", "to", "jurisdiction", "counts", "rows"],
        "properties": {
            "from": {"type": "string"}, "to": {"type": "string"}, "jurisdiction": {"enum": ["provinsi", "kabkota"]},
            "counts": {"type": "object", "additionalProperties": False,
                       "required": ["unchanged", "renamed", "renumbered", "removed", "added"],
                       "properties": {k: {"type": "integer"} for k in
                                      ("unchanged", "renamed", "renumbered", "removed", "added")}},
            "rows": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["kind", "level", "from_code", "from_name", "to_code", "to_name"],
                "properties": {"kind": {"enum": ["unchanged", "renamed", "renumbered", "removed", "added"]},
                               "level": {"type": "string"}, "from_code": NULLABLE_STRING,
                               "from_name": NULLABLE_STRING, "to_code": NULLABLE_STRING,
                               "to_name": NULLABLE_STRING}}},
        },
    },
    "NomenclatureCrosswalk": {
        "type": "object", "additionalProperties": False, "required": ["from", "to", "jurisdiction", "rows"],
        "properties": {
            "from": {"type": "string"}, "to": {"type": "string"}, "jurisdiction": {"enum": ["provinsi", "kabkota"]},
            "rows": {"type": "array", "items": {
                "type": "object", "additionalProperties": False,
                "required": ["id", "from_code", "to_codes", "kind", "confidence", "basis", "status", "candidates",
                             "confirmed_by", "confirmed_at", "note"],
                "properties": {
                    "id": {"type": "integer"}, "from_code": NULLABLE_STRING,
                    "to_codes": {"type": "array", "items": {"type": "string"}},
                    "kind": {"enum": ["same", "renamed", "renumbered", "split", "merged", "retired", "new"]},
                    "confidence": {"type": "string", "pattern": r"^\d+(\.\d+)?$"},
                    "basis": {"enum": ["official", "derived-name", "name-similarity", "program-mapping", "manual"]},
                    "status": {"enum": ["proposed", "confirmed", "rejected"]},
                    "candidates": {"type": "array", "items": {
                        "type": "object", "required": ["code", "name", "confidence", "basis"],
                        "properties": {"code": {"type": "string"}, "name": {"type": "string"},
                                       "confidence": {"type": "string"}, "basis": {"type": "string"}}}},
                    "confirmed_by": NULLABLE_STRING, "confirmed_at": NULLABLE_STRING, "note": {"type": "string"}}}},
        },
    },
}


def _ok(schema_ref: str, many: bool = False) -> dict:
    ref = {"$ref": f"#/components/schemas/{schema_ref}"}
    schema = {"type": "array", "items": ref} if many else ref
    return {"description": "OK", "content": {"application/json": {"schema": schema}}}


ERRORS = {
    "401": {"description": "No or an invalid token", "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}},
    "404": {"description": "Unknown, or not visible to the caller", "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}},
}
REGION_CODE = {"name": "code", "in": "path", "required": True, "schema": {"type": "string"},
               "description": "kode wilayah, e.g. 91.01"}
DOCUMENT_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
VERSION_CODE = {"name": "code", "in": "path", "required": True, "schema": {"type": "string"},
                "description": "nomenclature version code, e.g. kmdn900-1317-2023"}
JURISDICTION = {"name": "jurisdiction", "in": "query", "required": False,
                "schema": {"enum": ["kabkota", "provinsi", "all"]}}
VERSION_PAIR = [{"name": "from", "in": "query", "required": True, "schema": {"type": "string"}},
                {"name": "to", "in": "query", "required": True, "schema": {"type": "string"}},
                {**JURISDICTION, "description": "kabkota (default) or provinsi"}]

#: path (Flask rule) -> (OpenAPI path, operation summary, response schema, many, parameters)
OPERATIONS = {
    "/api/v1/regions": ("/regions", "Regions the caller may see", "Region", True, []),
    "/api/v1/regions/<region_code>/documents": ("/regions/{code}/documents", "A region's documents", "Document",
                                                True, [REGION_CODE]),
    "/api/v1/regions/<region_code>/org-chart": ("/regions/{code}/org-chart", "A region's organisation chart",
                                                "OrgChart", False, [REGION_CODE]),
    "/api/v1/documents/<int:document_id>": ("/documents/{id}", "A document", "Document", False, [DOCUMENT_ID]),
    "/api/v1/documents/<int:document_id>/items": ("/documents/{id}/items", "A document's items in order", "Item",
                                                  True, [DOCUMENT_ID]),
    "/api/v1/documents/<int:document_id>/findings": ("/documents/{id}/findings", "A document's consistency findings",
                                                     "Finding", True, [DOCUMENT_ID]),
    "/api/v1/nomenclature/versions": ("/nomenclature/versions", "Nomenclature versions with item counts",
                                      "NomenclatureVersion", True, []),
    "/api/v1/nomenclature/versions/<version_code>/items": (
        "/nomenclature/versions/{code}/items", "A version's items (search with q: code or name, id or en)",
        "NomenclatureItem", True,
        [VERSION_CODE, JURISDICTION, {"name": "q", "in": "query", "required": False, "schema": {"type": "string"}}]),
    "/api/v1/nomenclature/diff": ("/nomenclature/diff", "Differences between two versions", "NomenclatureDiff",
                                  False, VERSION_PAIR),
    "/api/v1/nomenclature/crosswalk": ("/nomenclature/crosswalk", "National crosswalk rows between two versions",
                                       "NomenclatureCrosswalk", False, VERSION_PAIR),
}


# -- regions as data (issue 8): managing regions, org units, accounts, memberships ----------

_REGION_KIND = {"enum": ["provinsi", "kabupaten", "kota"]}
SCHEMAS.update({
    "RegionDetail": {
        "type": "object", "additionalProperties": False,
        "required": ["code", "name", "kind", "parent_code", "active", "plugin"],
        "properties": {"code": {"type": "string", "pattern": r"^\d{2}(\.\d{2})?$"}, "name": {"type": "string"},
                       "name_en": NULLABLE_STRING, "kind": _REGION_KIND, "level": _REGION_KIND,
                       "parent_code": NULLABLE_STRING, "agency_name": {"type": "string"},
                       "agency_name_en": NULLABLE_STRING, "active": {"type": "boolean"},
                       "plugin": {**NULLABLE_STRING, "description": "the enabled plugin serving it, or null"}},
    },
    "RegionCreate": {
        "type": "object", "required": ["code", "name", "kind"],
        "properties": {"code": {"type": "string", "description": "kode wilayah: 18 or 18.71"},
                       "name": {"type": "string"}, "kind": _REGION_KIND,
                       "parent_code": {**NULLABLE_STRING, "description": "the province, for a kabupaten/kota"},
                       "name_en": NULLABLE_STRING, "agency_name": NULLABLE_STRING, "agency_name_en": NULLABLE_STRING},
    },
    "RegionUpdate": {
        "type": "object",
        "properties": {"name": {"type": "string"}, "name_en": NULLABLE_STRING, "agency_name": {"type": "string"},
                       "agency_name_en": NULLABLE_STRING, "active": {"type": "boolean"}},
    },
    "OrgUnit": {
        "type": "object", "additionalProperties": False,
        "required": ["code", "name", "kind", "parent_code", "tasks", "valid_from", "valid_to"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "name_en": NULLABLE_STRING,
                       "kind": {"type": "string"}, "parent_code": NULLABLE_STRING,
                       "tasks": {"type": "array", "items": {"type": "string"}}, "source": {"type": "object"},
                       "valid_from": NULLABLE_STRING, "valid_to": NULLABLE_STRING},
    },
    "OrgUnitWrite": {
        "type": "object",
        "properties": {"code": {"type": "string", "description": "default: a slug of the name"},
                       "name": {"type": "string"}, "parent_code": NULLABLE_STRING, "kind": {"type": "string"},
                       "tasks": {"type": "array", "items": {"type": "string"}}, "name_en": NULLABLE_STRING,
                       "valid_from": {**NULLABLE_STRING, "format": "date"},
                       "valid_to": {**NULLABLE_STRING, "format": "date"}},
    },
    "Membership": {
        "type": "object", "additionalProperties": False, "required": ["username", "region_code", "role", "unit_code"],
        "properties": {"username": {"type": "string"}, "region_code": {"type": "string"},
                       "role": {"enum": list(ROLES)},
                       "unit_code": NULLABLE_STRING},
    },
    "MembershipCreate": {
        "type": "object", "required": ["username", "role"],
        "properties": {"username": {"type": "string"}, "role": {"type": "string"}, "unit_code": NULLABLE_STRING},
    },
    "User": {"type": "object", "additionalProperties": False, "required": ["username", "full_name"],
             "properties": {"username": {"type": "string"}, "full_name": {"type": "string"}}},
    "UserCreate": {"type": "object", "required": ["username", "password"],
                   "properties": {"username": {"type": "string"}, "full_name": {"type": "string"},
                                  "password": {"type": "string", "minLength": 12},
                                  "locale": {"enum": ["id", "en"]}}},
})
ANY_REGION_CODE = {**REGION_CODE, "description": "kode wilayah, e.g. 18.71 (a deactivated region: its managers)"}
UNIT_CODE = {"name": "unit_code", "in": "path", "required": True, "schema": {"type": "string"}}
USERNAME = {"name": "username", "in": "path", "required": True, "schema": {"type": "string"}}
OPERATIONS["/api/v1/regions/<code>"] = ("/regions/{code}", "One region, with the plugin serving it (or null)",
                                        "RegionDetail", False, [ANY_REGION_CODE])

#: (Flask rule, method) -> (OpenAPI path, summary, request schema, success status, response schema, parameters)
REGION_OPERATIONS = {
    ("/api/v1/regions", "POST"): ("/regions", "Create a region (superadmin; a provincial admin: kab/kota under "
                                  "its province)", "RegionCreate", "201", "RegionDetail", []),
    ("/api/v1/regions/<code>", "PATCH"): ("/regions/{code}", "Edit a region's names, or (de)activate it",
                                          "RegionUpdate", "200", "RegionDetail", [ANY_REGION_CODE]),
    ("/api/v1/regions/<region_code>/org-units", "POST"): (
        "/regions/{code}/org-units", "Add an organisation unit (the chart is created at the first unit)",
        "OrgUnitWrite", "201", "OrgUnit", [REGION_CODE]),
    ("/api/v1/regions/<region_code>/org-units/<unit_code>", "PATCH"): (
        "/regions/{code}/org-units/{unit_code}", "Rename, move (cycles refused), re-task or re-date a unit",
        "OrgUnitWrite", "200", "OrgUnit", [REGION_CODE, UNIT_CODE]),
    ("/api/v1/regions/<region_code>/members", "POST"): (
        "/regions/{code}/members", "Give a user a role in the region", "MembershipCreate", "201", "Membership",
        [REGION_CODE]),
    ("/api/v1/regions/<region_code>/members/<username>", "DELETE"): (
        "/regions/{code}/members/{username}", "Take a user's role in the region away", None, "204", None,
        [REGION_CODE, USERNAME]),
    ("/api/v1/users", "POST"): ("/users", "Create an account (administrators; password of 12 characters or more)",
                                "UserCreate", "201", "User", []),
}
# -- accounts (issue 13): one's password, sessions and tokens; deactivation, resets ----------
_MOMENT = {**NULLABLE_STRING, "format": "date-time"}
SCHEMAS.update({
    "PasswordChange": {"type": "object", "required": ["current_password", "new_password"],
                       "properties": {"current_password": {"type": "string"}, "new_password": {"type": "string"},
                                      "confirm_password": {"type": "string",
                                                           "description": "default: new_password"}}},
    "Token": {
        "type": "object", "additionalProperties": False,
        "required": ["id", "name", "created_at", "expires_at", "last_used_at", "revoked", "revoked_at", "usable"],
        "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "created_at": _MOMENT,
                       "expires_at": _MOMENT, "last_used_at": _MOMENT, "revoked": {"type": "boolean"},
                       "revoked_at": _MOMENT, "usable": {"type": "boolean"}},
    },
    "TokenCreate": {"type": "object", "required": ["name"],
                    "properties": {"name": {"type": "string", "minLength": 1, "maxLength": 100},
                                   "days": {"type": "integer", "minimum": 1, "maximum": 365,
                                            "description": "default 90"}}},
    "UserUpdate": {"type": "object", "properties": {"active": {"type": "boolean"}}},
    "PasswordReset": {"type": "object", "properties": {
        "password": {**NULLABLE_STRING, "description": "the temporary password; empty or absent: one is generated"}}},
    "Account": {
        "type": "object", "additionalProperties": False,
        "required": ["username", "full_name", "active", "superadmin", "must_change_password", "memberships"],
        "properties": {"username": {"type": "string"}, "full_name": {"type": "string"},
                       "active": {"type": "boolean"}, "superadmin": {"type": "boolean"},
                       "must_change_password": {"type": "boolean"},
                       "memberships": {"type": "array", "items": {
                           "type": "object", "additionalProperties": False,
                           "required": ["region_code", "role", "unit_code"],
                           "properties": {"region_code": {"type": "string"}, "role": {"type": "string"},
                                          "unit_code": NULLABLE_STRING}}},
                       "temporary_password": {**NULLABLE_STRING,
                                              "description": "a generated password (shown once), else null"}},
    },
})
SCHEMAS["TokenCreated"] = {**SCHEMAS["Token"], "required": [*SCHEMAS["Token"]["required"], "token"],
                           "properties": {**SCHEMAS["Token"]["properties"],
                                          "token": {"type": "string", "description": "the secret, shown once"}}}
SCHEMAS["TokenList"] = {"type": "array", "items": {"$ref": "#/components/schemas/Token"}}
TOKEN_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
ACCOUNT_OPERATIONS = {
    ("/api/v1/me/password", "POST"): ("/me/password", "Change one's password; every other session ends",
                                      "PasswordChange", "204", None, []),
    ("/api/v1/me/sessions/revoke", "POST"): (
        "/me/sessions/revoke", "Sign out everywhere: every browser session of the caller ends (the calling one "
        "continues)", None, "204", None, []),
    ("/api/v1/me/tokens", "GET"): ("/me/tokens", "The caller's API tokens (never their secrets)", None, "200",
                                   "TokenList", []),
    ("/api/v1/me/tokens", "POST"): ("/me/tokens", "Create a named token that expires (default 90 days, at most "
                                    "365); the secret is in this answer only", "TokenCreate", "201",
                                    "TokenCreated", []),
    ("/api/v1/me/tokens/<int:token_id>", "DELETE"): ("/me/tokens/{id}", "Revoke one of the caller's tokens", None,
                                                     "204", None, [TOKEN_ID]),
    ("/api/v1/users/<username>", "PATCH"): (
        "/users/{username}", "Deactivate (sessions end, tokens revoked) or reactivate an account the caller "
        "manages", "UserUpdate", "200", "Account", [USERNAME]),
    ("/api/v1/users/<username>/password-reset", "POST"): (
        "/users/{username}/password-reset", "Reset a password (given, or generated and answered once); the user "
        "must change it at the next sign-in", "PasswordReset", "200", "Account", [USERNAME]),
    ("/api/v1/users/<username>/sessions/revoke", "POST"): (
        "/users/{username}/sessions/revoke", "End every session of an account the caller manages", None, "204",
        None, [USERNAME]),
}
# Described like the region operations (the route test reads REGION_OPERATIONS).
REGION_OPERATIONS.update(ACCOUNT_OPERATIONS)

WRITE_ERRORS = {
    status: {"description": text, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for status, text in (("400", "The body is not a JSON object, or the CSRF token of a session write is missing"),
                         ("403", "The caller sees the region but may not do this"),
                         ("409", "It exists already (a duplicate code or username)"),
                         ("422", "The input cannot be saved; `errors` says what to fix, in the caller's language"))
}


# -- region-customised forms and settings (issue 10) ----------------------------------------

_LABELS = {"type": "object", "required": ["id", "en"],
           "properties": {"id": {"type": "string"}, "en": {"type": "string"}}}
_FORM = {"name": "form", "in": "path", "required": True,
         "schema": {"enum": ["renstra_item", "renja_row", "pk", "rencana_aksi", "realisation", "evidence"]}}
_FIELD_KEY = {"name": "key", "in": "path", "required": True, "schema": {"type": "string"},
              "description": "a field key: x_... for a region field, or a core field's key"}
_FIELD_TYPE = {"enum": ["text", "long_text", "integer", "decimal", "money", "percent", "date", "boolean", "choice",
                        "multi_choice", "region_place"]}
SCHEMAS.update({
    "FormField": {
        "type": "object", "additionalProperties": False,
        "required": ["key", "type", "label", "help", "required", "choices", "order", "mandatory", "origin", "source",
                     "defined_in", "hidden", "hidden_by"],
        "properties": {
            "key": {"type": "string"}, "type": _FIELD_TYPE, "label": _LABELS, "help": _LABELS,
            "required": {"type": "boolean"}, "order": {"type": "integer"},
            "choices": {"type": "array", "items": {"type": "object", "required": ["value", "label"],
                                                   "properties": {"value": {"type": "string"}, "label": _LABELS}}},
            "mandatory": {"type": "boolean", "description": "legally mandatory: never hidden nor optional"},
            "origin": {"enum": ["core", "province", "region"]},
            "source": {"type": "string", "description": "core, plugin:<name> or database"},
            "defined_in": NULLABLE_STRING, "hidden": {"type": "boolean"}, "hidden_by": NULLABLE_STRING},
    },
    "FormSchema": {
        "type": "object", "additionalProperties": False, "required": ["region_code", "form", "fields"],
        "properties": {"region_code": {"type": "string"}, "form": {"type": "string"},
                       "fields": {"type": "array", "items": {"$ref": "#/components/schemas/FormField"}}},
    },
    "FormFieldCreate": {
        "type": "object", "required": ["key", "type", "label"],
        "properties": {"key": {"type": "string", "pattern": "^x_[a-z][a-z0-9_]*$"}, "type": _FIELD_TYPE,
                       "label": _LABELS, "help": _LABELS, "required": {"type": "boolean"},
                       "order": {"type": "integer"},
                       "choices": {"type": "array", "items": {"type": "object", "required": ["value"], "properties": {
                           "value": {"type": "string"}, "label": _LABELS}}}},
    },
    "FormFieldUpdate": {
        "type": "object",
        "properties": {"label": _LABELS, "help": _LABELS, "required": {"type": "boolean"},
                       "order": {"type": "integer"}, "choices": {"type": "array"},
                       "hidden": {"type": "boolean", "description": "inherited optional fields only"}},
    },
    "RegionSettings": {
        "type": "object", "additionalProperties": False,
        "required": ["region_code", "version", "valid_from", "own", "effective", "sources", "labels_known"],
        "properties": {
            "region_code": {"type": "string"}, "version": NULLABLE_INT, "valid_from": NULLABLE_STRING,
            "own": {"type": "object"}, "sources": {"type": "object", "additionalProperties": {"type": "string"}},
            "labels_known": {"type": "array", "items": {"type": "string"}},
            "effective": {"type": "object", "required": ["labels", "predicate_scale", "lower_is_better",
                                                         "note_threshold", "blocking_checks", "report_header",
                                                         "signatories", "places"]}},
    },
    "RegionSettingsWrite": {
        "type": "object", "description": "Any of the keys; null removes the region's own value",
        "properties": {"labels": {"type": ["object", "null"]}, "predicate_scale": {"type": ["object", "null"]},
                       "lower_is_better": NULLABLE_STRING, "note_threshold": NULLABLE_STRING,
                       "blocking_checks": {"type": ["object", "null"],
                                           "additionalProperties": {"enum": ["block", "warn"]}},
                       "report_header": {"type": ["object", "null"]}, "signatories": {"type": ["array", "null"]},
                       "places": {"type": ["array", "null"]}},
    },
})
OPERATIONS["/api/v1/regions/<region_code>/forms/<any(renstra_item, renja_row, pk, rencana_aksi, realisation, evidence):form>"] = (
    "/regions/{code}/forms/{form}", "The effective field schema of a form, each field with its origin",
    "FormSchema", False, [REGION_CODE, _FORM])
OPERATIONS["/api/v1/regions/<region_code>/settings"] = (
    "/regions/{code}/settings", "The region's settings: effective, its own, and where each comes from",
    "RegionSettings", False, [REGION_CODE])
REGION_OPERATIONS.update({
    ("/api/v1/regions/<region_code>/forms/<any(renstra_item, renja_row, pk, rencana_aksi, realisation, evidence):form>/fields", "POST"): (
        "/regions/{code}/forms/{form}/fields", "Add a region field (region or provincial admin)", "FormFieldCreate",
        "201", "FormField", [REGION_CODE, _FORM]),
    ("/api/v1/regions/<region_code>/forms/<any(renstra_item, renja_row, pk, rencana_aksi, realisation, evidence):form>/fields/<key>", "PATCH"): (
        "/regions/{code}/forms/{form}/fields/{key}", "Change the region's field, or hide/require/relabel an "
        "inherited one", "FormFieldUpdate", "200", "FormField", [REGION_CODE, _FORM, _FIELD_KEY]),
    ("/api/v1/regions/<region_code>/forms/<any(renstra_item, renja_row, pk, rencana_aksi, realisation, evidence):form>/fields/<key>", "DELETE"): (
        "/regions/{code}/forms/{form}/fields/{key}", "Delete the region's field (stored values stay readable)",
        None, "204", None, [REGION_CODE, _FORM, _FIELD_KEY]),
    ("/api/v1/regions/<region_code>/settings", "PUT"): (
        "/regions/{code}/settings", "Set the region's own settings (a new version from now)",
        "RegionSettingsWrite", "200", "RegionSettings", [REGION_CODE]),
})


def _add_region_operations(paths: dict) -> None:
    for (_rule, method), (path, summary, request_schema, status, schema, params) in REGION_OPERATIONS.items():
        operation = {"summary": summary, "parameters": params, "security": [{"bearer": []}, {"session": []}],
                     "responses": {status: _ok(schema) if schema else {"description": "Done"}, **ERRORS,
                                   **WRITE_ERRORS}}
        if request_schema:
            operation["requestBody"] = {"required": True, "content": {"application/json": {
                "schema": {"$ref": f"#/components/schemas/{request_schema}"}}}}
        paths.setdefault(path, {})[method.lower()] = operation


# -- authoring (issue 9): documents, items, indicators, targets, pagu, realisation, amendments -----

_CANONICAL = {"type": "string", "pattern": r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$",
              "description": "a decimal in canonical form (\"1234.5\"): no grouping, no exponent, ASCII digits"}
_FINDINGS = {"type": "array", "items": {"$ref": "#/components/schemas/Finding"},
             "description": "the document's findings after the write"}
_ROW_VERSION = {"type": "integer", "minimum": 1, "description": "send it back as If-Match to change the row"}
SCHEMAS.update({
    "DocumentCreate": {"type": "object", "required": ["type"], "properties": {
        "type": {"enum": ["renstra", "renja", "pk", "rencana_aksi"]}, "year": {"type": "integer"},
        "period_start": {"type": "integer"}, "period_end": {"type": "integer"},
        "based_on": {"type": "integer", "description": "the approved document this one is made from"},
        "title": {"type": "string"}}},
    "AuthoredDocument": {"type": "object", "required": ["id", "type", "status", "version", "row_version"],
                         "properties": {"id": {"type": "integer"}, "type": {"type": "string"},
                                        "title": {"type": "string"}, "year": NULLABLE_INT,
                                        "period_start": NULLABLE_INT, "period_end": NULLABLE_INT,
                                        "plan": {"type": "object"}, "version": {"type": "integer"},
                                        "origin": {"type": "string"},
                                        "status": {"enum": ["draft", "submitted", "verified", "approved", "locked"]},
                                        "amends": NULLABLE_INT, "based_on": NULLABLE_INT,
                                        "signatories": {"type": ["object", "null"]}, "row_version": _ROW_VERSION,
                                        "findings": _FINDINGS}},
    "ItemWrite": {"type": "object", "properties": {
        "parent_id": NULLABLE_INT, "level": {"type": "string"}, "code": NULLABLE_STRING, "name": NULLABLE_STRING,
        "implements_item_id": NULLABLE_INT, "responsible_unit": NULLABLE_STRING,
        "fields": {"type": ["object", "null"], "additionalProperties": NULLABLE_STRING, "maxProperties": 40,
                   "description": "row fields: lokasi, sumber_dana, kelompok_sasaran, catatan, "
                                  "prakiraan_maju_target, prakiraan_maju_pagu, a region's own"}}},
    "AuthoredItem": {"type": "object", "required": ["id", "document_id", "level", "name", "row_version", "findings"],
                     "properties": {"id": {"type": "integer"}, "document_id": {"type": "integer"},
                                    "parent_id": NULLABLE_INT, "level": {"type": "string"}, "code": NULLABLE_STRING,
                                    "name": {"type": "string"}, "responsible_unit": NULLABLE_STRING,
                                    "implements_item_id": NULLABLE_INT, "continues_item_id": NULLABLE_INT,
                                    "lineage_id": NULLABLE_INT, "fields": {"type": "object"},
                                    "row_version": _ROW_VERSION, "findings": _FINDINGS}},
    "IndicatorWrite": {"type": "object", "properties": {
        "text": {"type": "string"}, "unit": NULLABLE_STRING, "baseline": NULLABLE_STRING,
        "end_target": NULLABLE_STRING, "polarity": {"enum": ["higher", "lower"]}}},
    "AuthoredIndicator": {"type": "object", "required": ["id", "item_id", "text", "row_version", "findings"],
                          "properties": {"id": {"type": "integer"}, "item_id": {"type": "integer"},
                                         "text": {"type": "string"}, "unit": NULLABLE_STRING,
                                         "baseline": NULLABLE_STRING, "end_target": NULLABLE_STRING,
                                         "polarity": {"type": "string"}, "lineage_id": NULLABLE_INT,
                                         "row_version": _ROW_VERSION, "findings": _FINDINGS}},
    "TargetWrite": {"type": "object", "required": ["value"], "properties": {
        "value": {"type": ["string", "null"], "description": "canonical decimal, or a number with its unit "
                                                             "(\"20 Orang\"), or text; null removes"},
        "quarter": {"type": ["integer", "null"], "minimum": 1, "maximum": 4}}},
    "BudgetWrite": {"type": "object", "required": ["pagu"], "properties": {"pagu": {**_CANONICAL,
                                                                                    "type": ["string", "null"]}}},
    "RealisationWrite": {"type": "object", "properties": {
        "value": {"type": "string"}, "spending": {**_CANONICAL, "type": ["string", "null"]},
        "supporting_factors": NULLABLE_STRING, "hindering_factors": NULLABLE_STRING}},
    "WrittenValue": {"type": "object", "required": ["printed", "value", "row_version"],
                     "properties": {"printed": NULLABLE_STRING, "value": DECIMAL_STRING,
                                    "row_version": {"type": ["integer", "null"]}, "year": {"type": "integer"},
                                    "quarter": NULLABLE_INT, "kind": {"type": "string"},
                                    "supporting_factors": NULLABLE_STRING, "hindering_factors": NULLABLE_STRING,
                                    "findings": _FINDINGS}},
    "Deleted": {"type": "object", "required": ["deleted"], "properties": {"deleted": {"type": "integer"},
                                                                          "findings": _FINDINGS}},
    "Signatories": {"type": "object", "required": ["first", "second", "place", "date"], "properties": {
        **{party: {"type": "object", "required": ["name", "position"],
                   "properties": {"name": {"type": "string"}, "nip": {"type": "string", "pattern": r"^[0-9 ]+$"},
                                  "rank": {"type": "string", "description": "pangkat/golongan"},
                                  "position": {"type": "string", "description": "jabatan"}}}
           for party in ("first", "second")},
        "place": {"type": "string"}, "date": {"type": "string", "format": "date"}}},
    "DocumentDiff": {"type": "object", "required": ["before", "after", "changes"], "properties": {
        "before": {"type": "integer"}, "after": {"type": "integer"},
        "changes": {"type": "array", "items": {
            "type": "object", "required": ["kind", "change", "item_name", "field", "before", "after"],
            "properties": {"kind": {"enum": ["item", "indicator", "target", "budget"]},
                           "change": {"enum": ["added", "removed", "changed"]}, "item_code": NULLABLE_STRING,
                           "item_name": {"type": "string"}, "field": {"type": "string"},
                           "before": {}, "after": {}, "old_item_id": NULLABLE_INT, "new_item_id": NULLABLE_INT,
                           "indicator": NULLABLE_STRING, "year": NULLABLE_INT, "quarter": NULLABLE_INT}}}}},
})
ITEM_ID = {"name": "item_id", "in": "path", "required": True, "schema": {"type": "integer"}}
INDICATOR_ID = {"name": "indicator_id", "in": "path", "required": True, "schema": {"type": "integer"}}
YEAR = {"name": "year", "in": "path", "required": True, "schema": {"type": "integer"}}
QUARTER = {"name": "quarter", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1,
                                                                          "maximum": 4}}
IF_MATCH = {"name": "If-Match", "in": "header", "required": False, "schema": {"type": "string"},
            "description": "the row_version the change is based on; required to change or delete an existing row"}
AUTHORING_OPERATIONS = {
    ("/api/v1/regions/<region_code>/documents", "POST"): (
        "/regions/{code}/documents", "Create a draft Renstra, Renja, PK or Rencana Aksi", "DocumentCreate", "201",
        "AuthoredDocument", [REGION_CODE]),
    ("/api/v1/documents/<int:document_id>", "DELETE"): (
        "/documents/{id}", "Delete a draft document", None, "204", None, [DOCUMENT_ID, IF_MATCH]),
    ("/api/v1/documents/<int:document_id>/items", "POST"): (
        "/documents/{id}/items", "Add an item to a draft", "ItemWrite", "201", "AuthoredItem", [DOCUMENT_ID]),
    ("/api/v1/items/<int:item_id>", "PATCH"): (
        "/items/{item_id}", "Change the fields sent of a draft's item", "ItemWrite", "200", "AuthoredItem",
        [ITEM_ID, IF_MATCH]),
    ("/api/v1/items/<int:item_id>", "DELETE"): (
        "/items/{item_id}", "Delete a draft's item with everything under it", None, "200", "Deleted",
        [ITEM_ID, IF_MATCH]),
    ("/api/v1/items/<int:item_id>/indicators", "POST"): (
        "/items/{item_id}/indicators", "Add an indicator", "IndicatorWrite", "201", "AuthoredIndicator", [ITEM_ID]),
    ("/api/v1/indicators/<int:indicator_id>", "PATCH"): (
        "/indicators/{indicator_id}", "Change the fields sent of an indicator", "IndicatorWrite", "200",
        "AuthoredIndicator", [INDICATOR_ID, IF_MATCH]),
    ("/api/v1/indicators/<int:indicator_id>/targets/<int:year>", "PUT"): (
        "/indicators/{indicator_id}/targets/{year}", "Set a year's (or a quarter's) target", "TargetWrite", "200",
        "WrittenValue", [INDICATOR_ID, YEAR, IF_MATCH]),
    ("/api/v1/items/<int:item_id>/budgets/<int:year>", "PUT"): (
        "/items/{item_id}/budgets/{year}", "Set a year's pagu", "BudgetWrite", "200", "WrittenValue",
        [ITEM_ID, YEAR, IF_MATCH]),
    ("/api/v1/indicators/<int:indicator_id>/realisations/<int:year>/<int:quarter>", "PUT"): (
        "/indicators/{indicator_id}/realisations/{year}/{quarter}", "Enter a quarter's realisation and spending",
        "RealisationWrite", "200", "WrittenValue", [INDICATOR_ID, YEAR, QUARTER, IF_MATCH]),
    ("/api/v1/documents/<int:document_id>/amend", "POST"): (
        "/documents/{id}/amend", "Open a Perubahan: a new draft version of an approved document", None, "201",
        "AuthoredDocument", [DOCUMENT_ID]),
    ("/api/v1/documents/<int:document_id>/diff", "GET"): (
        "/documents/{id}/diff", "Sebelum / sesudah: every changed item, indicator, target and pagu", None, "200",
        "DocumentDiff", [DOCUMENT_ID, {"name": "against", "in": "query", "required": True,
                                       "schema": {"type": "integer"}}]),
    ("/api/v1/documents/<int:document_id>/signatories", "POST"): (
        "/documents/{id}/signatories", "A PK's parties, place and date", "Signatories", "200", "AuthoredDocument",
        [DOCUMENT_ID, IF_MATCH]),
}
REGION_OPERATIONS.update(AUTHORING_OPERATIONS)
AUTHORING_ERRORS = {
    "409": {"description": "Changed since you read it (`conflicts`: field, yours, current; nothing written), or "
                           "the document is not an editable draft",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
    "428": {"description": "If-Match missing on a change to an existing row",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
}


def _add_authoring_errors(paths: dict) -> None:
    for (_rule, method), (path, *_rest) in AUTHORING_OPERATIONS.items():
        paths[path][method.lower()]["responses"].update(AUTHORING_ERRORS)


# -- the document workflow (issue 11): transitions, item reviews and replies, penetapan ----------

_STATUS = {"enum": ["draft", "submitted", "verified", "approved", "locked"]}
_ACTION = {"enum": ["submit", "verify", "return", "approve", "lock"]}
_VERDICT = {"enum": ["sesuai", "perlu_perbaikan", "tidak_ditemukan"]}
_REPLY = {"type": "object", "required": ["id", "review_id", "author", "at", "text"],
          "properties": {"id": {"type": "integer"}, "review_id": {"type": "integer"}, "author": {"type": "string"},
                         "at": {"type": "string", "format": "date-time"}, "text": {"type": "string"}}}
_REVIEW = {"type": "object", "required": ["id", "item_id", "group", "verdict", "note", "reviewer", "at"],
           "properties": {
               "id": {"type": "integer"}, "document_id": {"type": "integer"}, "item_id": {"type": "integer"},
               "group": {"type": "string", "description": "the verifier group: bappeda, keuangan, inspektorat"},
               "verdict": _VERDICT, "note": NULLABLE_STRING, "reviewer": {"type": "string"},
               "at": {"type": "string", "format": "date-time"}, "replies": {"type": "array", "items": _REPLY},
               "changes_since": {"type": "array", "description": "what differs in the item from when the note "
                                                                 "was written",
                                 "items": {"type": "object", "required": ["field", "before", "now"],
                                           "properties": {"field": {"type": "string"}, "before": NULLABLE_STRING,
                                                          "now": NULLABLE_STRING}}}}}
_SETTING = {"type": "object", "required": ["id", "kind", "row_id", "usulan", "penetapan", "applied"],
            "properties": {
                "id": {"type": "integer"}, "document_id": {"type": "integer"}, "item_id": {"type": "integer"},
                "kind": {"enum": ["target", "pagu"]}, "row_id": {"type": "integer"}, "year": NULLABLE_INT,
                "label": {"type": "string"}, "usulan": NULLABLE_STRING, "usulan_value": DECIMAL_STRING,
                "penetapan": {"type": "string"}, "penetapan_value": DECIMAL_STRING, "note": NULLABLE_STRING,
                "set_by": {"type": "string"}, "at": {"type": "string", "format": "date-time"},
                "applied": {"type": "boolean", "description": "written into the row at approval"}}}
SCHEMAS.update({
    "TransitionWrite": {"type": "object", "required": ["action"], "properties": {
        "action": _ACTION, "note": NULLABLE_STRING,
        "regulation_number": {"type": "string", "description": "approving a Renstra: the regulation's number"},
        "regulation_date": {"type": "string", "format": "date", "description": "approving a Renstra: its date"}}},
    "Workflow": {"type": "object", "required": ["document_id", "status", "available", "history"], "properties": {
        "document_id": {"type": "integer"}, "status": _STATUS, "row_version": {"type": "integer"},
        "available": {"type": "array", "items": _ACTION, "description": "the steps the caller may take now"},
        "history": {"type": "array", "items": {
            "type": "object", "required": ["action", "from_status", "to_status", "actor", "at", "note"],
            "properties": {"id": {"type": "integer"}, "action": _ACTION, "from_status": _STATUS,
                           "to_status": _STATUS, "actor": {"type": "string"},
                           "at": {"type": "string", "format": "date-time"}, "note": NULLABLE_STRING,
                           "regulation_number": NULLABLE_STRING,
                           "regulation_date": {"type": ["string", "null"], "format": "date"}}}}}},
    "ReviewWrite": {"type": "object", "required": ["verdict"], "properties": {
        "verdict": _VERDICT, "note": {"type": ["string", "null"], "description": "required unless sesuai"}}},
    "Review": _REVIEW,
    "Reviews": {"type": "object", "required": ["document_id", "open_items", "reviews"], "properties": {
        "document_id": {"type": "integer"},
        "open_items": {"type": "array", "items": {"type": "integer"},
                       "description": "items whose latest verdict by an active group is not sesuai"},
        "reviews": {"type": "array", "items": _REVIEW}}},
    "ReplyWrite": {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}},
    "Reply": _REPLY,
    "PenetapanWrite": {"type": "object", "required": ["kind", "row_id", "value"], "properties": {
        "kind": {"enum": ["target", "pagu"]},
        "row_id": {"type": "integer", "description": "the target's or the pagu's id in this document"},
        "value": _CANONICAL, "note": NULLABLE_STRING}},
    "Penetapan": _SETTING,
    "PenetapanList": {"type": "object", "required": ["document_id", "values"], "properties": {
        "document_id": {"type": "integer"}, "values": {"type": "array", "items": _SETTING}}},
})
REVIEW_ID = {"name": "review_id", "in": "path", "required": True, "schema": {"type": "integer"}}
WORKFLOW_OPERATIONS = {
    ("/api/v1/documents/<int:document_id>/transitions", "GET"): (
        "/documents/{id}/transitions", "The document's status, its history and the steps the caller may take",
        None, "200", "Workflow", [DOCUMENT_ID]),
    ("/api/v1/documents/<int:document_id>/transitions", "POST"): (
        "/documents/{id}/transitions", "Take a workflow step (403: the role may not; 409: the state does not "
        "allow it)", "TransitionWrite", "200", "Workflow", [DOCUMENT_ID, IF_MATCH]),
    ("/api/v1/documents/<int:document_id>/reviews", "GET"): (
        "/documents/{id}/reviews", "Item reviews with replies and what changed since each note", None, "200",
        "Reviews", [DOCUMENT_ID]),
    ("/api/v1/items/<int:item_id>/reviews", "POST"): (
        "/items/{item_id}/reviews", "A verifier group's verdict on an item, with a note", "ReviewWrite", "201",
        "Review", [ITEM_ID]),
    ("/api/v1/reviews/<int:review_id>/replies", "POST"): (
        "/reviews/{review_id}/replies", "The office's answer to a review note", "ReplyWrite", "201", "Reply",
        [REVIEW_ID]),
    ("/api/v1/documents/<int:document_id>/penetapan", "GET"): (
        "/documents/{id}/penetapan", "Usulan and penetapan side by side", None, "200", "PenetapanList",
        [DOCUMENT_ID]),
    ("/api/v1/documents/<int:document_id>/penetapan", "POST"): (
        "/documents/{id}/penetapan", "A verifier sets a target or pagu beside the office's usulan",
        "PenetapanWrite", "201", "Penetapan", [DOCUMENT_ID]),
}
REGION_OPERATIONS.update(WORKFLOW_OPERATIONS)


def openapi_document(version: str) -> dict:
    """The whole OpenAPI document."""
    paths = {}
    for _rule, (path, summary, schema, many, params) in OPERATIONS.items():
        paths[path] = {"get": {"summary": summary, "parameters": params,
                               "security": [{"bearer": []}, {"session": []}],
                               "responses": {"200": _ok(schema, many), **ERRORS}}}
    _add_region_operations(paths)
    _add_authoring_errors(paths)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Pelita read API", "version": version,
                 "description": "Plans, indicators, targets, budgets and organisation charts of the regions "
                                "the caller may see. Decimals are exact strings; printed text is kept beside "
                                "every parsed value."},
        "servers": [{"url": "/api/v1"}],
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                                "session": {"type": "apiKey", "in": "cookie", "name": "session"}},
        },
    }
