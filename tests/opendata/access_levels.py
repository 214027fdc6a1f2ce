"""Access levels of the IATI pages and public files for the URL walk (tests/test_url_walk.py).

The preview, its XML download and the actions are the secretariat's ("publish_open_data"); the public files need
no sign-in: an activity file while its partnership is published (withdrawn: gone), all published activities and
the organisation file always. build() publishes the walk world's partnership and adds a withdrawn one elsewhere.
"""

from django.utils import timezone

from opendata.models import Publication
from tests.factories import PartnershipFactory

LEVELS = {
    "opendata:preview": "secretariat",
    "opendata:xml": "secretariat",
    "opendata:publish": "secretariat-action",
    "opendata:withdraw": "secretariat-action",
    "iati:activity": "public",
    "iati:activities": "public",
    "iati:organisation": "public",
}
OBJECTS = {
    # The page checks' demo world has no "publication": they skip the file (an XML file is not a page anyway).
    "iati:activity": {"identifier": lambda w: w["publication"].identifier},
}
VARIANTS = {
    "iati:activity": [("withdrawn", {"identifier": lambda w: w["publication_withdrawn"].identifier}, "gone")],
}


def build(world):
    """The world's partnership published (as the secretariat does), and the outsider's partnership's file once
    published and withdrawn since (its address is gone)."""
    now = timezone.now()
    world["publication"] = Publication.objects.create(
        partnership=world["partnership"], identifier="XI-IATI-MSPM-WALK-1", is_published=True, published_at=now,
        published_by=world["secretariat"],
    )  # fmt: skip
    # The outsider's partnership, or (in the per-test world, which has none) another one.
    elsewhere = world.get("elsewhere") or PartnershipFactory(name="Withdrawn from IATI")
    world["publication_withdrawn"] = Publication.objects.create(
        partnership=elsewhere, identifier="XI-IATI-MSPM-WALK-2", is_published=False, published_at=now,
        withdrawn_at=now,
    )  # fmt: skip
