from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from mindwell.qa.selectors import Thread
from mindwell.seo.canonical import canonical_url
from mindwell.seo.structured_data import json_ld_script, qa_page

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_link(context: template.Context) -> str:
    """<link rel="canonical"> for the page being rendered (see mindwell.seo.canonical)."""
    request = context.get("request")
    if request is None:
        return ""
    return format_html(
        '<link rel="canonical" href="{}">',
        canonical_url(request, question=context.get("question")),
    )


@register.simple_tag(takes_context=True)
def qa_page_json_ld(context: template.Context, thread: Thread) -> SafeString:
    """The question page's schema.org QAPage data (see mindwell.seo.structured_data)."""
    request = context.get("request")
    if request is None or not isinstance(thread, Thread):
        return json_ld_script(None)
    return json_ld_script(qa_page(request, thread))
