"""The password policy: long enough, not the username, not guessable.

Guessability is judged by zxcvbn (Dropbox's estimator, Python port): it knows the common
password lists, keyboard patterns, dates, repeats and dictionary words, and counts the
username and full name as known words. A password needs 12 characters and a score of at
least 3 ("safely unguessable: moderate protection from offline attacks").
"""

from __future__ import annotations

from flask_babel import gettext as _
from zxcvbn import zxcvbn

from core.errors import Invalid

MIN_LENGTH = 12
MAX_LENGTH = 200
MIN_SCORE = 3


def problems(password: str, username: str = "", full_name: str = "") -> list[str]:
    """What is wrong with ``password`` for this user, each in the active language (empty: fine)."""
    found = []
    if len(password) < MIN_LENGTH:
        found.append(_("The password must be at least %(count)s characters long.", count=MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        found.append(_("The password may be at most %(count)s characters long.", count=MAX_LENGTH))
        return found
    lowered = password.lower()
    names = [n.lower() for n in (username, *full_name.split()) if len(n) >= 3]
    whole_names = [n.lower() for n in (username, full_name.replace(" ", "")) if len(n) >= 3]
    if any(name in lowered for name in whole_names):
        found.append(_("The password must not contain your username or name."))
    elif password and zxcvbn(password, user_inputs=names)["score"] < MIN_SCORE:
        found.append(_("This password is too easy to guess (a common password, a word or a pattern). "
                       "Use a longer phrase of several unrelated words."))
    return found


def require_acceptable(password: str, username: str = "", full_name: str = "") -> None:
    """Raise :class:`~core.errors.Invalid` listing the problems of ``password``, if any."""
    found = problems(password, username, full_name)
    if found:
        raise Invalid(messages=found)
