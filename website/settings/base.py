"""Settings shared by every environment.

Every environment variable the project reads is declared once, in the block
below, with its type and its development default. dev.py, test.py and
production.py only adjust what differs; production.py refuses to start without
the secrets that have no safe default. The README has a table of them all.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name, default=""):
    value = os.environ.get(name, default)
    return [item.strip() for item in value.split(",") if item.strip()]


# --- Environment -----------------------------------------------------------
# name                 type   development default
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
# PostgreSQL: prepare the pages' queries on the server (website/prepared.py);
# false behind a pooler that does not keep them (PgBouncer in transaction mode).
DATABASE_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-used-in-production")
DEBUG = env_bool("DEBUG", True)
SITE_DOMAIN = env_str("SITE_DOMAIN", "localhost")
SITE_PORT = env_int("SITE_PORT", 8000)  # port in the sites' URLs; 80/443 omit it
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", f".{SITE_DOMAIN},{SITE_DOMAIN},127.0.0.1,[::1]")
SITE_SCHEME = env_str("SITE_SCHEME", "http")  # "https" behind a TLS proxy
REDIS_URL = env_str("REDIS_URL", "")  # shared cache when set; local memory otherwise
MEDIA_ROOT = env_str("MEDIA_ROOT", str(BASE_DIR / "media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)  # let Django serve MEDIA_ROOT
STATIC_ROOT = env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles"))  # collectstatic writes here
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # off in dev and test
EMAIL_HOST = env_str("EMAIL_HOST", "")  # SMTP when set; console otherwise
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"newsroom@{SITE_DOMAIN}")
WAGTAILADMIN_BASE_URL = env_str(
    "WAGTAILADMIN_BASE_URL", f"{SITE_SCHEME}://centralasia.{SITE_DOMAIN}:{SITE_PORT}"
)
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
# Admin log-in: minutes an account or an address stays locked after 5 failures.
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 15)
# Proxies in front of gunicorn that append the client's address to
# X-Forwarded-For: 0, none (clients reach gunicorn directly, as with `make
# serve`: the address is REMOTE_ADDR and the header, which anyone can write,
# is ignored); 1 behind one TLS proxy or load balancer. Too low behind a
# proxy, every client has the proxy's address (one lock-out, one sign-up
# limit for all); too high, clients choose their address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
BACKUP_DIR = env_str("BACKUP_DIR", str(BASE_DIR / "backups"))  # `make backup` writes here
# Search: OpenSearch when set (e.g. https://user:pass@search.internal:9200);
# the database (PostgreSQL full-text, or SQLite FTS5) otherwise.
OPENSEARCH_URL = env_str("OPENSEARCH_URL", "")
# Prefix of the OpenSearch index names, so several deployments share a cluster.
OPENSEARCH_INDEX_PREFIX = env_str("OPENSEARCH_INDEX_PREFIX", "newsroom_")
# Full-page cache of anonymous visitors' pages (website/cache.py): seconds a
# page is kept; 0 turns it off. On by default only with a shared cache.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if REDIS_URL else 0)
# The release, e.g. its commit: a new value starts a fresh page cache. Empty: a
# digest of the code, templates and static files (website/cache.py).
CODE_VERSION = env_str("CODE_VERSION", "")
# CDN purge on publish (wagtail.contrib.frontend_cache), on when one is set:
# an HTTP cache taking PURGE requests (Varnish, nginx), e.g. http://127.0.0.1:6081,
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL", "")
# or Cloudflare: the zone's id and an API token allowed to purge it.
FRONTEND_CACHE_CLOUDFLARE_ZONEID = env_str("FRONTEND_CACHE_CLOUDFLARE_ZONEID", "")
FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN = env_str("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", "")
# Uploaded media (images, renditions, documents, PDF editions) on S3-compatible
# object storage (django-storages, website/storage.py) when a bucket is set;
# in MEDIA_ROOT otherwise. Every application host must then use the bucket.
MEDIA_S3_BUCKET = env_str("MEDIA_S3_BUCKET", "")
# The S3 API's address; empty for AWS itself (e.g. https://s3.example.org).
MEDIA_S3_ENDPOINT_URL = env_str("MEDIA_S3_ENDPOINT_URL", "")
MEDIA_S3_REGION = env_str("MEDIA_S3_REGION", "")
MEDIA_S3_ACCESS_KEY_ID = env_str("MEDIA_S3_ACCESS_KEY_ID", "")
MEDIA_S3_SECRET_ACCESS_KEY = env_str("MEDIA_S3_SECRET_ACCESS_KEY", "")
# Where browsers fetch the public images: a CDN or custom domain in front of the
# bucket (https://media.example.org), or the bucket's own public address
# (https://s3.example.org/bucket, the default with an endpoint).
MEDIA_S3_PUBLIC_URL = env_str(
    "MEDIA_S3_PUBLIC_URL",
    f"{MEDIA_S3_ENDPOINT_URL.rstrip('/')}/{MEDIA_S3_BUCKET}"
    if MEDIA_S3_ENDPOINT_URL and MEDIA_S3_BUCKET
    else (f"https://{MEDIA_S3_BUCKET}.s3.amazonaws.com" if MEDIA_S3_BUCKET else ""),
)
# ---------------------------------------------------------------------------

DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite (development): a writing transaction takes the lock when it
    # starts, and waits up to 20 s for another one, so two saves at the same
    # moment (an editor's autosave and submit) wait instead of failing with
    # "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The database's pages and search index are read from memory (or SSD),
    # not from spinning disks: with PostgreSQL's default random_page_cost (4)
    # the planner reads the whole search index row by row for a word found in
    # half the stories (100 ms at 20,000 stories) rather than through its GIN
    # index (10 ms). DATABASE_RANDOM_PAGE_COST=4 restores the default.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", f"-c random_page_cost={env_str('DATABASE_RANDOM_PAGE_COST', '1.1')}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "images",
    "website",
    "newsroom",
    "missions",
    "search",
    "subscriptions",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that every log line of the request carries its id.
    "website.middleware.RequestIDMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Anonymous visitors' pages from the cache, before sessions are looked at.
    "website.cache_middleware.PageCacheMiddleware",
    "website.middleware.ContentSecurityPolicyMiddleware",
    "website.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "website.i18n.LocaleMiddleware",
    # The request's frame (website/sites.py): site, home pages and route in two queries.
    "website.sites.SiteFrameMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out log-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                # The site's name, menu, language switcher and footer (website/chrome.py).
                "website.chrome.site_chrome",
            ],
        },
    },
]

# django-axes checks every log-in (the Wagtail admin's included) before the
# model backend does; a locked-out account or address is refused even with
# the right password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------
# English is the source; the others are translated with wagtail-localize.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("kk", "Қазақша"),
    ("ky", "Кыргызча"),
    ("tg", "Тоҷикӣ"),
    ("tk", "Türkmençe"),
    ("uz", "Oʻzbekcha"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_DISABLE_ON_DELETE = True
# A new translation stays a draft (in English words) until its translator
# publishes it, instead of going live at once.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The project's catalogues come first: a message translated here wins over
# Django's, Wagtail's and wagtail-localize's (some of their Russian is
# corrected this way, see website/upstream_messages.py).
LOCALE_PATHS = [BASE_DIR / "locale"]
# The admin in every language the project has admin strings for (its field
# labels, help texts and block names are in every catalogue). Wagtail and
# wagtail-localize have no Kazakh, Kyrgyz, Tajik, Turkmen or Uzbek catalogue:
# what the project does not translate is shown in Russian, which the
# missions' teams read, rather than in English (website.i18n.install_translation_fallbacks).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TRANSLATION_FALLBACKS = {"kk": "ru", "ky": "ru", "tg": "ru", "tk": "ru", "uz": "ru"}
USE_I18N = True
TIME_ZONE = "Asia/Almaty"
USE_TZ = True

# --- Static and media files ---------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def s3_media_storage(bucket, endpoint_url, region, access_key, secret_key, public_url):
    """The storage of uploaded media in an S3 bucket (website/storage.py)."""
    return {
        "BACKEND": "website.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,
            "region_name": region or None,
            "access_key": access_key or None,
            "secret_key": secret_key or None,
            # Path-style addresses (https://endpoint/bucket/name) for other
            # S3-compatible stores; AWS's own addressing otherwise.
            "addressing_style": "path" if endpoint_url else None,
            # The bucket's policy says what is public, not per-object ACLs.
            "default_acl": None,
            "file_overwrite": False,
            "querystring_auth": True,
            "public_url": public_url,
        },
    }


if MEDIA_S3_BUCKET:
    STORAGES["default"] = s3_media_storage(
        MEDIA_S3_BUCKET,
        MEDIA_S3_ENDPOINT_URL,
        MEDIA_S3_REGION,
        MEDIA_S3_ACCESS_KEY_ID,
        MEDIA_S3_SECRET_ACCESS_KEY,
        MEDIA_S3_PUBLIC_URL,
    )
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Cache ----------------------------------------------------------------------
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis down: reads miss, writes are dropped, pages render uncached.
            "BACKEND": "website.cache_backends.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom",
        }
    }

# CDN purge: the changed page and the pages listing it (website/cache.py).
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }
if FRONTEND_CACHE_CLOUDFLARE_ZONEID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": FRONTEND_CACHE_CLOUDFLARE_ZONEID,
        "BEARER_TOKEN": FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN,
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# --- Background tasks (django-tasks) ----------------------------------------------
# Slow work runs outside visitors' and editors' requests: the PDF editions of
# report issues (newsroom/tasks.py) and Wagtail's own tasks (reference index,
# file clean-up, CDN purge). Tasks are stored in the database (django-tasks-db)
# and run by `manage.py db_worker`, which production runs beside gunicorn as a
# long-lived process (several workers on several hosts may share the queue).
# Without a worker tasks wait, nothing breaks: a PDF edition appears once it runs.
# dev.py and test.py run tasks at once, in the process that enqueues them
# (after the transaction commits), so `make run` needs no worker.
# New tasks: `@task()` from django_tasks, enqueued inside
# `transaction.on_commit(...)` so that the worker sees the committed data.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- E-mail ---------------------------------------------------------------------
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail --------------------------------------------------------------------
WAGTAIL_SITE_NAME = "IOM Central Asia newsroom"
# Search (see search/backends/). The database backend indexes each page with
# the PostgreSQL text search configuration of its language: "english" for en,
# "russian" for ru, and "simple" (no stemmer exists) for kk, ky, tg, tk and uz.
# The public search queries with the configuration of the page's language.
# SQLite (FTS5) ignores the configurations. With OPENSEARCH_URL, OpenSearch
# (2.x or 3.x, the opensearch-py package) replaces it; `manage.py update_index`
# fills a new backend's index.
if OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": [OPENSEARCH_URL],
            "INDEX_PREFIX": OPENSEARCH_INDEX_PREFIX,
            "TIMEOUT": 5,
        },
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "SEARCH_CONFIGS": {"en": "english", "ru": "russian"},
            "SEARCH_CONFIG": "simple",
        },
    }
# Uploads: documents of these types and sizes only; images of these formats,
# sizes and pixel counts only (SVG is left out: it can carry scripts).
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# Refuses damaged images and decompression bombs as form errors (not 500s).
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "website.uploads.ImageForm"
# Uploads refused with a form error while object storage is down.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "website.uploads.DocumentForm"
# Documents go through Wagtail's view (collection privacy is enforced, and it
# sends nosniff and `Content-Security-Policy: default-src 'none'`); only PDFs
# open in the browser, everything else is downloaded (Content-Disposition:
# attachment).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
# No avatars from gravatar.com: editors' e-mail hashes stay here, and the
# admin's Content-Security-Policy needs no third-party image host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The form for a password-restricted page, in the site's look.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "website/password_required.html"
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
# The page preview in the admin is an iframe on the same origin.
X_FRAME_OPTIONS = "SAMEORIGIN"

# --- Security headers -------------------------------------------------------------
# Content-Security-Policy (django-csp, website.middleware). The public sites
# run only their own static CSS and JavaScript; an inline <script> needs the
# request's nonce (`<script nonce="{{ request.csp_nonce }}">`). Video embeds
# (oEmbed iframes) come from the providers listed in frame-src; Wagtail's
# responsive embed wrapper sets its height with a style attribute, hence
# style-src-attr.
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
# The Wagtail admin (and the page previews it shows) still needs inline code
# (wagtail/wagtail#1288, #7053): inline <script> elements in the page editor,
# the explorer, history and report views, inline event handlers in the image
# focal-point editor, and <style> elements its bundled JavaScript inserts. So
# it gets 'unsafe-inline' for scripts and styles, blob: images (upload
# previews), and otherwise the public policy: no 'unsafe-eval', no other hosts.
CSP_ADMIN_URL_PREFIXES = ("/admin/",)
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    },
}
# Features no page of ours uses, switched off for the page and its iframes.
if MEDIA_S3_BUCKET:
    # Pages (and the admin) show images from the bucket's public address.
    _media_origin = "/".join(MEDIA_S3_PUBLIC_URL.split("/")[:3])
    for _policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
        _policy["DIRECTIVES"]["img-src"] = [*_policy["DIRECTIVES"]["img-src"], _media_origin]
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Admin log-in protection (django-axes) -------------------------------------
# After AXES_FAILURE_LIMIT failed log-ins for one username, or from one
# address, that username or address is refused for AXES_COOLOFF_MINUTES, even
# with the right password. `manage.py axes_list_attempts` lists the failures;
# `manage.py axes_reset_username NAME` or `axes_reset_ip ADDRESS` unlocks early.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES)
# A successful log-in does not clear the failures: with lock-out by address,
# clearing them would let anyone with one account reset the count for others.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_CLIENT_IP_CALLABLE = "website.middleware.client_ip"
# Wagtail's log-in form names the field "username".
AXES_USERNAME_FORM_FIELD = "username"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        # django-axes announces itself at every start of every command.
        "axes.apps": {"level": "WARNING"},
    },
}
