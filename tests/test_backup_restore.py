"""Backup and restore as the README says to do it: `pg_dump` of the database and a copy of
the media, restored into an empty database, give back the same site."""

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/it/",
    "/en/",
    "/it/piano-strategico-2/elaborazione-del-piano/processo/",
    "/en/strategic-plan-2/plan-development/process/",
    "/it/commissioni/",
    "/it/agenda/",
    "/it/rassegna-stampa/",
    "/it/editoria/",
    "/it/tamtam/",
    "/it/help/",
]
_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def render(paths, settings):
    """Each page's HTML (without the per-visit CSRF token) and the bytes of every upload
    the pages link to."""
    client = Client()
    pages = {path: _TOKEN.sub("", client.get(path).content.decode()) for path in paths}
    uploads = sorted({m for html in pages.values() for m in re.findall(r'"(/media/[^"]+)"', html)})
    files = {url: (Path(settings.MEDIA_ROOT) / unquote(url[7:])).read_bytes() for url in uploads}
    return pages, files


def postgres(*command, **kwargs):
    settings = connection.settings_dict
    options = ["-h", settings["HOST"] or "127.0.0.1", "-U", settings["USER"] or "postgres"]
    return subprocess.run([command[0], *options, *command[1:]], check=True, **kwargs)


def test_a_dump_and_the_media_restore_the_same_site(settings, tmp_path):
    call_command("load_content", verbosity=0)
    call_command("load_demo", verbosity=0)
    before = render(PAGES, settings)
    assert all("Torino Internazionale" in html for html in before[0].values())
    assert before[1], "the demo's pages link uploaded files"

    # Backup: the database in pg_dump's custom format, the media folder as it is.
    original = connection.settings_dict["NAME"]
    dump = tmp_path / "portal.dump"
    postgres("pg_dump", "-Fc", "-f", str(dump), original)
    shutil.copytree(settings.MEDIA_ROOT, tmp_path / "media-backup")

    # Restore into an empty database and an empty media folder, then serve from them.
    restored = f"{original}_restored"
    postgres("dropdb", "--if-exists", restored)
    postgres("createdb", restored)
    try:
        postgres("pg_restore", "--no-owner", "-d", restored, str(dump))
        settings.MEDIA_ROOT = tmp_path / "media-restored"
        shutil.copytree(tmp_path / "media-backup", settings.MEDIA_ROOT)
        connection.close()
        connection.settings_dict["NAME"] = restored
        after = render(PAGES, settings)
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original
        postgres("dropdb", "--if-exists", restored)
    assert after[0] == before[0]
    assert after[1] == before[1]
