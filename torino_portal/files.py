"""Checks for uploaded files: the type by content (not by the name), and a size limit.

Each content type declares what it accepts, e.g.
`FileField(upload_to=UploadTo("press"), validators=[FileCheck(PDF, max_mb=50)])`;
the admin then shows a clear error.
"""

import os

import filetype
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext_lazy as _

# MIME types by family, as `filetype` recognises them from the first bytes.
PDF = {"application/pdf"}
IMAGES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
AUDIO = {"audio/x-wav", "audio/mpeg", "audio/ogg", "audio/mp4", "audio/x-flac"}
DOCUMENTS = PDF | {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "application/msword",
}


def sniff_mime(file):
    """The MIME type read from the file's first bytes, or None."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(8192)
    file.seek(position)
    kind = filetype.guess(head)
    return kind.mime if kind else None


@deconstructible
class FileCheck:
    """Validator: the file's content is one of `allowed` MIME types and at most `max_mb`."""

    def __init__(self, allowed, max_mb):
        self.allowed = frozenset(allowed)
        self.max_mb = max_mb

    def __call__(self, file):
        if file.size > self.max_mb * 1024 * 1024:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s."),
                code="file_too_large",
                params={
                    "size": filesizeformat(file.size),
                    "limit": filesizeformat(self.max_mb * 1024 * 1024),
                },
            )
        mime = sniff_mime(file)
        if mime not in self.allowed:
            raise ValidationError(
                _("This file's content is not of an accepted type (%(types)s)."),
                code="file_type",
                params={"types": ", ".join(sorted(t.split("/")[-1] for t in self.allowed))},
            )

    def __eq__(self, other):
        return (
            isinstance(other, FileCheck)
            and self.allowed == other.allowed
            and self.max_mb == other.max_mb
        )


@deconstructible
class UploadTo:
    """An `upload_to` that stores a slugified name under `folder/YYYY/`."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        stem, ext = os.path.splitext(os.path.basename(filename))
        name = get_valid_filename(f"{slugify(stem)[:80] or 'file'}{ext.lower()[:10]}")
        return f"{self.folder}/{timezone.now():%Y}/{name}"

    def __eq__(self, other):
        return isinstance(other, UploadTo) and self.folder == other.folder


def describe(file_field):
    """'PDF, 1.2 MB' for a download link; empty when the file is gone from storage."""
    try:
        size = file_field.size
    except (OSError, ValueError):
        return ""
    ext = os.path.splitext(file_field.name)[1].lstrip(".").upper()
    return f"{ext}, {filesizeformat(size)}"
