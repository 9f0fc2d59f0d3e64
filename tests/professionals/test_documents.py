"""Documents are judged by their first bytes (and images by opening them), not by name."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mindwell.core.errors import ServiceError
from mindwell.professionals.documents import MAX_BYTES, document_check
from tests.professionals.helpers import PDF, image_upload, pdf_upload


def test_a_pdf_is_accepted_by_its_signature():
    kind = document_check(pdf_upload())
    assert (kind.content_type, kind.extension) == ("application/pdf", ".pdf")


@pytest.mark.parametrize(("fmt", "content_type"), [("PNG", "image/png"), ("JPEG", "image/jpeg")])
def test_real_images_are_accepted(fmt, content_type):
    assert document_check(image_upload(fmt, name="licence.bin")).content_type == content_type


def test_a_pdf_named_like_an_image_is_still_a_pdf():
    assert document_check(pdf_upload(name="photo.png")).content_type == "application/pdf"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("licence.pdf", b"MZ\x90\x00 this is a Windows program"),
        ("licence.pdf", b"<html><script>alert(1)</script></html>"),
        ("licence.png", b"\x89PNG\r\n\x1a\n" + b"<script>not really an image</script>"),
        ("licence.jpg", b"\xff\xd8\xff" + b"\x00" * 64),
        ("licence.gif", b"GIF89a" + b"\x00" * 64),
    ],
)
def test_other_content_is_refused_whatever_its_name(name, content):
    with pytest.raises(ServiceError, match="PDF, JPEG or PNG") as refused:
        document_check(SimpleUploadedFile(name, content))
    assert refused.value.field == "document"


def test_a_file_over_five_megabytes_is_refused():
    big = pdf_upload(content=PDF + b"0" * MAX_BYTES)
    with pytest.raises(ServiceError, match="limit is 5 MB"):
        document_check(big)


def test_a_file_of_exactly_five_megabytes_is_accepted():
    exact = pdf_upload(content=PDF + b"0" * (MAX_BYTES - len(PDF)))
    assert document_check(exact).content_type == "application/pdf"


def test_an_empty_file_is_refused():
    with pytest.raises(ServiceError, match="empty"):
        document_check(SimpleUploadedFile("licence.pdf", b""))
