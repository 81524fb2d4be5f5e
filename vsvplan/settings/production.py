"""Production: PostgreSQL and Redis are required; nothing insecure by default. Start-up refuses what would make it
unsafe or silently broken (README, "In productie")."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DATABASES, SECRET_KEY, env

DEBUG = False
DEMO_ALLOWED = False  # load_demo would recreate the superuser with the public demo password

# Keys of the other settings files, and Django's own development prefix: never in production.
KNOWN_KEYS = {"local-development-only-not-secret", "test-only-not-secret"}
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY ontbreekt: zet de omgevingsvariabele SECRET_KEY.")
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith("django-insecure")
    or SECRET_KEY in KNOWN_KEYS
):
    raise ImproperlyConfigured(
        "SECRET_KEY is te zwak: gebruik minstens 50 willekeurige tekens, bijvoorbeeld van "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("Productie draait op PostgreSQL: zet DATABASE_URL=postgres://…")
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# E-mail must be chosen: a forgotten EMAIL_URL would print every reminder to the console and send nothing.
if not env.str("EMAIL_URL", default=""):
    raise ImproperlyConfigured(
        "EMAIL_URL ontbreekt: zet bijvoorbeeld EMAIL_URL=smtp+tls://gebruiker:wachtwoord@mailserver:587 "
        "(of uitdrukkelijk EMAIL_URL=consolemail:// om niets te versturen)."
    )

if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS ontbreekt: zet de hostnaam van de site, bijvoorbeeld vsvplan.example.nl.")
if not env.str("SITE_URL", default="").startswith("https://"):
    raise ImproperlyConfigured("SITE_URL ontbreekt: zet het https-adres van de site; e-mails linken ernaar.")

CELERY_BROKER_URL = env("CELERY_BROKER_URL")
# One cache for every web server and worker: Redis (CACHE_URL, by default the broker's Redis).
CACHES = {"default": env.cache_url("CACHE_URL", default=CELERY_BROKER_URL.replace("redis://", "rediscache://", 1))}

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^gezond/$"]  # the load balancer's health check speaks plain HTTP
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True

# Uploads (DUO files) and generated files through Django's storage API: local disk (MEDIA_ROOT) by default, an
# S3-compatible object store when STORAGE_BUCKET is set, so web servers and Celery workers can run on different
# machines. The store's keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, as boto3 reads them.
_bucket = env("STORAGE_BUCKET", default="")
_default_storage = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _bucket,
            "endpoint_url": env("STORAGE_ENDPOINT_URL", default=None),
            "region_name": env("STORAGE_REGION", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    if _bucket
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
