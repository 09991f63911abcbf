"""Privacy as the notice states it: retention periods and erasure, across every app.

Each app that holds personal data has a `privacy.py` with `erase(address)` and
`retention(now)`, both returning {what: how many}. This module finds them by name (as the
admin finds `admin.py`), so it imports no app, and adds the portal's own stored mails
(`torino_portal.mail`). `manage.py apply_retention` runs `apply_retention()` daily; the
mailing list's GDPR erasure (an admin action) runs `erase_address()`.
"""

from collections import Counter
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import mail


def _app_modules():
    """The portal's own apps' `privacy` modules (not a library's), then the stored mails."""
    for config in apps.get_app_configs():
        name = f"{config.name}.privacy"
        ours = Path(config.path).is_relative_to(settings.BASE_DIR / config.name.split(".")[0])
        if ours and config.name != "torino_portal" and find_spec(name) is not None:
            yield import_module(name)
    yield mail


def erase_address(address):
    """Every row that holds `address` loses it (or goes); returns the counts per kind.

    One transaction: the erasure is complete or not done at all.
    """
    counts = Counter()
    with transaction.atomic():
        for module in _app_modules():
            counts.update(module.erase(address))
    return counts


def apply_retention(now=None):
    """Delete or reduce what the notice says is kept no longer; returns the counts."""
    now = now or timezone.now()
    counts = Counter()
    for module in _app_modules():
        with transaction.atomic():
            counts.update(module.retention(now))
    return counts
