"""Settings shared by every environment. Everything that differs comes from the environment."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from ben_plugins.core.discovery import discover_plugin_apps

from .env import (
    env_base_url,
    env_bool,
    env_float,
    env_int,
    env_list,
    env_str,
    env_url,
    env_url_list,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("SECRET_KEY", "insecure-local-development-key-do-not-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.pages",
    "cms.snippets",
    "cms.demo",
    "cms.moderation",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail_modeladmin",
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
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    # Only for its translations: Wagtail's workflow status says "vor 5 Minuten" with them.
    "django.contrib.humanize",
    "django.contrib.staticfiles",
    "cms.accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.core.content_security_policy.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "ben_plugins.core.guard.PluginGuardMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # Degrades when Redis is down or hangs (cms.core.cache): uncached answers, per-process
    # rate-limit counters, no request waits longer than one timeout for Redis.
    redis_timeout = env_float("REDIS_TIMEOUT_SECONDS", 0.25)
    CACHES = {
        "default": {
            "BACKEND": "cms.core.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "ben"),
            "OPTIONS": {
                "socket_connect_timeout": redis_timeout,
                "socket_timeout": redis_timeout,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Staff accounts (cms.accounts). Only staff log in (the public site and the API have no
# accounts), so the session lifetime is the staff's: a working day after the login.
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 9) * 3600
AUTHENTICATION_BACKENDS = [
    "cms.accounts.backends.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Second factor (TOTP, django-otp): required for superusers and these groups when
# BEN_REQUIRE_2FA is on (production default); a personal-data declaration adds its groups.
BEN_REQUIRE_2FA = env_bool("BEN_REQUIRE_2FA", False)
BEN_2FA_REQUIRED_GROUPS = ["Administratoren", "Moderatoren"]
WAGTAILADMIN_USER_LOGIN_FORM = "cms.accounts.forms.SecondFactorLoginForm"
# "Forgot password" sends its link from the task queue, as every email BEN sends (cms.core.mail).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "cms.core.mail.QueuedPasswordResetForm"
OTP_TOTP_ISSUER = "Bitburger Engagement Netz"
# Login throttle (django-axes): per account and per client address (trusted-proxy rule).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "cms.core.client_address.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Failed attempts are kept (for the lockout); successful logins are not logged with their IP.
AXES_DISABLE_ACCESS_LOG = True

# Content-Security-Policy (django-csp) on every response: only BEN's own origin. Below the
# paths of CONTENT_SECURITY_POLICY_PATH_REPLACE (the admins, the API documentation) some
# directives are replaced by what those pages need (cms.core.content_security_policy).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "style-src": [SELF],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
    }
}
_ADMIN_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # The multiple image upload previews files with blob: and data: URLs (load-image.js).
    "img-src": [SELF, "data:", "blob:"],
}
# The API documentation (cms.api.docs): Swagger UI starts with a same-origin script (the
# split view) and draws icons as data: SVGs, both style inline, Redoc searches in a blob:
# worker. Its bundle names one image on cdn.redoc.ly: this policy keeps the browser from it.
_API_DOCS_POLICY = {
    "script-src": [SELF],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:"],
    "font-src": [SELF, "data:"],
    "worker-src": [SELF, "blob:"],
}
CONTENT_SECURITY_POLICY_PATH_REPLACE = {
    "/admin/": _ADMIN_POLICY,
    "/django-admin/": _ADMIN_POLICY,
    "/api/v1/docs/": _API_DOCS_POLICY,
    "/api/v1/redoc/": _API_DOCS_POLICY,
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "BEN CMS <noreply@bitburger-engagement-netz.de>")

TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.backend.DatabaseBackend",
}
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}

WAGTAIL_SITE_NAME = "Bitburger Engagement Netz"
#: Where BEN is reached from outside (scheme, host, port): the one base of every absolute link
#: (the default site record, the admin's links in emails, API html_url, feeds, webhooks).
BEN_BASE_URL = env_base_url("BEN_BASE_URL", "http://localhost:8000")
WAGTAILADMIN_BASE_URL = BEN_BASE_URL
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# One time zone for every editor (Bitburg's): Wagtail then hides its account setting, whose
# list of every zone on the server ends in an untranslated "localtime".
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
WAGTAIL_I18N_ENABLED = False
# Avatars from Gravatar would send a hash of every editor's email address to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Draftail, but a posted body that is not its JSON is a form error (cms.core.rich_text).
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "cms.core.rich_text.CheckedDraftailRichTextArea"}
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Club uploads stay private until approved (cms.moderation.media): documents are always served
# by Wagtail's view, which asks the moderation layer first; MEDIA_ROOT is never served as is.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django_tasks": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")}},
}

# Content API (cms.api): /api/v1/, CORS, OpenAPI.
INSTALLED_APPS += [
    "cms.api",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
    "corsheaders.middleware.CorsMiddleware",
)
#: Reverse proxies in front of the app whose X-Forwarded-For is trusted; 0 means the header
#: is ignored. The one rule for the client's address: cms.core.client_address.client_ip.
API_TRUSTED_PROXIES = env_int("API_TRUSTED_PROXIES", 0)
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "BEN CMS Content API",
    "DESCRIPTION": (
        "Live, approved, public content of the Bitburger Engagement Netz: clubs, events, "
        "benefit partners of the Ehrenamtskarte, the engagement strategy, news, volunteer "
        "opportunities and trainings. Errors are RFC 7807 problem details."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No online validator: Swagger UI would send every reader to validator.swagger.io.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "REDOC_DIST": "SIDECAR",
    "DEFAULT_GENERATOR_CLASS": "cms.api.schema.AvailableViewsSchemaGenerator",
    "PREPROCESSING_HOOKS": ["cms.api.schema.only_content_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "cms.api.schema.add_problem_responses",
        "ben_plugins.core.intake.schema.constrain_submission_bodies",
    ],
}
CORS_ALLOWED_ORIGINS = env_list("API_CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
# POST: the intake endpoints of plugins (ben_plugins.core.intake) take JSON submissions.
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS", "POST"]
CORS_ALLOW_HEADERS = [
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "if-none-match",
    "if-modified-since",
    "x-api-key",
]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "X-RateLimit-Limit"]
API_RATE_LIMIT_ANONYMOUS = env_str("API_RATE_LIMIT_ANONYMOUS", "120/minute")
API_RATE_LIMIT_CLIENT = env_str("API_RATE_LIMIT_CLIENT", "1200/minute")
API_RESPONSE_CACHE_SECONDS = env_int("API_RESPONSE_CACHE_SECONDS", 600)
API_CDN_MAX_AGE = env_int("API_CDN_MAX_AGE", 60)
API_BROWSER_MAX_AGE = env_int("API_BROWSER_MAX_AGE", 0)
API_PREVIEW_TOKEN_MAX_AGE = env_int("API_PREVIEW_TOKEN_MAX_AGE", 3600)
API_MAX_PAGE_SIZE = env_int("API_MAX_PAGE_SIZE", 100)
# HTTP caches in front of BEN (Varnish with deploy/varnish/ben.vcl, several allowed): each
# is purged by surrogate key after every publication change (cms.api.frontend_cache).
WAGTAILFRONTENDCACHE = {
    f"cache-{number}": {
        "BACKEND": "cms.api.frontend_cache.SurrogateKeyBackend",
        "LOCATION": url,
        "TIMEOUT": env_float("FRONTEND_CACHE_TIMEOUT_SECONDS", 2.0),
    }
    for number, url in enumerate(env_url_list("FRONTEND_CACHE_URL"), start=1)
}
FRONTEND_CACHE_MAX_ATTEMPTS = env_int("FRONTEND_CACHE_MAX_ATTEMPTS", 5)
FRONTEND_CACHE_RETRY_SECONDS = env_int("FRONTEND_CACHE_RETRY_SECONDS", 10)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "german"

# Plugins: the plugin core, the database task queue (run `manage.py db_worker` when
# TASKS_BACKEND=database), then every built-in and entry-point plugin not excluded.
INSTALLED_APPS += [
    "ben_plugins.core",
    "ben_plugins.core.personal_data",
    "ben_plugins.core.letters",
    "django_tasks",
    "django_tasks_db",
    *discover_plugin_apps(disabled=env_list("BEN_PLUGINS_DISABLED"), installed_apps=INSTALLED_APPS),
]

#: Personal data (ben_plugins.core.personal_data): per plugin label, the months that replace
#: those its retention rules declare, e.g. BEN_RETENTION_MONTHS="example=6,ehrenamtskarte=24".
BEN_RETENTION_MONTHS = {
    label.strip(): int(months)
    for label, _, months in (item.partition("=") for item in env_list("BEN_RETENTION_MONTHS"))
}
#: The controller named in the record of processing activities (Art. 30 DSGVO) and in the
#: notice of Art. 14 DSGVO to people whose data someone else submitted.
BEN_DATA_CONTROLLER = env_str(
    "BEN_DATA_CONTROLLER", "Stadt Bitburg, Rathausplatz 1, 54634 Bitburg (Bürgermeister)"
)
#: The privacy notice every public form and Art. 14 notice links to, when it lives elsewhere
#: (the city's website); empty: the published legal page "datenschutz" below the home page.
#: With neither, the public forms take no personal data (ben_plugins.core.privacy).
BEN_PRIVACY_URL = env_url("BEN_PRIVACY_URL", example="https://www.bitburg.de/datenschutz")

WEBHOOKS_ALLOW_PRIVATE_TARGETS = env_bool("WEBHOOKS_ALLOW_PRIVATE_TARGETS", False)
WEBHOOKS_MAX_ATTEMPTS = env_int("WEBHOOKS_MAX_ATTEMPTS", 6)
WEBHOOKS_RETRY_BASE_SECONDS = env_int("WEBHOOKS_RETRY_BASE_SECONDS", 30)
#: The whole attempt (connect + send + response headers), not one read.
WEBHOOKS_TIMEOUT_SECONDS = env_float("WEBHOOKS_TIMEOUT_SECONDS", 10.0)

# Public intake of submissions (ben_plugins.core.intake): POSTs per client address and
# submissions per email address, across all submission types; largest accepted body.
INTAKE_RATE_LIMIT_IP = env_str("INTAKE_RATE_LIMIT_IP", "10/hour")
INTAKE_RATE_LIMIT_EMAIL = env_str("INTAKE_RATE_LIMIT_EMAIL", "3/day")
INTAKE_MAX_BODY_BYTES = env_int("INTAKE_MAX_BODY_BYTES", 32 * 1024)
