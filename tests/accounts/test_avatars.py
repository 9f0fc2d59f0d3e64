"""Profile pictures: checked, re-encoded without metadata, stored, served, replaced; and the
pictures made from names, and Gravatar only when the site turns it on."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from mindwell.accounts import avatars
from mindwell.accounts.models import User
from mindwell.siteconfig.models import SiteSettings
from tests.accounts.auth_helpers import text
from tests.accounts.profile_helpers import jpeg_with_gps, picture_bytes, upload
from tests.factories import make_question, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    """Uploads go to a folder of the test's own."""
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def stored_files(root: Path) -> list[Path]:
    folder = root / "avatars"
    return sorted(folder.iterdir()) if folder.exists() else []


def post_picture(client, data: bytes, name: str = "me.jpg", content_type: str = "image/jpeg"):
    return client.post("/accounts/profile/picture/", {"picture": upload(data, name, content_type)})


# --- processing -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "mode", "colour"),
    [("JPEG", "RGB", (200, 80, 40)), ("PNG", "RGBA", (0, 128, 0, 128)), ("WEBP", "RGB", (1, 2, 3))],
)
def test_each_accepted_format_becomes_two_square_webp_files(fmt, mode, colour):
    processed = avatars.process_avatar(picture_bytes(fmt, (640, 480), colour, mode))
    for data, size in ((processed.large, 256), (processed.small, 64)):
        image = Image.open(io.BytesIO(data))
        assert image.format == "WEBP"
        assert image.size == (size, size)
    # A transparent PNG stays transparent.
    assert (Image.open(io.BytesIO(processed.large)).mode == "RGBA") is (mode == "RGBA")


def test_an_animated_gif_gives_its_first_frame():
    frames = [Image.new("RGB", (80, 80), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    processed = avatars.process_avatar(out.getvalue())
    red, green, blue, *_ = (
        Image.open(io.BytesIO(processed.large)).convert("RGB").getpixel((128, 128))
    )
    assert red > 200 and blue < 60


def test_exif_gps_camera_and_icc_are_stripped_and_the_photo_is_turned_upright():
    original = Image.open(io.BytesIO(jpeg_with_gps()))
    assert original.getexif().get_ifd(0x8825), "the test picture must carry GPS to prove anything"
    assert "icc_profile" in original.info
    processed = avatars.process_avatar(jpeg_with_gps())
    for data in (processed.large, processed.small):
        stored = Image.open(io.BytesIO(data))
        assert len(stored.getexif()) == 0
        assert not {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp"} & set(stored.info)
        assert b"Secret Camera" not in data and b"Exif" not in data


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    # 6,000 x 6,000 one-bit pixels compress to a few kilobytes but would decode to 36
    # megapixels (and, as RGB, over 100 MB).
    bomb = picture_bytes("PNG", (6000, 6000), 0, "1")
    assert len(bomb) < 200_000
    with pytest.raises(avatars.AvatarError) as error:
        avatars.process_avatar(bomb)
    assert "6,000 × 6,000 pixels; the most allowed is 25 megapixels" in error.value.message


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4 not a picture at all", "Please choose a JPEG, PNG, WebP or GIF picture"),
        (picture_bytes("BMP", (50, 50)), "Please choose a JPEG, PNG, WebP or GIF picture"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "Please choose a JPEG, PNG"),
        (picture_bytes("JPEG", (300, 300))[:400], "could not be read; the file may be damaged"),
    ],
)
def test_wrong_types_and_damaged_files_are_refused_with_a_clear_message(data, message):
    with pytest.raises(avatars.AvatarError) as error:
        avatars.process_avatar(data)
    assert message in error.value.message


def test_too_large_uploads_are_refused_before_reading():
    with pytest.raises(avatars.AvatarError) as error:
        avatars.read_upload(upload(b"x" * 3000), max_bytes=2048)
    assert error.value.message == (
        "That picture is 3 KB; the largest allowed is 2 KB. Please choose a smaller one."
    )


# --- uploading through the page -------------------------------------------------------------


def test_upload_stores_random_names_and_the_profile_shows_the_picture(client, member, media):
    client.force_login(member)
    response = post_picture(client, jpeg_with_gps())
    assert response.status_code == 302
    member.refresh_from_db()
    assert re.fullmatch(r"avatars/[0-9a-f]{32}\.webp", member.avatar.name)
    assert member.avatar_small.name == member.avatar.name.replace(".webp", "-64.webp")
    assert member.avatar_updated_at is not None
    files = stored_files(media)
    assert len(files) == 2
    for path in files:  # what is on disk has no metadata either
        stored = Image.open(path)
        assert len(stored.getexif()) == 0 and "icc_profile" not in stored.info
    profile = text(client.get(f"/users/{member.username}/"))
    large_url = f"/media/{member.avatar.name}"
    assert f'src="{large_url}"' in profile


def test_replacing_and_removing_delete_the_old_files(
    client, member, media, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        post_picture(client, picture_bytes("PNG", (100, 100), (1, 1, 1)), "a.png")
    first = stored_files(media)
    with django_capture_on_commit_callbacks(execute=True):
        post_picture(client, picture_bytes("JPEG", (100, 100), (9, 9, 9)))
    second = stored_files(media)
    assert len(second) == 2 and not set(first) & set(second)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/profile/picture/remove/")
    assert response.status_code == 302
    assert stored_files(media) == []
    member.refresh_from_db()
    assert not member.avatar and not member.avatar_small


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"MZ\x90\x00 an executable", "me.jpg", "Please choose a JPEG, PNG, WebP or GIF picture"),
        (
            picture_bytes("PNG", (6000, 6000), 0, "1"),
            "big.png",
            "the most allowed is 25 megapixels",
        ),
    ],
)
def test_refused_uploads_say_why_and_store_nothing(client, member, media, data, name, message):
    client.force_login(member)
    response = post_picture(client, data, name)
    assert response.status_code == 400
    assert message in text(response)
    assert stored_files(media) == []
    member.refresh_from_db()
    assert not member.avatar


def test_the_size_limit_comes_from_the_site_settings(client, member, media):
    site = SiteSettings.current()
    site.avatar_max_kb = 16
    site.save()
    client.force_login(member)
    big = picture_bytes("PNG", (300, 300), (0, 0, 0), "RGB", compress_level=0)
    assert len(big) > 16 * 1024
    response = post_picture(client, big, "big.png")
    assert response.status_code == 400
    assert "the largest allowed is 16 KB" in text(response)


def test_a_silenced_member_cannot_change_their_picture(client, member, media):
    from datetime import timedelta

    from django.utils import timezone

    User.objects.filter(pk=member.pk).update(silenced_until=timezone.now() + timedelta(days=1))
    client.force_login(member)
    response = post_picture(client, picture_bytes())
    assert response.status_code == 403
    assert "Your account is silenced until" in text(response)
    assert stored_files(media) == []


def test_uploading_needs_a_login_and_a_post(client, media):
    assert client.post("/accounts/profile/picture/")["Location"].startswith("/accounts/login/")
    client.force_login(make_user())
    assert client.get("/accounts/profile/picture/").status_code == 405


# --- serving --------------------------------------------------------------------------------


def test_stored_pictures_are_served_with_long_caching_and_nosniff(client, member, media):
    client.force_login(member)
    post_picture(client, picture_bytes())
    member.refresh_from_db()
    response = client.get(f"/media/{member.avatar_small.name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert "max-age=31536000" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    body = b"".join(response.streaming_content)
    assert Image.open(io.BytesIO(body)).size == (64, 64)


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "secret.txt", "0123456789abcdef0123456789abcdef.webp", "a.webp"]
)
def test_only_existing_avatar_files_can_be_served(client, media, name):
    (media / "secret.txt").write_text("private")
    assert client.get(f"/media/avatars/{name}").status_code == 404


# --- pictures made from names, Gravatar -----------------------------------------------------


def test_the_default_picture_is_an_svg_of_the_initials_without_any_query(
    client, db, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/users/anna_maria/avatar.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "max-age=86400" in response["Cache-Control"]
    svg = response.content.decode()
    assert ">AM</text>" in svg
    assert avatars.colour_for("anna_maria") in svg
    assert "<script" not in svg and "href" not in svg


def test_names_cannot_inject_markup_into_the_svg():
    svg = avatars.default_avatar_svg("<b>&x")
    assert "<b>" not in svg and ">BX</text>" in svg


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("colour", avatars.PALETTE)
def test_every_background_gives_white_initials_enough_contrast(colour):
    assert 1.05 / (_luminance(colour) + 0.05) >= 4.5


def test_no_third_party_is_contacted_unless_gravatar_is_turned_on(client, member, question):
    page = text(client.get(question.get_absolute_url()))
    assert "gravatar.com" not in page
    assert f'src="/users/{member.username}/avatar.svg"' in page
    site = SiteSettings.current()
    site.gravatar_enabled = True
    site.save()
    page = text(client.get(question.get_absolute_url()))
    import hashlib

    digest = hashlib.sha256(member.email.lower().encode()).hexdigest()
    assert f"https://www.gravatar.com/avatar/{digest}?s=48&d=identicon" in page


def test_an_uploaded_picture_wins_over_gravatar(client, member, media):
    site = SiteSettings.current()
    site.gravatar_enabled = True
    site.save()
    client.force_login(member)
    post_picture(client, picture_bytes())
    member.refresh_from_db()
    page = text(client.get(make_question(author=member).get_absolute_url()))
    assert f'src="/media/{member.avatar_small.name}"' in page
    assert "gravatar.com" not in page


def test_avatars_are_decorative_and_lazy_next_to_the_name(client, member, question):
    page = text(client.get(question.get_absolute_url()))
    tag = re.search(r'<img class="avatar"[^>]*>', page)
    assert tag is not None
    assert 'alt=""' in tag.group(0) and 'loading="lazy"' in tag.group(0)
    assert 'width="24" height="24"' in tag.group(0)
