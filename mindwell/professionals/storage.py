"""Where licence documents are kept: a folder no URL points to.

Documents prove who someone is (names, licence numbers, sometimes a photo), so they never get
a public URL. They live under MEDIA_ROOT/private/, each in a folder with a random name, and
only the staff download view streams them. A deployment whose web server serves MEDIA_ROOT
must deny /private/ there too; the random names are a second line, not the first.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.utils.functional import cached_property

PRIVATE_FOLDER = "private"
S3_BACKEND = "storages.backends.s3.S3Storage"


class PrivateStorage(FileSystemStorage):
    """MEDIA_ROOT/private, read when first used (so tests that change MEDIA_ROOT get theirs:
    FileSystemStorage forgets these cached properties when MEDIA_ROOT changes)."""

    @cached_property
    def base_location(self) -> str:  # type: ignore[override]
        return str(Path(settings.MEDIA_ROOT) / PRIVATE_FOLDER)

    @cached_property
    def base_url(self) -> None:  # type: ignore[override]
        return None

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL; staff download them through a view.")


def private_storage() -> Storage:
    """The uploads' own backend: MEDIA_ROOT/private, or the S3-compatible bucket's private/
    folder when uploads go to a bucket (MINDWELL_S3_BUCKET), so every app server finds the
    documents."""
    default = settings.STORAGES["default"]
    if default["BACKEND"] == S3_BACKEND:
        from storages.backends.s3 import S3Storage  # noqa: PLC0415 (only with a bucket)

        class PrivateS3Storage(S3Storage):  # type: ignore[misc]
            def url(self, *args: Any, **kwargs: Any) -> str:
                raise ValueError("Private files have no URL; staff download them through a view.")

        options = dict(default.get("OPTIONS", {}))
        prefix = str(options.get("location", "")).strip("/")
        options["location"] = f"{prefix}/{PRIVATE_FOLDER}" if prefix else PRIVATE_FOLDER
        options["default_acl"] = "private"
        return PrivateS3Storage(**options)
    # Readable by the site's own user only, on a shared machine too.
    return PrivateStorage(file_permissions_mode=0o600, directory_permissions_mode=0o700)


def document_path(instance: Any, filename: str) -> str:
    """professionals/<random>/<random>.<ext>: the uploaded name is never used, so it can
    neither reveal anything nor be guessed. The service has set the right extension."""
    extension = Path(filename).suffix.lower()
    return f"professionals/{secrets.token_hex(16)}/{secrets.token_hex(12)}{extension}"
