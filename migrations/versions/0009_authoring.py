"""authoring: a row version counter on documents, items, indicators, targets, budgets and
realisation (optimistic concurrency, If-Match); a row's fields (T-C.33) on items; a PK's
signatories and the document an authored one is based on

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

VERSIONED = ('plan_document', 'plan_item', 'indicator', 'target', 'budget', 'realisation')


def _foreign_keys(on: bool, keep: bool = True) -> None:
    """On SQLite, switch foreign key enforcement off while tables are rebuilt (a batch rebuild
    drops the original table, which with foreign keys on deletes every row referring to it
    through ON DELETE CASCADE). The pragma only works outside a transaction."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    raw = bind.connection.dbapi_connection
    raw.commit() if keep else raw.rollback()
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


def upgrade():
    _foreign_keys(False)
    try:
        # Plain ADD COLUMN (no table rebuild): a SQLite rebuild would drop the partial expression
        # indexes uq_realisation_entered_once / uq_budget_entered_once.
        for table in VERSIONED:
            op.add_column(table, sa.Column('row_version', sa.Integer(), server_default=sa.text('1'), nullable=False))
        op.add_column('plan_item', sa.Column('fields', sa.JSON(), nullable=True))
        op.add_column('plan_document', sa.Column('signatories', sa.JSON(), nullable=True))
        op.add_column('plan_document', sa.Column('based_on_id', sa.Integer(), nullable=True))
        with op.batch_alter_table('plan_document', schema=None) as batch_op:
            batch_op.create_foreign_key('fk_plan_document_based_on_same_region', 'plan_document',
                                        ['region_id', 'based_on_id'], ['region_id', 'id'], ondelete='CASCADE')
    except BaseException:
        _foreign_keys(True, keep=False)
        raise
    _foreign_keys(True)


def downgrade():
    _foreign_keys(False)
    try:
        with op.batch_alter_table('plan_document', schema=None) as batch_op:
            batch_op.drop_constraint('fk_plan_document_based_on_same_region', type_='foreignkey')
            batch_op.drop_column('based_on_id')
            batch_op.drop_column('signatories')
        # Plain DROP COLUMN (SQLite >= 3.35 has it): no rebuild, the partial indexes stay.
        op.execute('ALTER TABLE plan_item DROP COLUMN fields')
        for table in reversed(VERSIONED):
            op.execute(f'ALTER TABLE {table} DROP COLUMN row_version')
    except BaseException:
        _foreign_keys(True, keep=False)
        raise
    _foreign_keys(True)
