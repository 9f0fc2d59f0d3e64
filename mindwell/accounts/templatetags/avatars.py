"""{% load avatars %}: members' pictures.

`{% avatar member 32 %}` reads only fields of the member row the page already loaded (and
the cached site settings), so lists and question pages cost no extra query per picture.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html

from mindwell.accounts.avatars import LARGE, avatar_url
from mindwell.siteconfig.models import SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def avatar(context: template.Context, user: Any, size: int = 32, css_class: str = "") -> str:
    """A lazily loaded picture. Its alt text is empty on purpose: the name is always written
    beside it, and a screen reader would otherwise read the name twice."""
    if user is None or not getattr(user, "pk", None):
        return ""
    size = max(16, min(int(size), LARGE // 2))
    # The page's own site settings (the `site` context processor's `forum`) when it has
    # them: SiteSettings.current() is a cache round trip, and a page has dozens of pictures.
    forum = context.get("forum") or SiteSettings.current()
    url = avatar_url(user, size, gravatar=forum.gravatar_enabled)
    return format_html(
        '<img class="avatar{}" src="{}" width="{}" height="{}" alt="" loading="lazy" '
        'decoding="async">',
        f" {css_class}" if css_class else "",
        url,
        size,
        size,
    )
