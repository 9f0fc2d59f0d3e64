"""{% js_strings %}: the data block of mindwell.core.js_strings, for base.html."""

from __future__ import annotations

from django import template
from django.utils.html import json_script
from django.utils.safestring import SafeString

from mindwell.core.js_strings import ELEMENT_ID, js_strings

register = template.Library()


@register.simple_tag(name="js_strings")
def js_strings_tag() -> SafeString:
    # json_script escapes <, > and & so no text can end the block early.
    return json_script(js_strings(), ELEMENT_ID)
