"""evidence files can be removed (kept for the audit trail): who and when

Revision ID: 0012
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    # No table references evidence_file, so SQLite's table rebuild deletes nothing by cascade.
    with op.batch_alter_table('evidence_file', schema=None) as batch_op:
        batch_op.add_column(sa.Column('removed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('removed_by', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_evidence_file_removed_by_user', 'user', ['removed_by'], ['id'])


def downgrade():
    with op.batch_alter_table('evidence_file', schema=None) as batch_op:
        batch_op.drop_constraint('fk_evidence_file_removed_by_user', type_='foreignkey')
        batch_op.drop_column('removed_by')
        batch_op.drop_column('removed_at')
