"""Profile pictures: uploads checked and re-encoded, or a picture made from the name.

An upload is never stored as it was sent. Pillow first reads only the file's header: a file
that is not JPEG, PNG, WebP or GIF, or that claims more pixels than MAX_PIXELS, is refused
before anything is decoded (a few kilobytes can claim gigapixels: a decompression bomb).
Then its first frame is decoded, turned upright by its EXIF orientation, cropped to a square
and written as new WebP files built from the pixels alone, so EXIF (GPS position, camera),
ICC profiles and XMP never reach the disk. File names are random, so a new picture has a new
address and every picture can be cached for good.

Without an upload a member gets an SVG made from their name: initials on a colour chosen by
a hash of the name. Gravatar is asked only when the administrator turns it on, because every
page would then make readers' browsers contact gravatar.com.
"""

from __future__ import annotations

import hashlib
import io
import re
import secrets
import warnings
from dataclasses import dataclass
from html import escape
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image, ImageOps, UnidentifiedImageError

from mindwell.core.errors import ServiceError

FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
FORMAT_NAMES = "JPEG, PNG, WebP or GIF"
# 25 megapixels (5000 x 5000) is more than any phone camera needs for a face; decoding one
# takes about 100 MB, which is as much as one upload should cost the server.
MAX_PIXELS = 25_000_000
LARGE, SMALL = 256, 64
FOLDER = "avatars"
NAME_PATTERN = re.compile(r"[0-9a-f]{32}(?:-64)?\.webp")
WEBP_QUALITY = 85

# Dark enough for white initials to pass WCAG AA (4.5:1) on each; tests check the ratio.
PALETTE = (
    "#2f6f5e",
    "#1f5c8f",
    "#8a2b1f",
    "#6b3fa0",
    "#a0410d",
    "#35601f",
    "#7a2f6b",
    "#2d4a8a",
    "#5c5346",
    "#00695c",
    "#8c3b52",
    "#44546a",
)


class AvatarError(ServiceError):
    """An upload that cannot become a profile picture, with what to do instead."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="picture")


@dataclass(frozen=True)
class ProcessedAvatar:
    large: bytes
    small: bytes


def size_label(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")


def read_upload(upload: Any, *, max_bytes: int) -> bytes:
    """The uploaded bytes, refusing an empty or too large file before reading it all."""
    too_big = "That picture is {size}; the largest allowed is {limit}. Please choose a smaller one."
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise AvatarError(too_big.format(size=size_label(size), limit=size_label(max_bytes)))
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise AvatarError(
            too_big.format(size=f"over {size_label(max_bytes)}", limit=size_label(max_bytes))
        )
    if not data:
        raise AvatarError("That file is empty. Please choose a picture.")
    return bytes(data)


def process_avatar(data: bytes) -> ProcessedAvatar:
    """Check `data` is a picture within the limits and return it re-encoded, square, at the
    two sizes, without metadata. Raises AvatarError saying what is wrong."""
    wrong_type = f"Please choose a {FORMAT_NAMES} picture; that file is not one."
    unreadable = "That picture could not be read; the file may be damaged. Please try another."
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice it; here that is a refusal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=FORMATS) as probe:
                _check_pixels(*probe.size)
                probe.verify()
            with Image.open(io.BytesIO(data), formats=FORMATS) as image:
                image.seek(0)  # an animated GIF or WebP gives its first frame
                image.load()
                upright = ImageOps.exif_transpose(image)
                square = _square(upright)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise AvatarError(_pixels_message()) from None
        except UnidentifiedImageError:
            raise AvatarError(wrong_type) from None
        except (OSError, SyntaxError, ValueError, EOFError):
            raise AvatarError(unreadable) from None
    return ProcessedAvatar(large=_encode(square, LARGE), small=_encode(square, SMALL))


def _pixels_message(width: int | None = None, height: int | None = None) -> str:
    size = f"{width:,} × {height:,} pixels" if width and height else "too many pixels"
    return (
        f"That picture is {size}; the most allowed is {MAX_PIXELS // 1_000_000} megapixels "
        "(for example 5,000 × 5,000). Please choose a smaller one."
    )


def _check_pixels(width: int, height: int) -> None:
    if width < 1 or height < 1:
        raise AvatarError("That picture has no pixels. Please choose another.")
    if width * height > MAX_PIXELS:
        raise AvatarError(_pixels_message(width, height))


def _square(image: Image.Image) -> Image.Image:
    """The centre square at the large size, in RGB, or RGBA when the picture has
    transparency (a logo on a clear background stays clear)."""
    transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    converted = image.convert("RGBA" if transparent else "RGB")
    fitted = ImageOps.fit(converted, (LARGE, LARGE), method=Image.Resampling.LANCZOS)
    # A new image from the pixels alone: nothing of the upload's info (EXIF, ICC, XMP,
    # comments) can be carried into the files written from it.
    return Image.frombytes(fitted.mode, fitted.size, fitted.tobytes())


def _encode(square: Image.Image, size: int) -> bytes:
    image = (
        square if size == square.width else square.resize((size, size), Image.Resampling.LANCZOS)
    )
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=WEBP_QUALITY, method=4)
    return out.getvalue()


# --- files ----------------------------------------------------------------------------------


def avatar_files_store(processed: ProcessedAvatar) -> tuple[str, str]:
    """Write both sizes under random names; returns their storage names."""
    token = secrets.token_hex(16)
    large = default_storage.save(f"{FOLDER}/{token}.webp", ContentFile(processed.large))
    small = default_storage.save(f"{FOLDER}/{token}-{SMALL}.webp", ContentFile(processed.small))
    return large, small


def avatar_files_delete(names: list[str]) -> None:
    for name in names:
        if name and name.startswith(f"{FOLDER}/"):
            default_storage.delete(name)


def stored_name(file_name: str) -> str | None:
    """The storage name behind an /media/avatars/<file_name> address, or None when the
    name is not one this module writes (no other file is ever served from there)."""
    if not NAME_PATTERN.fullmatch(file_name):
        return None
    return f"{FOLDER}/{file_name}"


# --- addresses ------------------------------------------------------------------------------


def avatar_url(user: Any, size: int = SMALL, *, gravatar: bool = False) -> str:
    """The address of `user`'s picture shown `size` CSS pixels wide (files have twice the
    pixels, for high-density screens): their upload, else Gravatar when the site allows it
    (`gravatar`), else the picture made from their name."""
    name = (user.avatar_small if size * 2 <= SMALL else user.avatar).name if user.avatar else ""
    if name:
        return reverse("avatar-file", args=[name.rsplit("/", 1)[-1]])
    if gravatar and user.email:
        return gravatar_url(user.email, size)
    return reverse("default-avatar", args=[user.username])


def gravatar_url(email: str, size: int) -> str:
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    # Twice the size, for sharp pictures on high-density screens.
    return f"https://www.gravatar.com/avatar/{digest}?s={size * 2}&d=identicon"


def initials(username: str) -> str:
    """ "anna_maria" -> "AM", "noor" -> "N"."""
    parts = re.findall(r"[^\W_]+", username)
    letters = "".join(part[0] for part in parts[:2])
    return letters.upper() or "?"


def colour_for(username: str) -> str:
    digest = hashlib.sha256(username.encode()).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def default_avatar_svg(username: str) -> str:
    letters = escape(initials(username))
    font_size = 28 if len(letters) > 1 else 34
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">'
        f'<rect width="64" height="64" fill="{colour_for(username)}"/>'
        '<text x="32" y="32" dy=".35em" text-anchor="middle" fill="#ffffff" '
        'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif" '
        f'font-size="{font_size}" font-weight="600">{letters}</text></svg>'
    )
