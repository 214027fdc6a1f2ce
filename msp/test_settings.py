"""Settings for the test suite: the real settings, with fast hashing, in-memory e-mail and eager tasks.

DATABASE_URL still decides the database, so CI runs the suite on PostgreSQL. Tests that need the real broker
(REDIS_URL) start their own worker and switch eager mode off for their duration.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-that-is-long-enough-for-the-check")

from .settings import *  # noqa: F403
from .settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
ALLOWED_HOSTS = ["*"]
# Tests sign in many times from one address; the rate-limit tests switch it back on.
RATELIMIT_ENABLE = False
