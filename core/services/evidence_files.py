"""Evidence files: the whole file checked for what it claims to be, stored atomically.

An upload is accepted only when the entire content is a well-formed file of the type its
name says: a PDF that parses and ends, an image that decodes completely, an Office file
whose zip is intact and holds its main part (no macros, no zip bomb). Nothing a browser
could sniff as HTML is accepted. Files are written to a temporary name and renamed only
after the written bytes match their SHA-256, so a cut upload never becomes a stored file.
"""

from __future__ import annotations

import hashlib
import io
import os
import uuid
import warnings
import zipfile
from pathlib import Path

from flask_babel import gettext as _

from core.errors import Invalid

#: Extension -> (media type, what the content must be).
TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
MAX_BYTES = 5 * 1024 * 1024
#: Office files: the largest total the zip may unpack to, and the part each must hold.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ZIP_MEMBERS = 2000
OFFICE_MAIN_PART = {".xlsx": "xl/workbook.xml", ".docx": "word/document.xml"}
MAX_IMAGE_PIXELS = 40_000_000
#: What content sniffers take for HTML when they see it near the start of a file.
HTML_MARKERS = (b"<html", b"<script", b"<!doctype", b"<body", b"<head", b"<iframe", b"<svg")


def media_type(name: str) -> str:
    """The media type of an accepted file name, or an :class:`Invalid` naming the accepted types."""
    suffix = Path(name).suffix.lower()
    if suffix not in TYPES:
        raise Invalid(messages=[_("Evidence must be a PDF, JPG, PNG, XLSX or DOCX file.")])
    return TYPES[suffix]


def inspect(name: str, data: bytes) -> str:
    """Check the whole of ``data`` against the type ``name`` claims; return its media type."""
    kind = media_type(name)
    suffix = Path(name).suffix.lower()
    if len(data) > MAX_BYTES:
        raise Invalid(messages=[_("The file is larger than %(size)s MB.", size=MAX_BYTES // (1024 * 1024))])
    wrong = Invalid(messages=[_("The file's content is not a %(type)s file.", type=suffix.lstrip(".").upper())])
    if not data or any(marker in data[:1024].lower() for marker in HTML_MARKERS):
        raise wrong
    checker = {".pdf": _check_pdf, ".png": _check_image, ".jpg": _check_image, ".jpeg": _check_image,
               ".xlsx": _check_office, ".docx": _check_office}[suffix]
    try:
        ok = checker(data, suffix)
    except Exception:  # noqa: BLE001 - any parser failure means the file is not what it claims
        ok = False
    if not ok:
        raise wrong
    return kind


def _check_pdf(data: bytes, _suffix: str) -> bool:
    from pypdf import PdfReader

    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        return False  # not a PDF, or cut short
    reader = PdfReader(io.BytesIO(data), strict=False)
    return len(reader.pages) >= 1


def _check_image(data: bytes, suffix: str) -> bool:
    from PIL import Image

    expected = "PNG" if suffix == ".png" else "JPEG"
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        with Image.open(io.BytesIO(data)) as image:
            if image.format != expected or image.width * image.height > MAX_IMAGE_PIXELS:
                return False
            image.load()  # decodes every pixel: a truncated file fails here
    return True


def _check_office(data: bytes, suffix: str) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
            return False  # a zip bomb
        names = {m.filename for m in members}
        if "[Content_Types].xml" not in names or OFFICE_MAIN_PART[suffix] not in names:
            return False
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            return False  # macros: an XLSM or DOCM renamed
        return archive.testzip() is None  # every member's CRC


def store(directory: Path, data: bytes) -> str:
    """Keep ``data`` under its SHA-256 in ``directory``; return the digest.

    Written to a temporary name, checked, then renamed: a file under its final name is always
    whole. A stored file that does not match its name (cut by an earlier crash) is replaced.
    """
    digest = hashlib.sha256(data).hexdigest()
    target = directory / digest
    if target.exists() and _digest_of(target) == digest:
        return digest
    temporary = directory / f".upload-{uuid.uuid4().hex}"
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if _digest_of(temporary) != digest:
            raise Invalid(messages=[_("The file could not be stored whole. Please upload it again.")])
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return digest


def is_whole(path: Path, size: int, digest: str) -> bool:
    """Whether the stored file is the one uploaded (cheap size check, then the checksum)."""
    return path.exists() and path.stat().st_size == size and _digest_of(path) == digest


def _digest_of(path: Path) -> str:
    hasher = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            hasher.update(block)
    return hasher.hexdigest()
