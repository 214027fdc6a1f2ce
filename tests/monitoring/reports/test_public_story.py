"""The public story page: the secretariat writes the story, uploads a photo (checked by its content, stored as a
fresh JPEG without its metadata, previewed through a permission-checked view), records the consent and picks 3 to
5 key results. Bad input comes back on the form with what was typed (400), nothing stored, never an error page.
Partners and donors 403, outsiders 404. The page runs the same number of queries with 5 or 50 indicators."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from monitoring import photos
from monitoring.models import PublicStory
from tests.factories import PartnershipFactory
from tests.monitoring import factories as f
from tests.monitoring.reports.stories import jpeg_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def indicators(partnership):
    return [f.IndicatorFactory(partnership=partnership, name=f"Result {i}") for i in range(6)]


def url(partnership, name="public_story"):
    return reverse(f"monitoring:{name}", args=[partnership.pk])


def data(indicators, count=3, **extra):
    return {
        "headline": "A harvest that doubled",
        "story": "Ama's cooperative learned to prune.",
        "quote": "We sell together now.",
        "quote_by": "Ama Mensah",
        "photo_alt": "",
        "why_it_matters": "Farmers earn too little.",
        "how_we_work": "We meet every quarter.",
        "whats_next": "Two more districts.",
        "contact": "hello@example.org",
        "key_results": [i.pk for i in indicators[:count]],
        **extra,
    }


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def post(client, user, partnership, payload):
    client.force_login(user)
    return client.post(url(partnership), payload)


def refused(response, field, words):
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert words in errors, errors


def test_the_secretariat_writes_the_story(client, partnership, secretariat, indicators):
    response = post(client, secretariat, partnership, data(indicators, count=4))
    assert response.status_code == 302
    story = PublicStory.objects.get(partnership=partnership)
    assert story.headline == "A harvest that doubled"
    assert sorted(story.key_results.values_list("pk", flat=True)) == [i.pk for i in indicators[:4]]
    page = client.get(url(partnership)).content.decode()
    assert "The public story is saved." in page
    assert 'value="A harvest that doubled"' in page
    assert "No photo yet." in page


def test_the_page_says_what_to_do_without_enough_indicators(client, partnership, secretariat):
    f.IndicatorFactory(partnership=partnership)
    client.force_login(secretariat)
    page = client.get(url(partnership)).content.decode()
    assert "Not enough indicators for the key results yet." in page
    assert reverse("monitoring:indicator_add", args=[partnership.pk]) in page


def test_a_photo_is_stored_as_a_fresh_jpeg_without_its_metadata(
    client, partnership, secretariat, indicators, django_capture_on_commit_callbacks
):
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0132] = "2026:01:01 10:00:00"  # DateTime
    png = jpeg_bytes((300, 200), fmt="PNG")
    payload = data(indicators, photo=upload(jpeg_bytes((300, 200), exif=exif.tobytes())), photo_alt="Ama")
    payload["photo_consent"] = "on"
    assert post(client, secretariat, partnership, payload).status_code == 302
    story = PublicStory.objects.get(partnership=partnership)
    assert story.photo_shown and story.photo.name.startswith("stories/") and story.photo.name.endswith(".jpg")
    assert "photo" not in story.photo.name.rsplit("/", 1)[-1]  # a generated name, not the one sent
    stored = story.photo.read()
    assert b"SecretCam" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG" and not image.getexif()
    # The preview, through the permission-checked view.
    preview = client.get(url(partnership, "public_story_photo"))
    assert preview.status_code == 200 and preview["Content-Type"] == "image/jpeg"
    assert b"".join(preview.streaming_content) == stored
    page = client.get(url(partnership)).content.decode()
    assert "Consent is recorded: public reports include it." in page
    # A PNG replaces it; the old file goes.
    old = story.photo.name
    payload = data(indicators, photo=upload(png, "p.png", "image/png"), photo_alt="Ama", photo_consent="on")
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, secretariat, partnership, payload).status_code == 302
    story.refresh_from_db()
    assert story.photo.name != old and not story.photo.storage.exists(old)


def test_a_text_file_named_jpg_is_refused(client, partnership, secretariat, indicators):
    payload = data(indicators, photo=upload(b"just some text, not a picture"), photo_alt="Ama")
    response = post(client, secretariat, partnership, payload)
    refused(response, "photo", "not a photo we can read")
    assert "A harvest that doubled" in response.content.decode()  # what was typed is kept
    assert not PublicStory.objects.exists()


def test_a_gif_is_refused(client, partnership, secretariat, indicators):
    payload = data(indicators, photo=upload(jpeg_bytes(fmt="GIF"), "a.gif", "image/gif"), photo_alt="Ama")
    refused(post(client, secretariat, partnership, payload), "photo", "JPEG, PNG or WebP")


def test_a_photo_too_large_or_with_too_many_pixels_is_refused(
    client, partnership, secretariat, indicators, monkeypatch
):
    monkeypatch.setattr(photos, "MAX_BYTES", 1000)
    payload = data(indicators, photo=upload(b"\xff" * 2000), photo_alt="Ama")
    refused(post(client, secretariat, partnership, payload), "photo", "the limit is 0 MB")
    monkeypatch.setattr(photos, "MAX_BYTES", 8 * 1024 * 1024)
    monkeypatch.setattr(photos, "MAX_PIXELS", 100)
    payload = data(indicators, photo=upload(jpeg_bytes((20, 20))), photo_alt="Ama")
    refused(post(client, secretariat, partnership, payload), "photo", "too many pixels (20 × 20)")


def test_a_photo_needs_its_description(client, partnership, secretariat, indicators):
    response = post(client, secretariat, partnership, data(indicators, photo=upload(jpeg_bytes())))
    refused(response, "photo_alt", "Describe what the photo shows")
    assert not PublicStory.objects.exists()


@pytest.mark.parametrize("count", [2, 6])
def test_fewer_than_3_or_more_than_5_key_results_are_refused(client, partnership, secretariat, indicators, count):
    response = post(client, secretariat, partnership, data(indicators, count=count))
    refused(response, "key_results", f"Choose 3 to 5 key results: {count} are chosen.")
    assert not PublicStory.objects.exists()


def test_another_partnerships_indicator_is_refused(client, partnership, secretariat, indicators):
    other = f.IndicatorFactory(partnership=PartnershipFactory(name="Elsewhere"))
    payload = data(indicators, count=2)
    payload["key_results"].append(other.pk)
    response = post(client, secretariat, partnership, payload)
    refused(response, "key_results", "among this partnership's own indicators")
    assert not PublicStory.objects.exists()


def test_huge_strings_are_refused_and_kept(client, partnership, secretariat, indicators):
    payload = data(indicators, headline="h" * 5000, story="s" * 50_000, quote="q" * 5000)
    response = post(client, secretariat, partnership, payload)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"headline", "story", "quote"} <= set(errors)
    assert "A harvest" not in response.content.decode() and "h" * 5000 in response.content.decode()
    assert not PublicStory.objects.exists()


def test_a_headline_with_a_line_break_is_refused(client, partnership, secretariat, indicators):
    response = post(client, secretariat, partnership, data(indicators, headline="Two\nlines"))
    refused(response, "headline", "must fit on one line")


def test_removing_the_photo_drops_the_consent(
    client, partnership, secretariat, indicators, django_capture_on_commit_callbacks
):
    payload = data(indicators, photo=upload(jpeg_bytes()), photo_alt="Ama", photo_consent="on")
    post(client, secretariat, partnership, payload)
    old = PublicStory.objects.get().photo.name
    with django_capture_on_commit_callbacks(execute=True):
        post(client, secretariat, partnership, data(indicators, remove_photo="on", photo_consent="on"))
    story = PublicStory.objects.get()
    assert not story.photo and not story.photo_consent
    assert not story.photo.storage.exists(old)
    assert client.get(url(partnership, "public_story_photo")).status_code == 404


@pytest.mark.parametrize(("who", "status"), [("partner", 403), ("donor", 403), ("outsider", 404)])
def test_only_the_secretariat_writes_and_sees_the_photo(client, users, partnership, indicators, who, status):
    from tests.monitoring.reports.stories import story_with_photo

    story_with_photo(partnership)
    client.force_login(users[who])
    assert client.get(url(partnership)).status_code == status
    assert client.get(url(partnership, "public_story_photo")).status_code == status
    assert client.post(url(partnership), data(indicators)).status_code == status
    assert PublicStory.objects.get().headline == "A harvest that doubled"


def _queries(client, partnership):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url(partnership)).status_code == 200
    return len(captured)


def test_the_page_runs_a_fixed_number_of_queries(client, partnership, secretariat):
    from tests.monitoring.reports.stories import story_with_photo

    story = story_with_photo(partnership)
    story.key_results.set([f.IndicatorFactory(partnership=partnership) for _ in range(5)])
    client.force_login(secretariat)
    small = _queries(client, partnership)
    for _ in range(45):
        f.IndicatorFactory(partnership=partnership)
    assert _queries(client, partnership) == small


def test_a_decompression_bomb_is_refused_before_it_is_decoded(client, partnership, secretariat, indicators):
    bomb = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(bomb, "PNG")  # 100 megapixels in a few kilobytes
    assert len(bomb.getvalue()) < 100_000
    payload = data(indicators, photo=upload(bomb.getvalue(), "bomb.png", "image/png"), photo_alt="Ama")
    refused(post(client, secretariat, partnership, payload), "photo", "too many pixels (10000 × 10000)")


def test_the_service_holds_the_rules_for_any_caller(partnership, secretariat, partner, indicators):
    from django.core.exceptions import PermissionDenied, ValidationError

    from monitoring.services.stories import public_story_save

    other = f.IndicatorFactory(partnership=PartnershipFactory(name="Elsewhere"))
    with pytest.raises(ValidationError) as refused_:
        public_story_save(partnership=partnership, by=secretariat, key_results=[*indicators[:2], other])
    assert "among this partnership's own indicators" in str(refused_.value.message_dict["key_results"])
    with pytest.raises(ValidationError) as refused_:
        public_story_save(
            partnership=partnership, by=secretariat, key_results=indicators[:3], photo_jpeg=jpeg_bytes(), photo_alt=""
        )
    assert "photo_alt" in refused_.value.message_dict
    with pytest.raises(PermissionDenied):
        public_story_save(partnership=partnership, by=partner, key_results=indicators[:3], headline="Mine")
    assert not PublicStory.objects.exists()
    story = public_story_save(
        partnership=partnership, by=secretariat, key_results=indicators[:3], photo_jpeg=jpeg_bytes(),
        photo_alt="Ama", photo_consent=True, headline="  Spaces trimmed  ",
    )  # fmt: skip
    assert story.headline == "Spaces trimmed" and story.photo_shown
