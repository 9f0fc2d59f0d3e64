"""Helpers for the profile tests: real pictures made with Pillow."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def picture_bytes(
    fmt: str = "JPEG",
    size: tuple[int, int] = (400, 300),
    colour: tuple[int, ...] = (200, 80, 40),
    mode: str = "RGB",
    **save: object,
) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, format=fmt, **save)
    return out.getvalue()


def jpeg_with_gps() -> bytes:
    """A JPEG carrying EXIF with a GPS position, a camera model and an orientation, and an
    ICC profile: everything a stored picture must not keep."""
    image = Image.new("RGB", (300, 200), (10, 120, 200))
    exif = Image.Exif()
    exif[0x0110] = "Secret Camera 3000"  # Model
    exif[0x0112] = 6  # Orientation: rotate 90° to view
    gps = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    exif[0x8825] = gps  # GPSInfo
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, icc_profile=b"not-really-an-icc-profile")
    return out.getvalue()


def upload(
    data: bytes, name: str = "me.jpg", content_type: str = "image/jpeg"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
