"""accounts: a password change can be required and is dated; API tokens are named, expire, record
their last use and when they were revoked

Existing tokens are named "token <id>" and expire 90 days after the upgrade.

Revision ID: 0008
Revises: 0007
"""
from datetime import datetime, timedelta, timezone

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _foreign_keys(on: bool, keep: bool = True) -> None:
    """On SQLite, switch foreign key enforcement (off while a table is rebuilt: with it on, dropping
    the original user table would delete every membership and token through ON DELETE CASCADE)."""
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


def _upgrade():
    # A plain string default: SQLite adds the column in place (an expression default would make
    # Alembic rebuild the user table, which with foreign keys on deletes every membership and token).
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                      server_default='0'))
        batch_op.add_column(sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True))
    token = sa.table('api_token', sa.column('id', sa.Integer), sa.column('name', sa.String),
                     sa.column('expires_at', sa.DateTime(timezone=True)), sa.column('revoked', sa.Boolean),
                     sa.column('revoked_at', sa.DateTime(timezone=True)))
    now = datetime.now(timezone.utc)
    bind = op.get_bind()
    bind.execute(token.update().values(name=sa.literal('token ') + sa.cast(token.c.id, sa.String),
                                       expires_at=now + timedelta(days=90)))
    bind.execute(token.update().where(token.c.revoked.is_(True)).values(revoked_at=now))
    # api_token is referred to by no table: rebuilding it on SQLite deletes nothing else.
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.alter_column('expires_at', existing_type=sa.DateTime(timezone=True), nullable=False)


def downgrade():
    _foreign_keys(False)
    try:
        _downgrade()
    except BaseException:
        _foreign_keys(True, keep=False)
        raise
    _foreign_keys(True)


def _downgrade():
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_column('revoked_at')
        batch_op.drop_column('last_used_at')
        batch_op.drop_column('expires_at')
        batch_op.drop_column('name')
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('password_changed_at')
        batch_op.drop_column('must_change_password')
