"""regions customise their forms and settings: fields added by admins (kept when deleted), changes
to inherited fields, versioned region settings

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'form_field',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('region_id', sa.Integer(), nullable=False),
        sa.Column('form', sa.String(length=32), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('type', sa.String(length=20), nullable=False),
        sa.Column('label_id', sa.String(length=200), nullable=False),
        sa.Column('label_en', sa.String(length=200), nullable=False),
        sa.Column('help_id', sa.Text(), nullable=False),
        sa.Column('help_en', sa.Text(), nullable=False),
        sa.Column('required', sa.Boolean(), server_default=sa.text('false'), nullable=False),
        sa.Column('choices', sa.JSON(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_form_field_region_id_region')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_form_field')),
        sa.UniqueConstraint('region_id', 'form', 'key', name='uq_form_field_region_form_key'),
    )
    op.create_index('ix_form_field_region_id', 'form_field', ['region_id'])
    op.create_table(
        'form_field_override',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('region_id', sa.Integer(), nullable=False),
        sa.Column('form', sa.String(length=32), nullable=False),
        sa.Column('key', sa.String(length=64), nullable=False),
        sa.Column('hidden', sa.Boolean(), server_default=sa.text('false'), nullable=False),
        sa.Column('required', sa.Boolean(), nullable=True),
        sa.Column('label_id', sa.String(length=200), nullable=True),
        sa.Column('label_en', sa.String(length=200), nullable=True),
        sa.Column('position', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_form_field_override_region_id_region')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_form_field_override')),
        sa.UniqueConstraint('region_id', 'form', 'key', name='uq_form_field_override_region_form_key'),
    )
    op.create_index('ix_form_field_override_region_id', 'form_field_override', ['region_id'])
    op.create_table(
        'region_settings_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('region_id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('valid_from', sa.DateTime(timezone=True), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.Column('created_by', sa.String(length=80), nullable=True),
        sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_region_settings_version_region_id_region')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_region_settings_version')),
        sa.UniqueConstraint('region_id', 'version', name='uq_region_settings_version'),
    )
    op.create_index('ix_region_settings_version_region_id', 'region_settings_version', ['region_id'])
    op.create_index('ix_region_settings_version_valid_from', 'region_settings_version', ['valid_from'])


def downgrade():
    op.drop_index('ix_region_settings_version_valid_from', table_name='region_settings_version')
    op.drop_index('ix_region_settings_version_region_id', table_name='region_settings_version')
    op.drop_table('region_settings_version')
    op.drop_index('ix_form_field_override_region_id', table_name='form_field_override')
    op.drop_table('form_field_override')
    op.drop_index('ix_form_field_region_id', table_name='form_field')
    op.drop_table('form_field')
