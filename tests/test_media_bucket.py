"""Uploaded files in an S3-compatible bucket (MEDIA_BUCKET): the portal's storage class against
a real S3 API on loopback (moto's server: boto3 speaks HTTP to it as to any provider), and the
addresses visitors follow from the pages, fetched over HTTP as a browser would."""

import json
import os
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from types import SimpleNamespace

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer

from tests.factories import make_page
from tests.factories_press import make_publication, pdf_bytes, png_bytes
from torino_portal import checks
from torino_portal import urls as _urls  # noqa: F401
from torino_portal.settings import BASE_DIR

# The URLconf reads MEDIA_URL once, when imported (the /media/ route exists only for a
# relative one): imported here, before `bucket` changes it, as in a server that started
# without a bucket — else the rest of this process's tests would find no /media/.

pytestmark = pytest.mark.django_db

CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "portal",
    "AWS_SECRET_ACCESS_KEY": "portal-secret",
    "AWS_DEFAULT_REGION": "eu-south-1",
}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """A new bucket readable by anyone (the policy README asks for), the portal's uploads
    going there as settings.py sends them when MEDIA_BUCKET is set."""
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    name = f"portal-media-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client("s3", endpoint_url=s3_endpoint)
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-south-1"})
    s3.put_bucket_policy(Bucket=name, Policy=json.dumps(_public_read(name)))
    settings.MEDIA_BUCKET = name
    settings.MEDIA_URL = f"{s3_endpoint}/{name}/"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "torino_portal.storage.MediaBucket",
            "OPTIONS": {"bucket_name": name, "endpoint_url": s3_endpoint},
        },
    }
    return SimpleNamespace(s3=s3, name=name, url=settings.MEDIA_URL)


def _public_read(name):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{name}/*",
            }
        ],
    }


def _fetch(url):
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status, answer.headers, answer.read()


def test_a_publications_files_are_in_the_bucket_and_its_page_links_them(bucket, client):
    pdf, cover = pdf_bytes(), png_bytes()
    publication = make_publication()
    publication.pdf.save("Il volume.pdf", ContentFile(pdf))
    publication.cover.save("copertina.png", ContentFile(cover))

    listing = bucket.s3.list_objects_v2(Bucket=bucket.name)
    stored = {item["Key"] for item in listing["Contents"]}
    assert stored == {publication.pdf.name, publication.cover.name}
    assert re.fullmatch(r"publications/\d{4}/[\w-]+-il-volume\.pdf", publication.pdf.name)

    html = client.get(publication.get_absolute_url()).content.decode()
    pdf_url = bucket.url + publication.pdf.name
    cover_url = bucket.url + publication.cover.name
    assert f'href="{pdf_url}"' in html
    assert f'src="{cover_url}"' in html

    status, headers, body = _fetch(pdf_url)
    assert (status, body) == (200, pdf)
    assert headers["Content-Type"] == "application/pdf"
    filename = publication.pdf.name.rsplit("/", 1)[-1]
    assert headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert headers["Cache-Control"] == "public, max-age=86400"

    status, headers, body = _fetch(cover_url)
    assert (status, body) == (200, cover)
    assert headers["Content-Type"] == "image/png"
    assert "Content-Disposition" not in headers  # an image opens in the browser


def test_an_editor_image_is_stored_as_what_it_is_and_kept_in_the_text(bucket, admin_client, client):
    png = png_bytes()
    # The type the browser declares is the uploader's to choose: never what the bucket says.
    upload = SimpleUploadedFile("grafico.png", png, content_type="text/html")
    url = admin_client.post("/admin/editor-upload/", {"upload": upload}).json()["url"]
    assert url.startswith(bucket.url + "editor/")

    status, headers, body = _fetch(url)
    assert (status, body, headers["Content-Type"]) == (200, png, "image/png")

    page = make_page(body_it=f'<p>Il grafico:</p><p><img src="{url}" alt="Grafico"></p>')
    html = client.get(page.get_absolute_url()).content.decode()
    assert f'src="{url}"' in html  # the sanitiser keeps the bucket's images


def test_settings_send_uploads_to_the_bucket_the_environment_names():
    """settings.py itself, in a process of its own: the storage, its addresses, and the
    Content-Security-Policy that lets pages show the bucket's images and play its audio."""
    script = (
        "import django; django.setup()\n"
        "from django.conf import settings\n"
        "from django.core.files.storage import storages\n"
        "s = storages['default']\n"
        "p = settings.CONTENT_SECURITY_POLICY['DIRECTIVES']\n"
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.url('a/b c.pdf'))\n"
        "print(' '.join(p['img-src']), '|', ' '.join(p['media-src']))\n"
    )
    environment = {
        **os.environ,
        **CREDENTIALS,
        "DJANGO_SETTINGS_MODULE": "torino_portal.settings",
        "MEDIA_BUCKET": "torino-media",
        "MEDIA_URL": "https://media.torinointernazionale.org/",
        "MEDIA_ENDPOINT_URL": "https://s3.example.net",
    }
    environment.pop("DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out == [
        "MediaBucket torino-media https://s3.example.net "
        "https://media.torinointernazionale.org/a/b%20c.pdf",
        "'self' https://media.torinointernazionale.org | 'self' https://media.torinointernazionale.org",
    ]


def test_a_bucket_without_a_public_address_stops_the_start(settings):
    settings.MEDIA_BUCKET = "torino-media"
    settings.MEDIA_URL = "/media/"
    assert [error.id for error in checks.bucket_has_a_public_address(None)] == [checks.E002]
    settings.MEDIA_URL = "https://media.torinointernazionale.org/"
    assert checks.bucket_has_a_public_address(None) == []
