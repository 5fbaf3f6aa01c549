"""plan items remember how a move to another code list placed them

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mapping', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('plan_item', schema=None) as batch_op:
        batch_op.drop_column('mapping')
