"""Feature plugin for a demo install: the demo accounts, the demo assignments and
``flask demo-users``. Enabled only in demo mode (``PELITA_DEMO=1``, which
``scripts/start.sh`` sets); a production install never has these accounts.
"""

from __future__ import annotations

from core.hookspecs import hookimpl
from core.specs import DemoAccount, DemoAssignment

#: Every demo account's password is its username followed by this.
DEMO_PASSWORD_SUFFIX = "-demo-2026"


def _account(username: str, full_name: str, *memberships, superadmin: bool = False) -> DemoAccount:
    return DemoAccount(username=username, full_name=full_name, password=username + DEMO_PASSWORD_SUFFIX,
                       superadmin=superadmin, memberships=tuple(memberships))


#: The demo accounts ``demo-users`` creates.
DEMO_ACCOUNTS = (
    _account("admin", "Administrator Pelita", superadmin=True),
    _account("lampung", "Admin Dinas Sosial Provinsi Lampung", ("18", "provincial_admin", None)),
    _account("metro", "Perencana Dinas Sosial Kota Metro", ("18.72", "planner", None)),
    _account("lambar", "Perencana Dinas Sosial Lampung Barat", ("18.04", "planner", None)),
    _account("bengkulu", "Perencana Dinas Sosial Provinsi Bengkulu", ("17", "planner", None)),
    _account("auditor", "Auditor (read-only, Kota Metro)", ("18.72", "viewer", None)),
    _account("rehsos", "Operator Bidang Rehabilitasi dan Pemberdayaan Sosial, Kota Metro",
             ("18.72", "unit_operator", "bidang-rehabilitasi-pemberdayaan")),
    _account("kabid", "Kepala Bidang Rehabilitasi dan Pemberdayaan Sosial, Kota Metro",
             ("18.72", "unit_head", "bidang-rehabilitasi-pemberdayaan")),
    _account("bappeda", "Verifikator Bappeda Kota Metro", ("18.72", "verifier", None)),
    _account("kadis", "Kepala Dinas Sosial Kota Metro", ("18.72", "approver", None)),
    _account("apip", "Inspektorat Kota Metro (APIP)", ("18.72", "apip", None)),
)

#: The Kota Metro Renstra prints "Dinas Sosial" as the unit of every row, so the demo makes
#: its Bidang Rehabilitasi answerable for Program 1.06.04 (what a planner would do).
DEMO_ASSIGNMENTS = (
    DemoAssignment("18.72", "renstra-2021-2026", "1.06.04", "bidang-rehabilitasi-pemberdayaan"),
)


@hookimpl
def pelita_demo_accounts():
    """The demo accounts, one per role and region of the demo data."""
    return DEMO_ACCOUNTS


@hookimpl
def pelita_demo_assignments():
    """A responsible unit for one program of Kota Metro's Renstra."""
    return DEMO_ASSIGNMENTS


@hookimpl
def pelita_cli_commands():
    """``flask demo-users``."""
    from .commands import demo_users

    return (demo_users,)


def published_credentials() -> tuple[tuple[str, str], ...]:
    """Every (username, password) pair this plugin publishes (README, ``scripts/start.sh``).

    Importable without enabling the plugin: a server started without demo mode uses it to
    refuse to run while an account still has its published password.
    """
    return tuple((account.username, account.password) for account in DEMO_ACCOUNTS)
