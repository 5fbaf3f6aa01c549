"""realisation entry: narratives, quarterly spending, responsible units, capaian rule per indicator, evidence files

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('responsible_unit_code', sa.String(length=80), nullable=True))
    with op.batch_alter_table('realisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('supporting_factors', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('hindering_factors', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('entered_by', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_realisation_entered_by_user'), 'user', ['entered_by'], ['id'])
    with op.batch_alter_table('budget', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quarter', sa.Integer(), nullable=True))
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('capaian_rule', sa.String(length=30), nullable=True))
    op.create_table(
        'evidence_file',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('region_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('quarter', sa.Integer(), nullable=False),
        sa.Column('filename', sa.String(length=200), nullable=False),
        sa.Column('content_type', sa.String(length=100), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('uploaded_by', sa.Integer(), nullable=False),
        sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['region_id', 'item_id'], ['plan_item.region_id', 'plan_item.id'],
                                name='fk_evidence_file_item_same_region', ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_evidence_file_region_id_region')),
        sa.ForeignKeyConstraint(['uploaded_by'], ['user.id'], name=op.f('fk_evidence_file_uploaded_by_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_file')),
        sa.UniqueConstraint('region_id', 'id', name=op.f('uq_evidence_file_region_id_id')),
    )
    with op.batch_alter_table('evidence_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_file_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_file_region_id'), ['region_id'], unique=False)


def downgrade():
    with op.batch_alter_table('evidence_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_file_region_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_file_item_id'))
    op.drop_table('evidence_file')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_column('capaian_rule')
    with op.batch_alter_table('budget', schema=None) as batch_op:
        batch_op.drop_column('quarter')
    with op.batch_alter_table('realisation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_realisation_entered_by_user'), type_='foreignkey')
        batch_op.drop_column('entered_by')
        batch_op.drop_column('hindering_factors')
        batch_op.drop_column('supporting_factors')
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.drop_column('responsible_unit_code')
