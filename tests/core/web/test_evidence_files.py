"""The whole evidence file is checked; hostile, broken and disguised files are refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from flask_babel import force_locale

from core.errors import Invalid
from core.services import evidence_files
from tests import evidence_samples


@pytest.fixture()
def ctx(make_app):
    app = make_app(regions=[])
    with app.test_request_context():
        yield


@pytest.mark.parametrize("name,data", [
    ("bukti.pdf", evidence_samples.pdf()),
    ("foto.png", evidence_samples.png()),
    ("foto.jpg", evidence_samples.jpeg()),
    ("foto.jpeg", evidence_samples.jpeg()),
    ("rekap.xlsx", evidence_samples.xlsx()),
    ("laporan.docx", evidence_samples.docx()),
])
def test_real_files_of_each_type_are_accepted(ctx, name, data):
    assert evidence_files.inspect(name, data) == evidence_files.TYPES["." + name.rsplit(".", 1)[1]]


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/padding.bin", b"\0" * (60 * 1024 * 1024))
    return buffer.getvalue()


HOSTILE = {
    "a PDF/HTML polyglot": ("bukti.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>\n"
                            + evidence_samples.pdf()[9:]),
    "a truncated PDF": ("bukti.pdf", evidence_samples.pdf()[:200]),
    "a PDF with only the magic bytes": ("bukti.pdf", b"%PDF-1.7 test"),
    "text named .pdf": ("bukti.pdf", b"just text"),
    "a truncated PNG": ("foto.png", evidence_samples.png((64, 64))[:60]),
    "a JPEG named .png": ("foto.png", evidence_samples.jpeg()),
    "a PNG named .jpg": ("foto.jpg", evidence_samples.png()),
    "HTML named .png": ("foto.png", b"\x89PNG\r\n\x1a\n<html><body>x</body></html>"),
    "a docx with macros (a .docm renamed)": ("laporan.docx", evidence_samples.docx(
        {"word/vbaProject.bin": b"macro"})),
    "a zip that is no Office file": ("rekap.xlsx", evidence_samples.docx()),
    "a zip bomb": ("laporan.docx", _zip_bomb()),
    "a cut zip": ("rekap.xlsx", evidence_samples.xlsx()[:300]),
    "an executable": ("setup.exe", b"MZ\x90\x00"),
    "an empty file": ("bukti.pdf", b""),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_and_broken_files_are_refused_in_both_languages(ctx, case):
    name, data = HOSTILE[case]
    with force_locale("en"), pytest.raises(Invalid) as english:
        evidence_files.inspect(name, data)
    with force_locale("id"), pytest.raises(Invalid) as indonesian:
        evidence_files.inspect(name, data)
    assert english.value.messages[0] != indonesian.value.messages[0]


def test_a_file_over_the_limit_is_refused(ctx):
    with pytest.raises(Invalid):
        evidence_files.inspect("bukti.pdf", evidence_samples.pdf() + b"\0" * evidence_files.MAX_BYTES)


def test_a_stored_file_is_whole_or_replaced(tmp_path):
    data = evidence_samples.pdf()
    digest = evidence_files.store(tmp_path, data)
    target = tmp_path / digest
    assert target.read_bytes() == data and evidence_files.is_whole(target, len(data), digest)
    target.write_bytes(data[:100])  # cut by a crash before this code existed
    assert not evidence_files.is_whole(target, len(data), digest)
    assert evidence_files.store(tmp_path, data) == digest
    assert target.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == [digest]  # no temporary file left behind
