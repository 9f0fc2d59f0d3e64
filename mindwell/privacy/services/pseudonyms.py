"""Giving a member their pseudonym, and the Post fields of an anonymous member's post."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from mindwell.core.errors import ServiceError
from mindwell.privacy.models import Pseudonym
from mindwell.privacy.pseudonyms import pseudonym_generate
from mindwell.privacy.selectors import remember_pseudonym

ATTEMPTS = 20


def pseudonym_for(*, user: Any) -> Pseudonym:
    """The member's pseudonym, created on their first anonymous post. The same member keeps
    the same pseudonym for good, so readers can follow a conversation with them."""
    existing = Pseudonym.objects.filter(user_id=user.pk).first()
    if existing is not None:
        return existing
    for _ in range(ATTEMPTS):
        try:
            with transaction.atomic():
                pseudonym = Pseudonym.objects.create(user_id=user.pk, name=pseudonym_generate())
        except IntegrityError:
            # Either the name is taken (draw again) or a concurrent first anonymous post by
            # the same member created theirs a moment ago (use it).
            existing = Pseudonym.objects.filter(user_id=user.pk).first()
            if existing is not None:
                return existing
            continue
        remember_pseudonym(user, pseudonym.pk)
        return pseudonym
    raise ServiceError(gettext("No anonymous name could be chosen just now; please post again."))


def anonymous_post_fields(*, user: Any) -> dict[str, Any]:
    """How a member's anonymous post is stored: no author, the pseudonym's name to show,
    and the link to the pseudonym that only moderators (and the member) are shown."""
    pseudonym = pseudonym_for(user=user)
    return {"author_id": None, "pseudonym_id": pseudonym.pk, "anon_name": pseudonym.name}
