"""the document workflow: transitions (with a Renstra's regulation), item reviews, replies,
penetapan values beside the office's usulan. New tables only: no existing row is touched.

Revision ID: 0013
Revises: 0012
"""
from alembic import op
import sqlalchemy as sa

import core.models.types


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('document_transition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=12), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=False),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=120), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('regulation_number', sa.String(length=200), nullable=True),
    sa.Column('regulation_date', sa.Date(), nullable=True),
    sa.CheckConstraint("action IN ('submit', 'verify', 'return', 'approve', 'lock')", name=op.f('ck_document_transition_action')),
    sa.ForeignKeyConstraint(['actor_id'], ['user.id'], name=op.f('fk_document_transition_actor_id_user')),
    sa.ForeignKeyConstraint(['region_id', 'document_id'], ['plan_document.region_id', 'plan_document.id'], name='fk_document_transition_document_same_region', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_document_transition_region_id_region')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_transition')),
    sa.UniqueConstraint('region_id', 'id', name=op.f('uq_document_transition_region_id_id'))
    )
    with op.batch_alter_table('document_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_transition_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_transition_region_id'), ['region_id'], unique=False)

    op.create_table('item_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('group', sa.String(length=40), nullable=False),
    sa.Column('verdict', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('reviewer_id', sa.Integer(), nullable=True),
    sa.Column('reviewer_name', sa.String(length=120), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.CheckConstraint("verdict IN ('sesuai', 'perlu_perbaikan', 'tidak_ditemukan')", name=op.f('ck_item_review_verdict')),
    sa.ForeignKeyConstraint(['region_id', 'document_id'], ['plan_document.region_id', 'plan_document.id'], name='fk_item_review_document_same_region', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['region_id', 'item_id'], ['plan_item.region_id', 'plan_item.id'], name='fk_item_review_item_same_region', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_item_review_region_id_region')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['user.id'], name=op.f('fk_item_review_reviewer_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_review')),
    sa.UniqueConstraint('region_id', 'id', name=op.f('uq_item_review_region_id_id'))
    )
    with op.batch_alter_table('item_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_review_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_review_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_review_region_id'), ['region_id'], unique=False)

    op.create_table('value_setting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('usulan_printed', sa.Text(), nullable=True),
    sa.Column('usulan_value', core.models.types.ExactDecimal(precision=28, scale=6), nullable=True),
    sa.Column('penetapan_printed', sa.Text(), nullable=False),
    sa.Column('penetapan_value', core.models.types.ExactDecimal(precision=28, scale=6), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('set_by_id', sa.Integer(), nullable=True),
    sa.Column('set_by_name', sa.String(length=120), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("kind IN ('target', 'pagu')", name=op.f('ck_value_setting_kind')),
    sa.ForeignKeyConstraint(['region_id', 'document_id'], ['plan_document.region_id', 'plan_document.id'], name='fk_value_setting_document_same_region', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['region_id', 'item_id'], ['plan_item.region_id', 'plan_item.id'], name='fk_value_setting_item_same_region', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_value_setting_region_id_region')),
    sa.ForeignKeyConstraint(['set_by_id'], ['user.id'], name=op.f('fk_value_setting_set_by_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_value_setting')),
    sa.UniqueConstraint('document_id', 'kind', 'row_id', name=op.f('uq_value_setting_document_id_kind_row_id')),
    sa.UniqueConstraint('region_id', 'id', name=op.f('uq_value_setting_region_id_id'))
    )
    with op.batch_alter_table('value_setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_value_setting_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_value_setting_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_value_setting_region_id'), ['region_id'], unique=False)

    op.create_table('review_reply',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('author_name', sa.String(length=120), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_review_reply_author_id_user')),
    sa.ForeignKeyConstraint(['region_id', 'review_id'], ['item_review.region_id', 'item_review.id'], name='fk_review_reply_review_same_region', ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_review_reply_region_id_region')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_reply')),
    sa.UniqueConstraint('region_id', 'id', name=op.f('uq_review_reply_region_id_id'))
    )
    with op.batch_alter_table('review_reply', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_reply_region_id'), ['region_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_reply_review_id'), ['review_id'], unique=False)



def downgrade():
    with op.batch_alter_table('review_reply', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_reply_review_id'))
        batch_op.drop_index(batch_op.f('ix_review_reply_region_id'))

    op.drop_table('review_reply')
    with op.batch_alter_table('value_setting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_value_setting_region_id'))
        batch_op.drop_index(batch_op.f('ix_value_setting_item_id'))
        batch_op.drop_index(batch_op.f('ix_value_setting_document_id'))

    op.drop_table('value_setting')
    with op.batch_alter_table('item_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_review_region_id'))
        batch_op.drop_index(batch_op.f('ix_item_review_item_id'))
        batch_op.drop_index(batch_op.f('ix_item_review_document_id'))

    op.drop_table('item_review')
    with op.batch_alter_table('document_transition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_transition_region_id'))
        batch_op.drop_index(batch_op.f('ix_document_transition_document_id'))

    op.drop_table('document_transition')
