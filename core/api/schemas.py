"""marshmallow schemas of the API's JSON. Decimals travel as strings, so nothing is rounded."""

from __future__ import annotations

from marshmallow import Schema, fields


class RegionSchema(Schema):
    code = fields.String()
    name = fields.String()
    name_en = fields.String(allow_none=True)
    level = fields.String()
    parent_code = fields.Function(lambda r: r.parent.code if r.parent else None)


class DocumentSchema(Schema):
    id = fields.Integer()
    type = fields.String(attribute="doc_type")
    title = fields.String()
    period_start = fields.Function(lambda d: d.period.start_year if d.period else None)
    period_end = fields.Function(lambda d: d.period.end_year if d.period else None)
    year = fields.Integer(allow_none=True)
    plan = fields.Function(lambda d: {"id": d.plan.id, "key": d.plan.key})
    version = fields.Integer()
    origin = fields.String()
    status = fields.String()
    amends = fields.Integer(attribute="amends_id", allow_none=True)
    nomenclature_version = fields.Function(lambda d: d.nomenclature_version.code if d.nomenclature_version else None)


class PrintedValueSchema(Schema):
    printed = fields.String()
    value = fields.Decimal(as_string=True, allow_none=True)


class TargetSchema(PrintedValueSchema):
    year = fields.Integer()
    quarter = fields.Integer(allow_none=True)


class RealisationSchema(TargetSchema):
    pass


class BudgetSchema(PrintedValueSchema):
    year = fields.Integer(allow_none=True)
    kind = fields.String()


class IndicatorSchema(Schema):
    text = fields.String()
    unit = fields.String(allow_none=True)
    polarity = fields.String()
    aggregation = fields.String()
    formula = fields.String(allow_none=True)
    baseline = fields.Function(lambda i: {"printed": i.baseline_printed,
                                          "value": None if i.baseline_value is None else str(i.baseline_value)})
    end_target = fields.Function(lambda i: {"printed": i.end_target_printed,
                                            "value": None if i.end_target_value is None else str(i.end_target_value)})
    targets = fields.List(fields.Nested(TargetSchema))
    realisations = fields.List(fields.Nested(RealisationSchema))


class ItemSchema(Schema):
    id = fields.Integer()
    parent_id = fields.Integer(allow_none=True)
    level = fields.String()
    code = fields.String(allow_none=True)
    printed_code = fields.String(allow_none=True)
    name = fields.String()
    responsible_unit = fields.String(allow_none=True)
    source = fields.Function(lambda i: {"table": i.source_table, "line": i.source_line, "row": i.source_row})
    extra = fields.Dict(keys=fields.String(), values=fields.String())


class UnitSchema(Schema):
    code = fields.String()
    name = fields.String()
    name_en = fields.String(allow_none=True)
    kind = fields.String()
    parent_code = fields.String(allow_none=True)
    tasks = fields.List(fields.String())
    source = fields.Function(lambda u: {"table": u.source_table, "line": u.source_line})
