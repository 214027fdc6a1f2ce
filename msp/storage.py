"""Where files live that only views may serve, after an access check."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """Files only views may serve, after checking access: kept outside MEDIA_ROOT, so no media URL reaches them.

    The location is read from settings on each use (tests point it at a temporary folder). governance.models has
    the same class for MoU scans (its migrations name it); it can import this one instead.
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
