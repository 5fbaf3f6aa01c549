"""Property tests for every parser of user input: form numbers in both locales, nomenclature
codes, uploaded files. Whatever arrives, each answers with a result or its own refusal,
never with another exception."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import Invalid
from core.nomenclature.codes import check_code
from core.numbers import parse_printed
from core.services import evidence_files

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=st.text(max_size=40), style=st.sampled_from(["id", "en"]))
def test_a_form_number_in_either_locale_is_read_or_marked_never_raises(text, style):
    result = parse_printed(text, style)
    assert result.status in {"number", "empty", "text"}
    assert (result.value is not None) == (result.status == "number")
    if result.value is not None:
        assert isinstance(result.value, Decimal) and result.value.is_finite()


@SETTINGS
@given(value=st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_a_number_shown_in_the_users_locale_reads_back_the_same(value):
    # Printed and entered amounts are not negative; a minus sign reads as text (refused in forms).
    value = abs(value)
    english = f"{value:,.2f}"
    indonesian = english.replace(",", "X").replace(".", ",").replace("X", ".")
    assert parse_printed(english, "en").value == value
    assert parse_printed(indonesian, "id").value == value


@SETTINGS
@given(code=st.text(alphabet=st.characters(codec="utf-8"), max_size=30),
       version=st.sampled_from(["pmdn13-2006", "kmdn050-5889-2021", "kmdn900-1317-2023", "no-such-list"]),
       jurisdiction=st.sampled_from(["kabkota", "provinsi", "all", "nowhere"]))
def test_any_code_gets_a_verdict(code, version, jurisdiction):
    verdict = check_code(code, version, jurisdiction)
    assert verdict.ok in (True, False)
    assert verdict.ok or verdict.message is not None


@pytest.fixture(scope="module")
def request_ctx(make_app):
    app = make_app(regions=[])
    with app.test_request_context():
        yield


@SETTINGS
@given(data=st.binary(max_size=4096),
       name=st.sampled_from(["a.pdf", "a.png", "a.jpg", "a.jpeg", "a.xlsx", "a.docx", "a.exe", "a"]))
def test_any_uploaded_bytes_are_accepted_or_refused_cleanly(request_ctx, data, name):
    try:
        evidence_files.inspect(name, data)
    except Invalid as refusal:
        assert refusal.messages and all(refusal.messages)


@SETTINGS
@given(prefix=st.sampled_from([b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"PK\x03\x04"]),
       rest=st.binary(max_size=2048),
       name=st.sampled_from(["a.pdf", "a.png", "a.jpg", "a.xlsx", "a.docx"]))
def test_bytes_with_the_right_magic_but_no_real_content_are_refused(request_ctx, prefix, rest, name):
    with pytest.raises(Invalid):
        evidence_files.inspect(name, prefix + rest)
