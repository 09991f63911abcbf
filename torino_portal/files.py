"""Uploaded files are what they say: the one place that checks and names them.

A file is accepted when its *content* is one of the formats its field allows, consistent from
the first byte to the last (a PDF or GIF header followed by a web page is refused), and within
the size limit. It is then stored under an unguessable name whose extension comes from the
detected format, never from the name the uploader chose — so nothing under `/media/` can be
`.html`, `.svg`, `.xml` or `.js`, and files of unpublished items cannot be found by guessing.

    pdf = CheckedFileField(
        _("PDF"), upload_to=UploadTo("publications"), validators=[FileCheck(PDF, max_mb=80)]
    )

The admin shows the validator's errors; any other path that saves a file (imports, the demo
loader, `FieldFile.save`) goes through the same check when the file is stored.
"""

import io
import re
import secrets
import struct
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

import filetype
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from PIL import Image

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Format:
    mime: str
    extension: str
    label: str  # as people know it: "Word document", not a MIME type
    is_image: bool = False


FORMATS = {
    fmt.mime: fmt
    for fmt in (
        Format("application/pdf", "pdf", _("PDF document")),
        Format("image/jpeg", "jpg", _("JPEG image"), is_image=True),
        Format("image/png", "png", _("PNG image"), is_image=True),
        Format("image/webp", "webp", _("WebP image"), is_image=True),
        Format("audio/mpeg", "mp3", _("MP3 audio")),
        Format("audio/ogg", "ogg", _("Ogg audio")),
        Format("audio/x-wav", "wav", _("WAV audio")),
        Format("application/msword", "doc", _("Word document (old .doc)")),
        Format(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
            _("Word document"),
        ),
        Format("application/vnd.oasis.opendocument.text", "odt", _("OpenDocument text")),
        Format(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "pptx",
            _("PowerPoint presentation"),
        ),
        Format(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            _("Excel spreadsheet"),
        ),
    )
}
# The families fields choose from (MIME types, so that migrations stay readable).
PDF = {"application/pdf"}
IMAGES = {"image/jpeg", "image/png", "image/webp"}
AUDIO = {"audio/mpeg", "audio/ogg", "audio/x-wav"}
DOCUMENTS = PDF | {
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Extensions a stored name may end with; anything else becomes ".bin".
SAFE_EXTENSIONS = {fmt.extension for fmt in FORMATS.values()}
IMAGE_EXTENSIONS = {fmt.extension for fmt in FORMATS.values() if fmt.is_image} | {"jpeg", "gif"}

# Office Open XML files are ZIP archives: their kind is told by the part they hold.
_OOXML_PARTS = {
    "word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "ppt/presentation.xml": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    ),
    "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# What a browser would run if it ever took the file for a web page. Markers are long enough
# that compressed data (random bytes) does not contain them by chance.
_WEB_MARKERS = re.compile(
    rb"<script|<iframe|<object|<embed|<html|<body|<!doctype|<svg[\s/>]|<\?xml-stylesheet"
    rb"|javascript:|onerror\s*=|onload\s*=",
    re.IGNORECASE,
)


def _read_all(file):
    """Yield the file's bytes in chunks (overlapping a little, so no marker is cut in two)."""
    file.seek(0)
    tail = b""
    while chunk := file.read(CHUNK):
        yield tail + chunk
        tail = chunk[-32:]
    file.seek(0)


def _head_and_tail(file, size=8192):
    file.seek(0)
    head = file.read(size)
    file.seek(0, io.SEEK_END)
    end = file.tell()
    file.seek(max(0, end - size))
    tail = file.read(size)
    file.seek(0)
    return head, tail, end


def _zip_kind(file):
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return archive.read("mimetype").decode("ascii", "replace").strip()
            if "[Content_Types].xml" in names:
                return next((mime for part, mime in _OOXML_PARTS.items() if part in names), None)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return None
    finally:
        file.seek(0)
    return None


def sniff_mime(file):
    """The MIME type told by the file's content (ZIP-based office files by their parts)."""
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(file)
    kind = filetype.guess(head)
    return kind.mime if kind else None


# --- Each format's file must be that format from start to end ---------------------------


def _pdf_is_whole(file):
    head, tail, _size = _head_and_tail(file, 1024)
    return head.startswith(b"%PDF-") and b"%%EOF" in tail


def _image_is_whole(file, mime):
    expected = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}[mime]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            file.seek(0)
            with Image.open(file, formats=[expected]) as image:
                image.verify()
            file.seek(0)
            # verify() leaves the image unusable: open again and decode every pixel.
            with Image.open(file) as image:
                image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning):
        return False
    finally:
        file.seek(0)
    return True


def _wav_is_whole(file):
    """A RIFF/WAVE file is a chain of chunks that ends where the file ends."""
    file.seek(0, io.SEEK_END)
    end = file.tell()
    file.seek(0)
    header = file.read(12)
    if len(header) < 12 or header[:4] != b"RIFF" or header[8:12] != b"WAVE":
        return False
    seen, position = set(), 12
    while position < end:
        file.seek(position)
        chunk = file.read(8)
        if len(chunk) < 8:
            return False
        size = struct.unpack("<I", chunk[4:])[0]
        seen.add(chunk[:4])
        position += 8 + size + (size & 1)
        if position > end + (size & 1):  # a missing pad byte at the very end is tolerated
            return False
    file.seek(0)
    return {b"fmt ", b"data"} <= seen


def _ogg_is_whole(file):
    """An Ogg stream is a chain of pages ("OggS" + header + segments) to the last byte."""
    file.seek(0, io.SEEK_END)
    end = file.tell()
    position = 0
    while position < end:
        file.seek(position)
        header = file.read(27)
        if len(header) < 27 or header[:4] != b"OggS" or header[4] != 0:
            return False
        segments = file.read(header[26])
        if len(segments) != header[26]:
            return False
        position += 27 + header[26] + sum(segments)
    file.seek(0)
    return position == end


# MPEG-1 and MPEG-2 Layer III: bitrates (kbit/s) by index, sampling rates, samples/8.
_MP3 = {
    0b11: (
        (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
        (44100, 48000, 32000),
        144,
    ),
    0b10: (
        (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
        (22050, 24000, 16000),
        72,
    ),
}


def _mp3_frame_length(header):
    """Length of a Layer III frame from its 4-byte header, or None when it is not one."""
    if len(header) < 4 or header[0] != 0xFF or (header[1] & 0xE6) != 0xE2:
        return None
    version = (header[1] >> 3) & 3
    bitrate_index, rate_index = header[2] >> 4, (header[2] >> 2) & 3
    if version not in _MP3 or not 0 < bitrate_index < 15 or rate_index == 3:
        return None
    bitrates, rates, factor = _MP3[version]
    padding = (header[2] >> 1) & 1
    return factor * bitrates[bitrate_index] * 1000 // rates[rate_index] + padding


def _mp3_is_whole(file):
    """After an optional ID3 tag, MPEG audio frames follow one another (three checked)."""
    file.seek(0)
    head = file.read(10)
    position = 0
    if head[:3] == b"ID3" and len(head) == 10:
        size = 0
        for byte in head[6:10]:
            size = (size << 7) | (byte & 0x7F)
        position = 10 + size + (10 if head[5] & 0x10 else 0)
    for _frame in range(3):
        file.seek(position)
        length = _mp3_frame_length(file.read(4))
        if not length:
            return False
        position += length
    file.seek(0)
    return True


def _ole_is_whole(file):
    file.seek(0)
    return file.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


_WHOLE = {
    "application/pdf": _pdf_is_whole,
    "audio/x-wav": _wav_is_whole,
    "audio/ogg": _ogg_is_whole,
    "audio/mpeg": _mp3_is_whole,
    "application/msword": _ole_is_whole,
}


def _is_whole(file, mime):
    if FORMATS[mime].is_image:
        return _image_is_whole(file, mime)
    check = _WHOLE.get(mime)
    return check(file) if check else True  # ZIP formats: opened and read by sniff_mime


def _holds_web_code(file):
    return any(_WEB_MARKERS.search(chunk) for chunk in _read_all(file))


def _raw(file):
    """The readable object under Django's wrappers (FieldFile → UploadedFile → file)."""
    while isinstance(file, File) and getattr(file, "file", None) is not None:
        file = file.file
    return file


def _labels(mimes):
    # Old migrations may name types no longer defined: they are never checked against.
    return ", ".join(str(fmt.label) for mime, fmt in FORMATS.items() if mime in mimes)


@deconstructible
class FileCheck:
    """Validator: the file's content is one of `allowed` formats, whole, and at most `max_mb`.

    `identify(file)` returns the `Format`; it remembers the answer on the file object, so the
    admin's validation and the storing of the file read a large upload only once.
    """

    def __init__(self, allowed, max_mb):
        self.allowed = frozenset(allowed)
        self.max_mb = max_mb

    def __call__(self, file):
        if isinstance(file, FieldFile) and file._committed:
            return  # stored before, checked then: editing other fields must not re-read it
        self.identify(file)

    def identify(self, file, name=None):
        content = _raw(file)
        cached = getattr(content, "_portal_format", None)
        if cached is not None and cached.mime in self.allowed:
            return cached
        name = name if name is not None else (getattr(file, "name", "") or "")
        if "/" in name.replace("\\", "/") or name in {".", ".."} or "\x00" in name:
            raise ValidationError(
                _("The file name must not contain folders (“/”, “\\” or “..”): rename it."),
                code="file_name",
            )
        if file.size > self.max_mb * 1024 * 1024:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s."),
                code="file_too_large",
                params={
                    "size": filesizeformat(file.size),
                    "limit": filesizeformat(self.max_mb * 1024 * 1024),
                },
            )
        mime = sniff_mime(content)
        if mime not in self.allowed or mime not in FORMATS:
            raise ValidationError(
                _("This file's content is not of an accepted type (%(types)s)."),
                code="file_type",
                params={"types": _labels(self.allowed)},
            )
        fmt = FORMATS[mime]
        if not _is_whole(content, mime):
            raise ValidationError(
                _("This file is not a valid %(format)s: it is damaged or holds something else."),
                code="file_inconsistent",
                params={"format": fmt.label},
            )
        if _holds_web_code(content):
            raise ValidationError(
                _("This file contains web-page code (HTML or script) and cannot be accepted."),
                code="file_web_code",
            )
        content._portal_format = fmt
        return fmt

    def __eq__(self, other):
        return (
            isinstance(other, FileCheck)
            and self.allowed == other.allowed
            and self.max_mb == other.max_mb
        )


def stored_name(filename, fmt):
    """`<slug of the original name>.<extension of the detected format>`."""
    stem = slugify(PurePosixPath(filename.replace("\\", "/")).stem)[:60].strip("-_")
    return f"{stem or 'file'}.{fmt.extension}"


@deconstructible
class UploadTo:
    """An `upload_to`: `folder/YYYY/<random token>-<slug>.<ext>`, unguessable and safe.

    The extension is kept only when it is one of the formats' (the checked fields have
    already replaced it with the detected one); anything else is stored as `.bin`.
    """

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        path = PurePosixPath(filename.replace("\\", "/"))
        ext = path.suffix.lower().lstrip(".")
        stem = slugify(path.stem)[:60].strip("-_") or "file"
        ext = ext if ext in SAFE_EXTENSIONS else "bin"
        return f"{self.folder}/{timezone.now():%Y}/{secrets.token_urlsafe(12)}-{stem}.{ext}"

    def __eq__(self, other):
        return isinstance(other, UploadTo) and self.folder == other.folder


class _CheckedFileMixin:
    """Whatever path saves the file, it is checked and named by its content first."""

    def save(self, name, content, save=True):
        fmt = self.field.file_check.identify(content, name=name)
        super().save(stored_name(name, fmt), content, save)


class CheckedFieldFile(_CheckedFileMixin, FieldFile):
    pass


class CheckedImageFieldFile(_CheckedFileMixin, ImageFieldFile):
    pass


class _CheckedFieldMixin:
    @property
    def file_check(self):
        checks = [v for v in self.validators if isinstance(v, FileCheck)]
        if not checks:
            raise TypeError(f"{self} needs a FileCheck validator")
        return checks[0]


class CheckedFileField(_CheckedFieldMixin, models.FileField):
    """A FileField whose files are checked by content and named by `UploadTo`."""

    attr_class = CheckedFieldFile


class CheckedImageField(_CheckedFieldMixin, models.ImageField):
    """An ImageField whose images are decoded in full and named by `UploadTo`."""

    attr_class = CheckedImageFieldFile


def is_image_name(name):
    return PurePosixPath(name).suffix.lower().lstrip(".") in IMAGE_EXTENSIONS


def mime_of_name(name):
    """The type of a stored file: its extension is the checked format's (`UploadTo`), so the
    formats above say it, not the machine's /etc/mime.types; `.bin` is plain bytes."""
    extension = PurePosixPath(name).suffix.lower().lstrip(".")
    return _MIME_BY_EXTENSION.get(extension, "application/octet-stream")


_MIME_BY_EXTENSION = {fmt.extension: fmt.mime for fmt in FORMATS.values()}


def describe(file_field):
    """'PDF, 1.2 MB' for a download link; empty when the file is gone from storage."""
    try:
        size = file_field.size
    except (OSError, ValueError):
        return ""
    ext = PurePosixPath(file_field.name).suffix.lstrip(".").upper()
    if size < 1024:
        # Django's Italian catalogue says "603 bytes"; ours says "603 byte".
        return f"{ext}, " + ngettext("%(size)d byte", "%(size)d bytes", size) % {"size": size}
    return f"{ext}, {filesizeformat(size)}"
