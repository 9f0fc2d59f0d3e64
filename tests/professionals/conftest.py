import pytest


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Each test stores documents in a folder of its own, removed afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media" / "private"


@pytest.fixture
def moderator(db):
    from tests.factories import make_user

    return make_user("mod", is_staff=True)
