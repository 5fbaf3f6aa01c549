"""Who may take which workflow step in which state: one row per role x action x state.

The table is written by hand from the issue (the office submits; Bappeda verifies or returns;
the Kepala Dinas approves and locks; nobody else moves a document). A role that may not take a
step is refused with 403 whatever the state; a role that may, in a state the step does not
start from, with 409; otherwise the document lands in the step's state.
"""

from __future__ import annotations

import pytest

from core.errors import Conflict, Forbidden
from core.extensions import db
from core.models import User
from core.workflow import machine
from tests import factories

ROLES = ("provincial_admin", "region_admin", "planner", "approver", "verifier", "apip", "unit_head",
         "unit_operator", "viewer", "hosted")
ACTIONS = ("submit", "verify", "return", "approve", "lock")
STATES = ("draft", "submitted", "verified", "approved", "locked")

#: role -> the steps it may take (by hand, from the issue).
MAY = {
    "provincial_admin": {"submit"},
    "region_admin": {"submit"},
    "planner": {"submit"},
    "approver": {"approve", "lock"},
    "verifier": {"verify", "return"},
    "apip": set(),
    "unit_head": set(),
    "unit_operator": set(),
    "viewer": set(),
    "hosted": set(),  # a provincial admin in a kab/kota its province hosts
}
#: action -> (states it starts from, the state it leads to) for a Renja.
STEP = {
    "submit": ({"draft"}, "submitted"),
    "verify": ({"submitted"}, "verified"),
    "return": ({"submitted", "verified"}, "draft"),
    "approve": ({"verified"}, "approved"),
    "lock": ({"approved"}, "locked"),
}


def expected(role, action, state):
    if action not in MAY[role]:
        return 403
    sources, target = STEP[action]
    return target if state in sources else 409


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("state", STATES)
def test_role_action_state(app, role, action, state):
    kota = factories.region()
    province = kota.parent
    person = User(username=f"tt-{role}-{action}-{state}", full_name="", password_hash="-")
    db.session.add(person)
    db.session.flush()
    if role == "hosted":
        factories.membership(person, province, "provincial_admin")
        region = kota
    elif role == "provincial_admin":
        factories.membership(person, province, role)
        region = province
    else:
        factories.membership(person, kota, role, "bidang-a" if role in ("unit_head", "unit_operator") else None)
        region = kota
    document = factories.document(region, "renja", year=2025, status=state)
    db.session.refresh(person)

    want = expected(role, action, state)
    if want == 403:
        with pytest.raises(Forbidden):
            machine.transition(document, action, person, note="catatan")
    elif want == 409:
        with pytest.raises(Conflict):
            machine.transition(document, action, person, note="catatan")
    else:
        row = machine.transition(document, action, person, note="catatan")
        assert document.status == want
        assert (row.from_status, row.to_status, row.actor_name, row.note) == (state, want, person.username,
                                                                              "catatan")
    # The buttons offered follow the same table, in the state the document is in now.
    assert (action in machine.available(person, document)) == (action in MAY[role]
                                                               and document.status in STEP[action][0])
