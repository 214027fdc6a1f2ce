"""Public stories for tests: a photo made with Pillow, stored as the service stores it."""

import io

from django.core.files.base import ContentFile
from PIL import Image

from monitoring.models import PublicStory


def jpeg_bytes(size=(64, 48), colour=(200, 120, 40), *, fmt="JPEG", exif=None) -> bytes:
    out = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, colour).save(out, fmt, **options)
    return out.getvalue()


def story_with_photo(partnership, *, consent=True, key_results=(), **fields) -> PublicStory:
    story = PublicStory(
        partnership=partnership,
        headline=fields.pop("headline", "A harvest that doubled"),
        story=fields.pop("story", "Ama's cooperative learned to prune and to share dryers."),
        quote=fields.pop("quote", "We sell together now."),
        quote_by=fields.pop("quote_by", "Ama Mensah, farmer"),
        photo_alt=fields.pop("photo_alt", "Ama standing in her cocoa field"),
        photo_consent=consent,
        **fields,
    )
    story.photo.save("photo.jpg", ContentFile(jpeg_bytes((400, 300))), save=False)
    story.save()
    story.key_results.set(key_results)
    return story
