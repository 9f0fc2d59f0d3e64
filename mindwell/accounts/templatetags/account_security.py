"""What the account pages may offer the viewer; the rules live in mindwell.accounts.permissions.

Named `account_security`, not `account`: allauth's template library already has that name.
"""

from __future__ import annotations

from typing import Any

from django import template

from mindwell.accounts import permissions

register = template.Library()


@register.filter
def may_manage_two_factor(user: Any) -> bool:
    return permissions.may_manage_two_factor(user)
