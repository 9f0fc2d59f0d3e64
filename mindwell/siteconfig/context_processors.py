from django.core.cache import cache

from mindwell.siteconfig.models import FOOTER_CACHE_KEY, Page, SiteSettings


def site(request):  # type: ignore[no-untyped-def]
    footer = cache.get(FOOTER_CACHE_KEY)
    if footer is None:
        footer = [
            {"title": page.title, "url": page.get_absolute_url()}
            for page in Page.objects.filter(in_footer=True)
        ]
        cache.set(FOOTER_CACHE_KEY, footer, timeout=300)
    # "forum", not "site": Django's auth views put their own `site` in the context.
    return {"forum": SiteSettings.current(), "footer_pages": footer}
