"""Settings for more than one app server: uploads on S3-compatible storage when a bucket is
named, read replicas from DATABASE_REPLICA_URL, shared state in PostgreSQL or Redis."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils.module_loading import import_string

from mindwell.config.env import replica_configs, upload_storage


def test_uploads_are_local_files_by_default(monkeypatch):
    monkeypatch.delenv("MINDWELL_S3_BUCKET", raising=False)
    assert upload_storage() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_bucket_makes_uploads_s3_compatible(monkeypatch):
    monkeypatch.setenv("MINDWELL_S3_BUCKET", "mindwell-uploads")
    monkeypatch.setenv("MINDWELL_S3_ENDPOINT_URL", "http://127.0.0.1:9000")
    monkeypatch.setenv("MINDWELL_S3_ACCESS_KEY_ID", "key-id")
    monkeypatch.setenv("MINDWELL_S3_SECRET_ACCESS_KEY", "secret")
    config = upload_storage()
    assert config["BACKEND"] == "storages.backends.s3.S3Storage"
    options = config["OPTIONS"]
    assert options["bucket_name"] == "mindwell-uploads"
    assert options["endpoint_url"] == "http://127.0.0.1:9000"
    assert (options["access_key"], options["secret_key"]) == ("key-id", "secret")
    assert options["default_acl"] == "private"
    # The backend is installed and accepts these options (no request is made until used).
    storage = import_string(config["BACKEND"])(**options)
    assert storage.bucket_name == "mindwell-uploads"
    assert storage.location == "media"


def test_replica_urls_become_aliases():
    aliases = replica_configs(
        ["postgres://app@10.0.0.2:5432/mindwell", "postgres://app@10.0.0.3:5432/mindwell"]
    )
    assert list(aliases) == ["replica", "replica2"]
    assert aliases["replica2"]["HOST"] == "10.0.0.3"
    assert aliases["replica"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        # Sessions in the database (shared by every app server), not in files or memory.
        ("SESSION_ENGINE", "django.contrib.sessions.backends.db"),
    ],
)
def test_shared_state_does_not_live_in_one_process(setting, expected):
    assert getattr(settings, setting) == expected


def test_licence_documents_follow_uploads_into_the_bucket_and_stay_private(monkeypatch, settings):
    from mindwell.professionals.storage import PrivateStorage, private_storage

    assert isinstance(private_storage(), PrivateStorage)  # MEDIA_ROOT/private by default
    monkeypatch.setenv("MINDWELL_S3_BUCKET", "mindwell-uploads")
    settings.STORAGES = {**settings.STORAGES, "default": upload_storage()}
    storage = private_storage()
    assert storage.location == "media/private"
    assert storage.default_acl == "private"
    with pytest.raises(ValueError, match="no URL"):
        storage.url("professionals/x/y.pdf")
