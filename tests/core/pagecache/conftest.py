import pytest


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.MINDWELL_PAGE_CACHE = True
    settings.MINDWELL_PAGE_CACHE_SECONDS = 300
