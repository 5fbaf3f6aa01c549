"""plans and versions: a plan per document group, versions with origin and checked status, item and
indicator lineage, entered realisation and spending on the lineage (once per year and quarter)

Revision ID: 0007
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

STATUSES = ("draft", "submitted", "verified", "approved", "locked")
ORIGINS = ("imported", "authored", "moved", "excel")


def _in(column, values):
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _foreign_keys(on: bool, keep: bool = True) -> None:
    """On SQLite, switch foreign key enforcement (off while tables are rebuilt).

    A batch operation rebuilds a SQLite table by copying it and dropping the original; with
    foreign keys on, the drop deletes every row referring to it through ON DELETE CASCADE
    (items, indicators, realisations ...). The pragma only works outside a transaction, so
    what is pending is committed first.
    """
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    raw = bind.connection.dbapi_connection
    raw.commit() if keep else raw.rollback()
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def upgrade():
    _foreign_keys(False)
    try:
        _upgrade()
    except BaseException:
        _foreign_keys(True, keep=False)
        raise
    _foreign_keys(True)


def downgrade():
    _foreign_keys(False)
    try:
        _downgrade()
    except BaseException:
        _foreign_keys(True, keep=False)
        raise
    _foreign_keys(True)


def _upgrade():
    op.create_table(
        'plan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('region_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=80), nullable=False),
        sa.Column('doc_type', sa.String(length=20), nullable=False),
        sa.Column('title', sa.Text(), nullable=False),
        sa.Column('period_id', sa.Integer(), nullable=True),
        sa.Column('year', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_plan_region_id_region')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_plan')),
        sa.UniqueConstraint('region_id', 'id', name=op.f('uq_plan_region_id_id')),
        sa.UniqueConstraint('region_id', 'key', name=op.f('uq_plan_region_id_key')),
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_region_id'), ['region_id'], unique=False)

    with op.batch_alter_table('plan_document', schema=None) as batch_op:
        batch_op.add_column(sa.Column('plan_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('origin', sa.String(length=12), nullable=False, server_default='imported'))
        batch_op.drop_constraint(batch_op.f('uq_plan_document_region_id_key'), type_='unique')
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unit_by_user', sa.Boolean(), server_default=sa.text('false'), nullable=False))
        batch_op.add_column(sa.Column('continues_item_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('implements_item_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('lineage_id', sa.Integer(), nullable=True))
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('settings_by_user', sa.Boolean(), server_default=sa.text('false'),
                                      nullable=False))
        batch_op.add_column(sa.Column('lineage_id', sa.Integer(), nullable=True))
    with op.batch_alter_table('realisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entered', sa.Boolean(), server_default=sa.text('false'), nullable=False))
    with op.batch_alter_table('budget', schema=None) as batch_op:
        batch_op.add_column(sa.Column('entered', sa.Boolean(), server_default=sa.text('false'), nullable=False))

    _migrate_data(op.get_bind())

    with op.batch_alter_table('plan_document', schema=None) as batch_op:
        batch_op.alter_column('plan_id', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('origin', existing_type=sa.String(length=12), server_default=None)
        batch_op.create_index(batch_op.f('ix_plan_document_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_document_key'), ['key'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_plan_document_plan_id_version'), ['plan_id', 'version'])
        batch_op.create_foreign_key('fk_plan_document_plan_same_region', 'plan', ['region_id', 'plan_id'],
                                    ['region_id', 'id'], ondelete='CASCADE')
        batch_op.create_check_constraint(batch_op.f('ck_plan_document_status'), _in('status', STATUSES))
        batch_op.create_check_constraint(batch_op.f('ck_plan_document_origin'), _in('origin', ORIGINS))
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_item_continues_item_id'), ['continues_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_item_implements_item_id'), ['implements_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_item_lineage_id'), ['lineage_id'], unique=False)
        batch_op.create_foreign_key('fk_plan_item_continues_same_region', 'plan_item',
                                    ['region_id', 'continues_item_id'], ['region_id', 'id'], ondelete='CASCADE')
        batch_op.create_foreign_key('fk_plan_item_implements_same_region', 'plan_item',
                                    ['region_id', 'implements_item_id'], ['region_id', 'id'], ondelete='CASCADE')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_lineage_id'), ['lineage_id'], unique=False)
    op.create_index('uq_realisation_entered_once', 'realisation',
                    ['indicator_id', 'year', sa.text('coalesce(quarter, 0)')], unique=True,
                    sqlite_where=sa.text('entered'), postgresql_where=sa.text('entered'))
    op.create_index('uq_budget_entered_once', 'budget',
                    ['item_id', 'kind', 'year', sa.text('coalesce(quarter, 0)')], unique=True,
                    sqlite_where=sa.text('entered'), postgresql_where=sa.text('entered'))


def _migrate_data(bind):
    """A plan per document (amendments and moved drafts join the plan of what they amend);
    versions numbered within the plan; lineage = the item or indicator itself, or what it
    continues in the version it amends; entered values moved onto their lineage."""
    meta = sa.MetaData()
    plan = sa.Table('plan', meta, autoload_with=bind)
    document = sa.Table('plan_document', meta, autoload_with=bind)
    item = sa.Table('plan_item', meta, autoload_with=bind)
    indicator = sa.Table('indicator', meta, autoload_with=bind)
    realisation = sa.Table('realisation', meta, autoload_with=bind)
    budget = sa.Table('budget', meta, autoload_with=bind)
    evidence = sa.Table('evidence_file', meta, autoload_with=bind)
    audit = sa.Table('audit_log', meta, autoload_with=bind)

    docs = {d.id: d for d in bind.execute(sa.select(document).order_by(document.c.id))}

    def root(doc):
        seen = set()
        while doc.amends_id in docs and doc.id not in seen:
            seen.add(doc.id)
            doc = docs[doc.amends_id]
        return doc

    plan_of, versions = {}, {}
    for doc in docs.values():
        first = root(doc)
        if first.id not in plan_of:
            plan_of[first.id] = bind.execute(plan.insert().values(
                region_id=first.region_id, key=first.key, doc_type=first.doc_type, title=first.title,
                period_id=first.period_id, year=first.year)).inserted_primary_key[0]
        versions.setdefault(plan_of[first.id], []).append(doc)
    for plan_id, members in versions.items():
        for number, doc in enumerate(sorted(members, key=lambda d: (d.version, d.id)), start=1):
            status = doc.status if doc.status in STATUSES else 'draft'
            origin = 'moved' if '@' in doc.key else 'imported'
            bind.execute(document.update().where(document.c.id == doc.id).values(
                plan_id=plan_id, version=number, status=status, origin=origin))

    # Lineage: itself, or (in a version that amends another) the item with the same key there.
    items = list(bind.execute(sa.select(item.c.id, item.c.document_id, item.c.key).order_by(item.c.id)))
    by_doc_key = {(i.document_id, i.key): i.id for i in items}
    lineage = {}
    for doc_id in sorted(docs):
        doc = docs[doc_id]
        for i in (x for x in items if x.document_id == doc_id):
            before = by_doc_key.get((doc.amends_id, i.key)) if doc.amends_id else None
            lineage[i.id] = lineage.get(before, i.id) if before else i.id
            bind.execute(item.update().where(item.c.id == i.id).values(
                lineage_id=lineage[i.id], continues_item_id=before))
    indicators = list(bind.execute(sa.select(indicator.c.id, indicator.c.item_id, indicator.c.position)
                                   .order_by(indicator.c.id)))
    continues = {i.id: i.continues_item_id for i in bind.execute(sa.select(item.c.id, item.c.continues_item_id))}
    by_item_pos = {(i.item_id, i.position): i.id for i in indicators}
    ind_lineage = {}
    for ind in indicators:
        before = by_item_pos.get((continues.get(ind.item_id), ind.position))
        ind_lineage[ind.id] = ind_lineage.get(before, ind.id) if before else ind.id
        bind.execute(indicator.update().where(indicator.c.id == ind.id).values(lineage_id=ind_lineage[ind.id]))

    # Entered values: flagged, and moved onto their lineage (copies a move made are dropped).
    bind.execute(realisation.update().where(realisation.c.source_table == 'entry').values(entered=True))
    bind.execute(budget.update().where(budget.c.source_table == 'entry', budget.c.quarter.is_not(None))
                 .values(entered=True))
    for table, owner, lineage_of, keys in (
        (realisation, realisation.c.indicator_id, ind_lineage, ('year', 'quarter')),
        (budget, budget.c.item_id, lineage, ('kind', 'year', 'quarter')),
    ):
        rows = list(bind.execute(sa.select(table).where(table.c.entered.is_(True)).order_by(table.c.id)))
        taken = {(getattr(r, owner.key), *(getattr(r, k) for k in keys)) for r in rows
                 if lineage_of.get(getattr(r, owner.key)) == getattr(r, owner.key)}
        for r in rows:
            own = getattr(r, owner.key)
            target = lineage_of.get(own, own)
            if target == own:
                continue
            slot = (target, *(getattr(r, k) for k in keys))
            if slot in taken:
                bind.execute(table.delete().where(table.c.id == r.id))
            else:
                taken.add(slot)
                bind.execute(table.update().where(table.c.id == r.id).values({owner.key: target}))
    for r in list(bind.execute(sa.select(evidence.c.id, evidence.c.item_id))):
        if lineage.get(r.item_id, r.item_id) != r.item_id:
            bind.execute(evidence.update().where(evidence.c.id == r.id).values(item_id=lineage[r.item_id]))

    # What people set (not an import): kept when a new version is imported.
    for table, entity, column in ((item, 'plan_item', 'unit_by_user'), (indicator, 'indicator', 'settings_by_user')):
        edited = sa.select(audit.c.entity_id).where(audit.c.entity == entity, audit.c.action == 'update',
                                                    ~audit.c.actor.like('system%'), audit.c.actor != 'cli')
        bind.execute(table.update().where(table.c.id.in_(edited)).values({column: True}))


def _downgrade():
    op.drop_index('uq_budget_entered_once', table_name='budget')
    op.drop_index('uq_realisation_entered_once', table_name='realisation')
    with op.batch_alter_table('budget', schema=None) as batch_op:
        batch_op.drop_column('entered')
    with op.batch_alter_table('realisation', schema=None) as batch_op:
        batch_op.drop_column('entered')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_lineage_id'))
        batch_op.drop_column('lineage_id')
        batch_op.drop_column('settings_by_user')
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.drop_constraint('fk_plan_item_implements_same_region', type_='foreignkey')
        batch_op.drop_constraint('fk_plan_item_continues_same_region', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_plan_item_lineage_id'))
        batch_op.drop_index(batch_op.f('ix_plan_item_implements_item_id'))
        batch_op.drop_index(batch_op.f('ix_plan_item_continues_item_id'))
        batch_op.drop_column('lineage_id')
        batch_op.drop_column('implements_item_id')
        batch_op.drop_column('continues_item_id')
        batch_op.drop_column('unit_by_user')
    with op.batch_alter_table('plan_document', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_plan_document_origin'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_plan_document_status'), type_='check')
        batch_op.drop_constraint('fk_plan_document_plan_same_region', type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_plan_document_plan_id_version'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_plan_document_key'))
        batch_op.drop_index(batch_op.f('ix_plan_document_plan_id'))
        batch_op.drop_column('origin')
        batch_op.drop_column('plan_id')
        batch_op.create_unique_constraint(batch_op.f('uq_plan_document_region_id_key'), ['region_id', 'key'])
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_region_id'))
    op.drop_table('plan')
