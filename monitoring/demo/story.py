"""The cocoa demo's public story: a farmer's account, a quote, a photo with consent recorded, and four key results.
The "photo" is an illustration drawn here (a cocoa field under shade trees), so the demo ships no picture of a real
person. Idempotent: a partnership that has a story keeps it."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from ..models import Indicator, PublicStory

COCOA = {
    "headline": "How Ama's cooperative grew more cocoa with less forest",
    "story": (
        "Ama Mensah has farmed cocoa near Goaso for twenty years. Her trees were old, the pods small, and the price "
        "never covered the family's needs.\n\n"
        "Through the partnership, her cooperative's staff learned to map every farm, and Ama joined a training on "
        "pruning, shade trees and composting. She planted forty shade trees in one season. Her harvest is up, and "
        "the cooperative now sells beans that buyers can trace to her farm, with a premium paid on every tonne."
    ),
    "quote": "Before, we cut the forest to find new soil. Now my old farm feeds us again, and the shade trees stay.",
    "quote_by": "Ama Mensah, cocoa farmer and cooperative member, Goaso",
    "photo_alt": "An illustration of a cocoa farm: young cocoa trees in rows under tall shade trees, hills behind.",
    "photo_consent": True,
    "why_it_matters": (
        "Most cocoa farmers in Ghana and Côte d'Ivoire earn less than a living income, children still work on "
        "some farms, and forest is cleared for new plots. No company, government or cooperative can change this "
        "alone: the partnership brings them together around the same farms."
    ),
    "how_we_work": (
        "A steering committee of all members meets every quarter and decides by consensus. Working groups on "
        "traceability and on child protection prepare the decisions; the secretariat keeps the plan, the budget "
        "and the figures, which each member checks before they are published."
    ),
    "whats_next": (
        "Next season the partnership extends farm mapping to two more districts and pays the living-income "
        "premium on a larger share of the tonnes sourced."
    ),
    "contact": "secretariat@cocoa-partnership.example · www.cocoa-partnership.example",
}
KEY_RESULTS = [
    "Farmers trained in good agricultural practice",
    "Farms mapped with polygons",
    "Hectares under agroforestry",
    "Share of cocoa volume traceable to the farm",
]


def illustration() -> bytes:
    """A simple picture of a cocoa farm under shade trees, as a JPEG."""
    width, height = 1200, 700
    image = Image.new("RGB", (width, height), (250, 226, 190))
    draw = ImageDraw.Draw(image)
    for y in range(380):  # a warm morning sky
        shade = int(y / 380 * 60)
        draw.line([(0, y), (width, y)], fill=(255 - shade // 3, 214 - shade // 2, 160 - shade))
    draw.ellipse([880, 70, 1000, 190], fill=(255, 238, 170))
    draw.polygon([(0, 380), (260, 250), (520, 360), (800, 230), (1200, 350), (1200, 700), (0, 700)], fill=(96, 140, 82))
    draw.rectangle([0, 430, width, height], fill=(70, 110, 60))
    for x in range(80, width, 260):  # tall shade trees
        draw.rectangle([x + 40, 300, x + 58, 520], fill=(92, 62, 40))
        draw.ellipse([x - 30, 200, x + 130, 350], fill=(40, 92, 50))
    for row, y in enumerate(range(500, 700, 60)):  # rows of young cocoa trees with pods
        for x in range(30 + (row % 2) * 45, width, 90):
            draw.rectangle([x + 16, y, x + 22, y + 40], fill=(100, 70, 45))
            draw.ellipse([x, y - 30, x + 40, y + 10], fill=(58, 128, 62))
            draw.ellipse([x + 22, y + 8, x + 32, y + 24], fill=(214, 128, 40))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def load(partnership, by=None):
    if PublicStory.objects.filter(partnership=partnership).exists():
        return
    story = PublicStory(partnership=partnership, **COCOA)
    story.photo.save("photo.jpg", ContentFile(illustration()), save=False)
    story.save()
    story.key_results.set(Indicator.objects.filter(partnership=partnership, name__in=KEY_RESULTS))
