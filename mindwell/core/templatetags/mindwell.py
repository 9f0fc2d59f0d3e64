"""Display helpers in Question2Answer's style: "(4.6k points)", "+22 votes".

Numbers stay compact in every language ("4.6k", "4,6k" in Spanish and German): the decimal
separator follows the active language, the "k"/"m" suffix does not change.
"""

from django import template
from django.utils import formats
from django.utils.translation import ngettext

register = template.Library()


def compact_number(value: int) -> str:
    number = int(value)
    sign = "-" if number < 0 else ""
    number = abs(number)
    if number < 1000:
        return f"{sign}{number}"
    for divisor, suffix in ((1_000_000, "m"), (1000, "k")):
        if number >= divisor:
            scaled = number / divisor
            text = f"{scaled:.1f}" if scaled < 10 else f"{scaled:.0f}"
            if text.endswith(".0"):
                text = text[:-2]
            # "4.6" -> "4,6" where the language writes decimals with a comma.
            text = text.replace(".", formats.get_format("DECIMAL_SEPARATOR"))
            return f"{sign}{text}{suffix}"
    return f"{sign}{number}"  # pragma: no cover


@register.filter
def points(value: int) -> str:
    """850 -> "850 points", 4600 -> "4.6k points", 1 -> "1 point"."""
    number = int(value or 0)
    return ngettext("%(count)s point", "%(count)s points", number) % {
        "count": compact_number(number)
    }


@register.filter
def votes(value: int) -> str:
    """22 -> "+22 votes", 1 -> "1 vote", 0 -> "0 votes", -3 -> "-3 votes"."""
    number = int(value or 0)
    shown = f"+{number}" if number > 1 else str(number)
    return ngettext("%(count)s vote", "%(count)s votes", abs(number)) % {"count": shown}


@register.filter
def plural(value: int, words: str) -> str:
    """{{ n|plural:"answer,answers" }} -> "1 answer", "3 answers" (in the active language:
    the pair is looked up as a plural message)."""
    singular, _, many = words.partition(",")
    number = int(value or 0)
    # Built at run time, so makemessages cannot see them: mindwell/core/plurals.py lists each
    # pair for the catalogues.
    one, other = f"%(count)s {singular}", f"%(count)s {many}"
    return ngettext(one, other, number) % {"count": number}


@register.filter
def get_item(mapping: dict, key):  # type: ignore[no-untyped-def]
    """{{ mapping|get_item:key }} for dicts keyed by ids."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def may(user, action: str) -> bool:  # type: ignore[no-untyped-def]
    """{% if user|may:"vote_down" %}: asks the permission policy (site-wide levels and points;
    use `may_on` where the post's category matters)."""
    from mindwell.reputation import policy

    return policy.allows(user, action)


@register.simple_tag(takes_context=True)
def may_on(context, action: str, post) -> bool:  # type: ignore[no-untyped-def]
    """{% may_on "retag" question as can_retag %}: the policy, for the viewer, with the
    post's category (levels granted per category count)."""
    from mindwell.reputation import policy

    return policy.allows(context.get("user"), action, post=post)


@register.filter
def may_edit(user, post) -> bool:  # type: ignore[no-untyped-def]
    """{% if user|may_edit:post %}: asks the qa permission policy."""
    from mindwell.qa.permissions import can_edit

    return can_edit(user, post)


@register.filter
def may_vote(user, post) -> bool:  # type: ignore[no-untyped-def]
    """{% if user|may_vote:post %}: asks the qa permission policy."""
    from mindwell.qa.permissions import can_vote

    return can_vote(user, post)


@register.filter
def may_downvote(user, post) -> bool:  # type: ignore[no-untyped-def]
    """{% if user|may_downvote:post %}: asks the qa permission policy."""
    from mindwell.qa.permissions import can_downvote

    return can_downvote(user, post)


@register.simple_tag
def quick_exit_url() -> str:
    """{% quick_exit_url %}: the neutral site the "Quick exit" button leaves for."""
    from django.conf import settings

    return str(settings.MINDWELL_QUICK_EXIT_URL)
