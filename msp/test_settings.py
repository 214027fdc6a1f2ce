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

# Private uploads (signed MoU scans) go to a throw-away folder, never into the developer's var/.
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="msp-test-private-"))
# whitenoise reads STATIC_ROOT at start and warns when it is missing (collectstatic makes it in production).
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="msp-test-static-"))
