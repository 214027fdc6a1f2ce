"""Where files live that only views may serve, after an access check."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files only views may serve, after checking access: kept outside MEDIA_ROOT, so no media URL reaches them.

    The location is read from settings on each use (tests point it at a temporary folder). The one class for
    every app: governance.models and stakeholders.pending_imports re-export `private_storage`, which their
    migrations name.
    """

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    def url(self, name):
        raise NotImplementedError("Private files have no URL; a view serves them after an access check.")


def private_storage():
    return PrivateStorage()
