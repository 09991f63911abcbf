"""Settings for the Torino Internazionale portal.

One module for every machine: whatever differs between a laptop and production comes from
the environment (a `.env` file at the top of the project may set it). The defaults are safe
for development; production sets SECRET_KEY, DEBUG off, ALLOWED_HOSTS and SITE_URL.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _
from redis.backoff import NoBackoff
from redis.retry import Retry

BASE_DIR = Path(__file__).resolve().parent.parent


def _read_dotenv(path):
    """Load KEY=value lines from `.env` without overriding the real environment."""
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            os.environ.setdefault(key.strip(), value.strip().strip("\"'"))


_read_dotenv(BASE_DIR / ".env")


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    return int(os.environ.get(name) or default)


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

# The fallback serves development and tests only; `check --deploy` flags it in production.
SECRET_KEY = os.environ.get("SECRET_KEY", "django-insecure-development-key-not-for-production")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # Django's admin with the portal's home: sections and the dashboard (issue 11).
    "torino_portal.admin_site.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Full-text search on PostgreSQL (SearchVector, unaccent); harmless on SQLite.
    "django.contrib.postgres",
    "django_ckeditor_5",
    # Admin login throttling (AXES_* below).
    "axes",
    # Every mail of the portal (not the newsletters) is queued here and sent by its worker.
    "post_office",
    # Every change to the content, with who and when; compare, restore, recover (issue 11).
    "simple_history",
    # Drag-and-drop ordering of the commissions in their admin list (issue 11).
    "adminsortable2",
    # The portal; the order is the order in which the demo content is loaded.
    "torino_portal",
    "plans",
    "events",
    "commissions",
    "press",
    "newsletter",
    # Staff roles (groups and their permissions) and the guard on third-party admin actions.
    "staff",
]

MIDDLEWARE = [
    # First: the visitor's address and X-Forwarded-Proto, only from TRUSTED_PROXIES.
    "torino_portal.proxies.ProxyMiddleware",
    "torino_portal.operations.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every answer (torino_portal/headers.py).
    "torino_portal.headers.ContentSecurityPolicyMiddleware",
    "torino_portal.headers.PermissionsPolicyMiddleware",
    # NUL and undecodable bytes in the address are a 400 before anything reads them.
    "torino_portal.middleware.RequestCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "torino_portal.middleware.AdminInItalianMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The history records who made each change (torino_portal/history.py).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Every rate-limited view raises Ratelimited; this answers with RATELIMIT_VIEW (429).
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Turns a locked-out login into the lockout page (AXES_LOCKOUT_CALLABLE).
    "axes.middleware.AxesMiddleware",
    # Last: inside CSRF (which sets a served page's cookie), auth and messages (it asks both).
    "torino_portal.page_cache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "torino_portal.urls"
WSGI_APPLICATION = "torino_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=600,
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Short timeouts and no retry: a Redis that hangs or is gone must not hold the page
    # (torino_portal/cache.py falls back). redis-py 7 otherwise retries a refused connection
    # 3 times with backoff from 1 s: each worker stalled ~7 s when Redis stopped.
    _REDIS = {
        "LOCATION": REDIS_URL,
        "OPTIONS": {
            "socket_timeout": 0.5,
            "socket_connect_timeout": 0.5,
            "retry": Retry(NoBackoff(), 0),
        },
    }
    CACHES = {
        "default": {"BACKEND": "torino_portal.cache.RedisOrLocalMemory", **_REDIS},
        "pages": {"BACKEND": "torino_portal.cache.RedisOrNothing", "KEY_PREFIX": "p", **_REDIS},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
# The anonymous page cache (torino_portal/page_cache.py): how long a page may be kept at
# most; 0 turns it off. Off by default on a developer's machine.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 300)
# Rate limits count in the cache: per process with local memory, so production sets
# REDIS_URL (`check --deploy` warns otherwise: torino_portal.checks). They key on the
# visitor's address as torino_portal.proxies finds it behind TRUSTED_PROXIES.
RATELIMIT_IP_META_KEY = "torino_portal.proxies.client_ip"
RATELIMIT_VIEW = "torino_portal.views.rate_limited"
# The reverse proxies in front of the portal: a number (the app is reachable only through
# that many proxies) or addresses/networks ("127.0.0.1, 10.0.0.0/8"). Empty: none, and
# X-Forwarded-For / X-Forwarded-Proto are ignored.
TRUSTED_PROXIES = os.environ.get("TRUSTED_PROXIES", "")

# Admin login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords, the address
# and, separately, the account are locked for AXES_COOLOFF_TIME. Attempts are rows in the
# database, so the count holds across workers without Redis; staff can unlock in the admin.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "torino_portal.proxies.client_ip"
# The admin's layout and the minutes to wait (templates/admin/lockout.html).
AXES_LOCKOUT_CALLABLE = "torino_portal.views.login_locked_out"
AXES_RESET_ON_SUCCESS = True
# One row per login would grow for ever; failures are what matters.
AXES_DISABLE_ACCESS_LOG = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Italian first, English second; content falls back to Italian.
LANGUAGE_CODE = "it"
LANGUAGES = [("it", _("Italian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True
# One time format in both languages, 17:30 (torino_portal/formats/).
FORMAT_MODULE_PATH = ["torino_portal.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "it"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("it",)
MODELTRANSLATION_CUSTOM_FIELDS = ("RichTextField",)
# Served by the portal itself: modeltranslation's default is a Google CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded files go to MEDIA_ROOT, or to an S3-compatible bucket when MEDIA_BUCKET is set:
# MEDIA_URL is then the bucket's public address, https://…/ (README, "Production").
MEDIA_BUCKET = os.environ.get("MEDIA_BUCKET", "")
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# The portal serves MEDIA_ROOT itself only on a developer's machine, or when told to; in
# production the web server in front does, with the headers of README's "Security".
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)
STORAGES = {
    "default": {
        "BACKEND": "torino_portal.storage.MediaBucket",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            # Another provider's (or MinIO's) API address; none for Amazon S3 itself. The
            # keys come from the environment, as boto3 reads them: AWS_ACCESS_KEY_ID, …
            "endpoint_url": os.environ.get("MEDIA_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_REGION") or None,
        },
    }
    if MEDIA_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: without EMAIL_HOST, mail is printed on the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Torino Internazionale <info@torinointernazionale.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The portal's mails are queued in the database (django-post-office, torino_portal/mail.py)
# and sent by `manage.py send_queued_mail`; a failed send is tried again MAX_RETRIES times,
# RETRY_INTERVAL apart. (torino_portal.mail sets Message-IDs in the site's own domain.)
POST_OFFICE = {
    "MAX_RETRIES": int(os.environ.get("MAIL_MAX_RETRIES", "4")),
    "RETRY_INTERVAL": datetime.timedelta(minutes=int(os.environ.get("MAIL_RETRY_MINUTES", "15"))),
    "LOG_LEVEL": 1,  # keep a log row for failures only
    "THREADS_PER_PROCESS": 1,
}
# Hand each mail to the backend right after the commit, in the request, instead of waiting
# for the worker: on for `make run` (DEBUG; the console backend cannot fail), off in
# production, where only the worker talks to the SMTP server.
MAIL_SEND_AT_ONCE = env_bool("MAIL_SEND_AT_ONCE", DEBUG)
# Staff who receive notices (new forum contributions, …): "Name <a@b>, c@d".
STAFF_NOTIFICATION_EMAILS = env_list(
    "STAFF_NOTIFICATION_EMAILS", "redazione@torinointernazionale.org"
)

# --- Mailing list (newsletter app) -----------------------------------------------------
# The sender of confirmations and newsletters, and where replies go ("a@b, c@d").
NEWSLETTER_FROM_EMAIL = os.environ.get("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
NEWSLETTER_REPLY_TO = env_list("NEWSLETTER_REPLY_TO", "info@torinointernazionale.org")
# Online forum: contributions accepted per visitor address (django-ratelimit syntax).
FORUM_CONTRIBUTION_RATE = os.environ.get("FORUM_CONTRIBUTION_RATE", "5/h")
# Event registration: a sign-up holds its seat this long until the address is confirmed.
EVENT_REGISTRATION_HOLD_HOURS = int(os.environ.get("EVENT_REGISTRATION_HOLD_HOURS", "24"))
# --- end of the mailing list's settings ------------------------------------------------

# Security: secure cookies and HSTS whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Images in rich text come from this site's media; other hosts allowed ("a.org,b.org"), e.g.
# an object storage's public host.
RICH_TEXT_IMAGE_HOSTS = env_list("RICH_TEXT_IMAGE_HOSTS")
# Content-Security-Policy (django-csp 4): only this site's scripts, styles, images and media,
# nothing inline; images also from RICH_TEXT_IMAGE_HOSTS and an object storage's MEDIA_URL.
_SELF, _NONE = "'self'", "'none'"
_MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MEDIA_URL)) if "://" in MEDIA_URL else ""
_IMAGES = [_SELF, *(f"https://{host}" for host in RICH_TEXT_IMAGE_HOSTS), _MEDIA_ORIGIN]
_PUBLIC_POLICY = {
    "default-src": [_SELF],
    "script-src": [_SELF],
    "style-src": [_SELF],
    "img-src": [source for source in _IMAGES if source],
    "media-src": [source for source in (_SELF, _MEDIA_ORIGIN) if source],
    "font-src": [_SELF],
    "connect-src": [_SELF],
    "frame-src": [_NONE],
    "object-src": [_NONE],
    "base-uri": [_SELF],
    "form-action": [_SELF],
    "frame-ancestors": [_NONE],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": _PUBLIC_POLICY}
# The admin (torino_portal/headers.py): CKEditor 5 sets inline style attributes (its
# balloons, toolbars and resize handles are placed with them; measured in Chromium: 23
# style-src-attr violations on a page's change form without this) and shows a data: image
# while an upload runs (3 img-src violations without it). <style> and scripts stay 'self'.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_PUBLIC_POLICY,
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [*_PUBLIC_POLICY["img-src"], "data:"],
    }
}
# Features no page of the portal uses: refused to the site and to anything embedded in it.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
if not DEBUG:
    # Believed only from TRUSTED_PROXIES: ProxyMiddleware removes it from anyone else.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Rich text: CKEditor 5 in the admin; every value is sanitised on save (torino_portal.richtext).
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_MAX_FILE_SIZE = 5  # megabytes
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "webp"]
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "editor-upload"
# Headings, lists and quotes in the editor look as they will on the page (issue 11); the
# heading names below are Italian, as the admin is.
CKEDITOR_5_CUSTOM_CSS = "admin_portal/editor.css"
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "it",
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "insertImage",
                "insertTable",
                "|",
                "undo",
                "redo",
                "sourceEditing",
            ],
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Paragrafo", "class": "ck-heading_paragraph"},
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Titolo 2",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Titolo 3",
                    "class": "ck-heading_heading3",
                },
                {
                    "model": "heading4",
                    "view": "h4",
                    "title": "Titolo 4",
                    "class": "ck-heading_heading4",
                },
            ]
        },
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "|",
                "imageStyle:alignLeft",
                "imageStyle:alignRight",
                "imageStyle:alignCenter",
            ]
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
    },
}

# Logs go to stdout: JSON lines in production (one per request, with its duration),
# plain text on a developer's machine, where runserver already prints each request.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "torino_portal.operations.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "torino_portal.requests": {"level": "WARNING" if DEBUG else "INFO"},
        "axes": {"level": "WARNING"},  # not a line at every start-up
    },
}
