"""Applications and uploads for the professionals tests, made through the real services."""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from mindwell.professionals.models import ProfessionalApplication
from mindwell.professionals.services import application_approve, application_submit

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def next_year() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=365)


def pdf_upload(name: str = "my licence.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def image_upload(fmt: str = "PNG", name: str = "scan.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def application_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "profession": "psychotherapist",
        "licence_number": "PT-12345",
        "issuing_body": "Health and Care Professions Council",
        "jurisdiction": "United Kingdom",
        "expires_on": next_year(),
    }
    fields.update(overrides)
    return fields


def make_application(user: Any, **overrides: Any) -> ProfessionalApplication:
    return application_submit(user=user, **application_fields(**overrides))


def make_verified(user: Any, reviewer: Any, **overrides: Any) -> ProfessionalApplication:
    application = make_application(user, **overrides)
    return application_approve(reviewer=reviewer, application_id=application.pk)
