"""System checks of the portal's own settings (`manage.py check --deploy`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

W001 = "torino_portal.W001"
E001 = "torino_portal.E001"
E002 = "torino_portal.E002"


@checks.register(checks.Tags.security, checks.Tags.caches, deploy=True)
def shared_cache_for_limits(app_configs, **kwargs):
    """Without Redis the cache is each process's memory: three gunicorn workers give every
    visitor three times the forms' rate limits, and a restart forgets them."""
    if settings.DEBUG or getattr(settings, "REDIS_URL", ""):
        return []
    return [
        checks.Warning(
            "REDIS_URL is not set: the rate limits of the public forms count per process "
            "(each gunicorn worker keeps its own count, and a restart resets it).",
            hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) so every worker shares them.",
            id=W001,
        )
    ]


@checks.register(checks.Tags.security)
def trusted_proxies_are_addresses(app_configs, **kwargs):
    """A typo in TRUSTED_PROXIES would fail every request: say so at start-up instead."""
    from .proxies import TrustedProxies

    try:
        TrustedProxies.parse(getattr(settings, "TRUSTED_PROXIES", ""))
    except ValueError as error:
        return [
            checks.Error(
                f"TRUSTED_PROXIES is not a number nor a list of addresses/networks: {error}",
                hint='E.g. TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8" or TRUSTED_PROXIES=1.',
                id=E001,
            )
        ]
    return []


@checks.register(checks.Tags.security)
def bucket_has_a_public_address(app_configs, **kwargs):
    """Files in a bucket are linked at MEDIA_URL: a relative one would point at the portal,
    which has no such files, and every link to a document would be broken."""
    if not getattr(settings, "MEDIA_BUCKET", ""):
        return []
    if urlsplit(settings.MEDIA_URL).scheme in ("http", "https"):
        return []
    return [
        checks.Error(
            f"MEDIA_BUCKET is set but MEDIA_URL ({settings.MEDIA_URL!r}) is not the bucket's "
            "public address.",
            hint="E.g. MEDIA_URL=https://media.torinointernazionale.org/",
            id=E002,
        )
    ]
