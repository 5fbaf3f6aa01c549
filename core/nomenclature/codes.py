"""Parse and validate a nomenclature code against a version and a jurisdiction.

:func:`check_code` never raises for a bad code: it returns a :class:`CodeCheck` whose
``error`` names what is wrong and whose ``message`` is a :class:`Message` (key + parameters)
that :func:`render` turns into Indonesian or English with :data:`MESSAGES`.

Code formats (bidang 1.06 shown):

* Permendagri 13/2006: ``1.06.PP`` program, ``1.06.PP.KK`` kegiatan (two levels).
* Permendagri 90/2019 and Kepmendagri 050-5889/2021: ``1.06.PP.A.KK`` kegiatan and
  ``1.06.PP.A.KK.SS`` sub kegiatan (2 digits).
* Kepmendagri 900.1.15.5-1317/2023: sub kegiatan ``1.06.PP.A.KK.SSSS`` (4 digits).

``A`` is the authority digit: ``1`` provinsi, ``2`` kabupaten/kota. The 2023 list also holds
kegiatan with ``3`` and ``4`` whose meaning is not verified: such a code passes only when the
list holds it, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable

from .loader import INHERITED, has_list, load_items
from .model import JURISDICTIONS, VERSIONS, NomenclatureItemSpec

#: Authority digit expected for each jurisdiction.
AUTHORITY_DIGIT = {"provinsi": "1", "kabkota": "2"}

#: Level of the code by its number of segments, per scheme.
_LEVEL_BY_SEGMENTS = {
    "two_level": {1: "urusan", 2: "bidang_urusan", 3: "program", 4: "kegiatan"},
    "five_level": {1: "urusan", 2: "bidang_urusan", 3: "program", 5: "kegiatan", 6: "sub_kegiatan"},
}

MESSAGES: dict[str, dict[str, str]] = {
    "id": {
        "unknown_version": "Versi nomenklatur {version} tidak dikenal.",
        "unknown_jurisdiction": (
            "Jenis pemerintah daerah {jurisdiction} tidak dikenal (provinsi, kabkota atau all)."
        ),
        "empty": "Kode kosong.",
        "malformed": "Kode {code} hanya boleh berisi angka yang dipisahkan titik.",
        "bad_structure": "Kode {code} tidak sesuai format {version_name}: {patterns}.",
        "other_version_format": (
            "Kode {code} ditulis dalam format {other_version_name}, bukan {version_name} "
            "({patterns})."
        ),
        "sub_kegiatan_digits": (
            "Sub kegiatan pada kode {code} memakai {digits} digit; {version_name} memakai "
            "{expected} digit."
        ),
        "authority_mismatch": (
            "Kode {code} bertanda kewenangan {digit} ({digit_label}), padahal {version_name} "
            "memakai {expected} untuk {jurisdiction_label}."
        ),
        "authority_unknown": (
            "Digit kewenangan {digit} pada kode {code} tidak dikenal dalam {version_name} "
            "(1 = provinsi, 2 = kabupaten/kota)."
        ),
        "not_found": "Kode {code} tidak ada dalam {version_name} untuk {jurisdiction_label}.",
        "authority_unverified": (
            "Digit kewenangan {digit} pada kode {code} ada dalam {version_name}, tetapi artinya "
            "belum terverifikasi."
        ),
        "no_list": (
            "Tidak ada daftar {version_name} untuk {jurisdiction_label}; keberadaan kode {code} "
            "tidak dapat diperiksa."
        ),
        "outside_coverage": (
            "Daftar referensi {version_name} hanya memuat bidang urusan 1.06 (Sosial); "
            "keberadaan kode {code} tidak diperiksa."
        ),
        "inherited_list": (
            "Kode {code} diperiksa terhadap daftar Kepmendagri 050-3708/2020 yang diwarisi "
            "{version_name}."
        ),
    },
    "en": {
        "unknown_version": "Unknown nomenclature version {version}.",
        "unknown_jurisdiction": "Unknown jurisdiction {jurisdiction} (provinsi, kabkota or all).",
        "empty": "The code is empty.",
        "malformed": "Code {code} may contain only digits separated by dots.",
        "bad_structure": "Code {code} does not fit the {version_name} format: {patterns}.",
        "other_version_format": (
            "Code {code} is written in the {other_version_name} format, not {version_name} "
            "({patterns})."
        ),
        "sub_kegiatan_digits": (
            "The sub kegiatan in code {code} has {digits} digits; {version_name} uses {expected}."
        ),
        "authority_mismatch": (
            "Code {code} carries authority digit {digit} ({digit_label}), but {version_name} "
            "uses {expected} for a {jurisdiction_label}."
        ),
        "authority_unknown": (
            "Authority digit {digit} in code {code} is not known in {version_name} "
            "(1 = province, 2 = regency/city)."
        ),
        "not_found": "Code {code} is not in {version_name} for a {jurisdiction_label}.",
        "authority_unverified": (
            "Authority digit {digit} in code {code} is in {version_name}, but its meaning is "
            "not verified."
        ),
        "no_list": (
            "There is no {version_name} list for a {jurisdiction_label}; whether code {code} "
            "exists cannot be checked."
        ),
        "outside_coverage": (
            "The {version_name} reference list covers bidang urusan 1.06 (Social Affairs) only; "
            "whether code {code} exists was not checked."
        ),
        "inherited_list": (
            "Code {code} was checked against the Kepmendagri 050-3708/2020 list that "
            "{version_name} inherits."
        ),
    },
}

_JURISDICTION_LABELS = {
    "id": {
        "provinsi": "provinsi", "kabkota": "kabupaten/kota", "all": "provinsi dan kabupaten/kota",
    },
    "en": {"provinsi": "province", "kabkota": "regency/city", "all": "province or regency/city"},
}
_DIGIT_LABELS = {
    "id": {"1": "provinsi", "2": "kabupaten/kota"},
    "en": {"1": "province", "2": "regency/city"},
}


@dataclass(frozen=True)
class Message:
    """A translatable message: a key of :data:`MESSAGES` and its parameters."""

    key: str
    params: tuple[tuple[str, str], ...] = ()

    def render(self, locale: str = "id") -> str:
        """Return the message in ``locale`` (``"id"`` or ``"en"``)."""
        return render(self, locale)


def render(message: Message, locale: str = "id") -> str:
    """Fill the ``locale`` template of ``message`` with its parameters and derived labels."""
    params = dict(message.params)
    if "jurisdiction" in params:
        labels = _JURISDICTION_LABELS[locale]
        params["jurisdiction_label"] = labels.get(params["jurisdiction"], params["jurisdiction"])
    if "digit" in params:
        params["digit_label"] = _DIGIT_LABELS[locale].get(params["digit"], params["digit"])
    return MESSAGES[locale][message.key].format(**params)


@dataclass(frozen=True)
class CodeParts:
    """The segments of a parsed code; absent levels are None."""

    urusan: str
    bidang: str | None = None
    program: str | None = None
    authority: str | None = None  # five-level scheme only
    kegiatan: str | None = None
    sub_kegiatan: str | None = None


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of :func:`check_code`.

    ``ok`` is True when the code is well formed for the version and jurisdiction and is not
    known to be absent. ``exists`` is True or False when the list was consulted, None when
    it could not be (no list for the jurisdiction, or a bidang the lists do not cover).
    ``error`` is the message key of the first problem, None when ``ok``.
    """

    code: str
    version: str
    jurisdiction: str
    ok: bool
    error: str | None = None
    message: Message | None = None
    level: str | None = None
    parts: CodeParts | None = None
    exists: bool | None = None
    item: NomenclatureItemSpec | None = None
    warnings: tuple[Message, ...] = ()

    def messages(self, locale: str = "id") -> list[str]:
        """Return the error (if any) and the warnings rendered in ``locale``."""
        found = [self.message] if self.message else []
        return [m.render(locale) for m in (*found, *self.warnings)]


def scheme_of(version: str) -> str:
    """Return ``"two_level"`` (program/kegiatan) or ``"five_level"`` for ``version``."""
    return "two_level" if VERSIONS[version].sub_kegiatan_digits is None else "five_level"


def _widths(version: str) -> dict[int, tuple[int, ...]]:
    digits = VERSIONS[version].sub_kegiatan_digits
    if digits is None:
        return {1: (1,), 2: (1, 2), 3: (1, 2, 2), 4: (1, 2, 2, 2)}
    return {1: (1,), 2: (1, 2), 3: (1, 2, 2), 5: (1, 2, 2, 1, 2), 6: (1, 2, 2, 1, 2, digits)}


def patterns(version: str) -> str:
    """Return the accepted code patterns of ``version``, e.g. ``X.XX.XX.X.XX.XXXX``."""
    return ", ".join(
        ".".join("X" * w for w in widths) for n, widths in _widths(version).items() if n >= 3
    )


def _fits(segments: list[str], version: str) -> bool:
    widths = _widths(version).get(len(segments))
    return widths is not None and all(len(s) == w for s, w in zip(segments, widths))


def parse_code(code: str, version: str) -> CodeParts | None:
    """Split ``code`` into its parts under ``version``'s format, or None if it does not fit."""
    segments = code.strip().split(".")
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)*", code.strip()) or not _fits(segments, version):
        return None
    if scheme_of(version) == "two_level":
        names = ("urusan", "bidang", "program", "kegiatan")
    else:
        names = ("urusan", "bidang", "program", "authority", "kegiatan", "sub_kegiatan")
    return CodeParts(**dict(zip(names, segments)))


def _lookup(
    items: Iterable[NomenclatureItemSpec], jurisdiction: str, code: str
) -> NomenclatureItemSpec | None:
    wanted = {jurisdiction, "all"} if jurisdiction != "all" else set(JURISDICTIONS)
    for item in items:
        if item.code == code and item.jurisdiction in wanted:
            return item
    return None


def check_code(
    code: str,
    version: str,
    jurisdiction: str,
    items: Iterable[NomenclatureItemSpec] | None = None,
) -> CodeCheck:
    """Validate ``code`` for ``version`` and ``jurisdiction`` (``provinsi``, ``kabkota``, ``all``).

    ``items`` replaces the version's loaded list (e.g. one extended with
    :func:`core.nomenclature.loader.amend`). Checks, in order: known version and
    jurisdiction; digits and dots only; the version's segment layout (2- vs 4-digit sub
    kegiatan, two-level Permendagri 13 codes); the authority digit; existence in the list.
    """
    text = (code or "").strip()

    def fail(key: str, **params: str) -> CodeCheck:
        return CodeCheck(
            code=text, version=version, jurisdiction=jurisdiction, ok=False, error=key,
            message=Message(key, tuple(sorted(params.items()))),
        )

    if version not in VERSIONS:
        return fail("unknown_version", version=version)
    if jurisdiction not in JURISDICTIONS:
        return fail("unknown_jurisdiction", jurisdiction=jurisdiction)
    if not text:
        return fail("empty")
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)*", text):
        return fail("malformed", code=text)

    spec = VERSIONS[version]
    segments = text.split(".")
    names = dict(code=text, version_name=spec.name, patterns=patterns(version))
    if not _fits(segments, version):
        digits = spec.sub_kegiatan_digits
        if digits and len(segments) == 6 and _fits(segments[:5], version):
            return fail(
                "sub_kegiatan_digits", code=text, version_name=spec.name,
                digits=str(len(segments[5])), expected=str(digits),
            )
        for other in VERSIONS.values():
            if scheme_of(other.code) != scheme_of(version) and _fits(segments, other.code):
                return fail("other_version_format", other_version_name=other.name, **names)
        return fail("bad_structure", **names)

    parts = parse_code(text, version)
    level = _LEVEL_BY_SEGMENTS[scheme_of(version)][len(segments)]
    pool = tuple(items) if items is not None else load_items(version)
    warnings: list[Message] = []

    def done(exists: bool | None, item: NomenclatureItemSpec | None) -> CodeCheck:
        return CodeCheck(
            code=text, version=version, jurisdiction=jurisdiction, ok=True, level=level,
            parts=parts, exists=exists, item=item, warnings=tuple(warnings),
        )

    def failed(result: CodeCheck) -> CodeCheck:
        return replace(result, level=level, parts=parts, warnings=tuple(warnings))

    authority = parts.authority if parts else None
    if authority is not None and authority not in ("1", "2"):
        found = _lookup(pool, jurisdiction, text)
        if found is None:
            return failed(fail("authority_unknown", code=text, digit=authority,
                               version_name=spec.name))
        warnings.append(Message("authority_unverified", tuple(sorted(
            dict(code=text, digit=authority, version_name=spec.name).items()))))
        return done(True, found)
    wrong_authority = jurisdiction != "all" and authority != AUTHORITY_DIGIT[jurisdiction]
    if authority is not None and wrong_authority:
        return failed(fail(
            "authority_mismatch", code=text, digit=authority, version_name=spec.name,
            expected=AUTHORITY_DIGIT[jurisdiction], jurisdiction=jurisdiction,
        ))

    if level == "urusan" or segments[1] != "06":
        warnings.append(Message("outside_coverage", (("code", text), ("version_name", spec.name))))
        return done(None, None)
    if items is None and jurisdiction != "all" and not has_list(version, jurisdiction):
        warnings.append(Message("no_list", (
            ("code", text), ("jurisdiction", jurisdiction), ("version_name", spec.name))))
        return done(None, None)

    found = _lookup(pool, jurisdiction, text)
    if found is None:
        return failed(fail("not_found", code=text, version_name=spec.name,
                           jurisdiction=jurisdiction))
    if found.provenance.startswith(INHERITED):
        warnings.append(Message("inherited_list", (("code", text), ("version_name", spec.name))))
    return done(True, found)
