"""Checking an uploaded licence document by what it contains, not by what it is called.

A file named licence.pdf can be anything; the first bytes say what it really is. Only PDF,
JPEG and PNG are accepted, up to 5 MB, and images must also open as images (Pillow), so a
script with a PNG signature in front is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext
from PIL import Image, UnidentifiedImageError

from mindwell.core.errors import ServiceError

MAX_BYTES = 5 * 1024 * 1024
ACCEPTED_DESCRIPTION = "a PDF, JPEG or PNG file"


@dataclass(frozen=True)
class DocumentKind:
    content_type: str
    extension: str
    signature: bytes
    is_image: bool


KINDS = (
    DocumentKind("application/pdf", ".pdf", b"%PDF-", is_image=False),
    DocumentKind("image/jpeg", ".jpg", b"\xff\xd8\xff", is_image=True),
    DocumentKind("image/png", ".png", b"\x89PNG\r\n\x1a\n", is_image=True),
)
# What the file picker offers; the server still decides by content.
ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"


def sniff(head: bytes) -> DocumentKind | None:
    for kind in KINDS:
        if head.startswith(kind.signature):
            return kind
    return None


def document_check(upload: Any) -> DocumentKind:
    """The kind of an uploaded file, or a ServiceError saying why it is refused."""
    size = upload.size or 0
    if size == 0:
        raise ServiceError(
            gettext("The document is empty. Please choose the file again."), field="document"
        )
    if size > MAX_BYTES:
        megabytes = size / (1024 * 1024)
        raise ServiceError(
            (
                gettext(
                    "The document is %(megabytes)s MB; the limit is 5 MB. A scan at a "
                    "lower resolution, or a PDF, is usually small enough."
                )
                % {"megabytes": f"{megabytes:.1f}"}
            ),
            field="document",
        )
    upload.seek(0)
    kind = sniff(upload.read(16))
    if kind is None or (kind.is_image and not _opens_as_image(upload)):
        raise ServiceError(
            (
                gettext(
                    "The document must be %(ACCEPTED_DESCRIPTION)s; this file is not one, "
                    "whatever its name says."
                )
                % {"ACCEPTED_DESCRIPTION": ACCEPTED_DESCRIPTION}
            ),
            field="document",
        )
    upload.seek(0)
    return kind


def _opens_as_image(upload: Any) -> bool:
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError):
        return False
    return True
