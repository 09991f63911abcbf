"""Uploaded files in an S3-compatible bucket (README, "Production"), when MEDIA_BUCKET is set.

A bucket answers with the headers stored on each object, so each object is written with what
the portal's own /media/ sends (media.py): the type its content was checked to be, and a
download rather than a page unless it is an image. MEDIA_URL is the bucket's public address
(or the CDN's in front of it): plain, unsigned addresses, since pages that link them are kept
in the page cache far longer than a signature lasts.
"""

from urllib.parse import urlsplit

from django.conf import settings
from storages.backends.s3 import S3Storage

from .files import mime_of_name
from .media import download_disposition

# Names are never reused (a random token each, no overwrite): a day is safe to keep.
CACHE_CONTROL = "public, max-age=86400"


class MediaBucket(S3Storage):
    def __init__(self, **options):
        public = urlsplit(settings.MEDIA_URL)
        super().__init__(
            **{
                "custom_domain": public.netloc + public.path.rstrip("/"),
                "url_protocol": f"{public.scheme}:",
                "querystring_auth": False,
                "file_overwrite": False,
                **options,
            }
        )

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        # What the content was checked to be; the type the uploader's browser declared
        # (which django-storages would prefer) is never trusted.
        parameters["ContentType"] = mime_of_name(name)
        parameters.setdefault("CacheControl", CACHE_CONTROL)
        if disposition := download_disposition(name):
            parameters["ContentDisposition"] = disposition
        return parameters
