"""The public story: what the secretariat writes for the partnership's public report (one per partnership, kept
current; each report renders what is there when it is made).

`public_story_save` checks the right ("change": the secretariat; an archived partnership refuses), that the key
results are 3 to 5 of the partnership's own indicators and that a photo has its description, then writes the
story. A new photo is stored (already checked and re-encoded: monitoring.photos) under a generated name in private
storage; the file it replaces, or one removed, is deleted once the change is committed, so a failed save never
loses the photo the story had.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from msp import access

from ..models import PublicStory

STORY_FIELDS = (
    "headline",
    "story",
    "quote",
    "quote_by",
    "photo_alt",
    "photo_consent",
    "why_it_matters",
    "how_we_work",
    "whats_next",
    "contact",
)
KEY_RESULTS_MIN, KEY_RESULTS_MAX = 3, 5


def story_of(partnership) -> PublicStory:
    """The partnership's story, or a new unsaved one."""
    story = PublicStory.objects.filter(partnership=partnership).first()
    return story if story is not None else PublicStory(partnership=partnership)


def key_results_refusal(partnership, indicators) -> str | None:
    """Why `indicators` cannot be the key results of `partnership`'s public report, or None."""
    if any(indicator.partnership_id != partnership.pk for indicator in indicators):
        return _("Choose the key results among this partnership's own indicators.")
    count = len({indicator.pk for indicator in indicators})
    if KEY_RESULTS_MIN <= count <= KEY_RESULTS_MAX:
        return None
    return ngettext(
        "Choose 3 to 5 key results: %(count)d is chosen.", "Choose 3 to 5 key results: %(count)d are chosen.", count
    ) % {"count": count}


def public_story_save(
    *, partnership, by, key_results, photo_jpeg: bytes | None = None, remove_photo=False, **fields
) -> PublicStory:
    """Write the partnership's public story. `photo_jpeg`: a new photo (checked bytes); `remove_photo`: drop the
    one there is. Raises ValidationError with each refusal on its field."""
    access.require(by, "change", partnership)
    unknown = set(fields) - set(STORY_FIELDS)
    if unknown:
        raise TypeError(f"Unknown story fields: {sorted(unknown)}")
    key_results = list(key_results)
    with transaction.atomic():
        # The partnership's row first: two first saves of a story wait for each other instead of one failing.
        type(partnership).objects.select_for_update().filter(pk=partnership.pk).first()
        story = PublicStory.objects.select_for_update().filter(partnership=partnership).first()
        story = story or PublicStory(partnership=partnership)
        old_photo = story.photo.name if story.photo else ""
        for name, value in fields.items():
            setattr(story, name, value.strip() if isinstance(value, str) else value)
        errors = {}
        if refusal := key_results_refusal(partnership, key_results):
            errors["key_results"] = refusal
        keeps_photo = photo_jpeg is not None or (old_photo and not remove_photo)
        if keeps_photo and not story.photo_alt:
            errors["photo_alt"] = _("Describe what the photo shows, for readers who cannot see it.")
        if not keeps_photo:
            story.photo_consent = False  # a consent is for one photo: the next one needs its own
        try:
            story.full_clean(exclude=["photo", "partnership"])
        except ValidationError as exc:
            errors = {**exc.message_dict, **errors}
        if errors:
            raise ValidationError(errors)
        storage = PublicStory._meta.get_field("photo").storage
        if photo_jpeg is not None:
            story.photo.save("photo.jpg", ContentFile(photo_jpeg), save=False)  # under a generated name
        elif remove_photo:
            story.photo = ""
        new_photo = story.photo.name if story.photo else ""
        try:
            story.save()
            story.key_results.set(key_results)
        except Exception:
            if new_photo and new_photo != old_photo:
                storage.delete(new_photo)  # the write failed: no file nobody refers to
            raise
        if old_photo and old_photo != new_photo:
            transaction.on_commit(lambda: storage.delete(old_photo))
    return story
