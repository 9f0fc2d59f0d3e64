"""User levels: the values, Django's flags following them, the one service that changes them
(who may grant what, the audit entry), category levels, and the level page."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from mindwell.accounts.models import User
from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.moderation.models import AuditAction, AuditEntry
from mindwell.reputation import policy
from mindwell.reputation.levels import Level, level_set
from mindwell.reputation.models import Action, CategoryLevel
from tests.factories import category, make_answer, make_question, make_user
from tests.moderation.moderation_helpers import count_queries, text

pytestmark = pytest.mark.django_db


def fresh(user: User) -> User:
    return User.objects.get(pk=user.pk)


def test_levels_have_question2answer_values():
    assert {level.label: level.value for level in Level} == {
        "Registered": 0,
        "Approved": 10,
        "Expert": 20,
        "Editor": 50,
        "Moderator": 80,
        "Administrator": 100,
        "Super Administrator": 120,
    }
    assert make_user().level == Level.REGISTERED


@pytest.mark.parametrize(
    ("level", "is_staff", "is_superuser"),
    [
        (Level.EDITOR, False, False),
        (Level.MODERATOR, True, False),
        (Level.ADMINISTRATOR, True, False),
        (Level.SUPER_ADMINISTRATOR, True, True),
    ],
)
def test_django_flags_follow_the_level(level, is_staff, is_superuser):
    user = fresh(make_user(level=level))
    assert (user.is_staff, user.is_superuser) == (is_staff, is_superuser)
    user.set_level(Level.REGISTERED)
    user.save()
    assert (fresh(user).is_staff, fresh(user).is_superuser) == (False, False)


def test_flags_set_without_a_level_raise_it():
    assert fresh(make_user(is_staff=True)).level == Level.MODERATOR
    assert fresh(make_user(is_staff=True, is_superuser=True)).level == Level.SUPER_ADMINISTRATOR
    owner = User.objects.create_superuser("owner", "owner@example.test", "pw-long-enough-1")
    assert fresh(owner).level == Level.SUPER_ADMINISTRATOR


def test_saving_only_a_flag_saves_the_level_with_it():
    user = make_user()
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    assert fresh(user).level == Level.MODERATOR


def test_the_data_migration_gives_existing_staff_their_levels():
    staff, owner, member = make_user(), make_user(), make_user()
    # Rows as they were before levels existed: flags set, level at its default.
    User.objects.filter(pk=staff.pk).update(is_staff=True)
    User.objects.filter(pk=owner.pk).update(is_superuser=True)
    migration = importlib.import_module("mindwell.accounts.migrations.0004_user_level")
    migration.levels_from_roles(apps, None)
    assert fresh(staff).level == Level.MODERATOR
    assert (fresh(owner).level, fresh(owner).is_staff) == (Level.SUPER_ADMINISTRATOR, True)
    assert fresh(member).level == Level.REGISTERED


def test_an_administrator_makes_a_moderator_and_the_audit_log_says_so(member):
    admin = make_user("admin", level=Level.ADMINISTRATOR)
    detail = level_set(user=member, level=Level.MODERATOR, by=admin, reason="trusted helper")
    member = fresh(member)
    assert (member.level, member.is_staff) == (Level.MODERATOR, True)
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.target_user, entry.action) == (admin, member, AuditAction.SETTINGS)
    assert entry.reason == "trusted helper"
    assert (
        entry.detail
        == detail
        == {
            "level": 80,
            "level_name": "Moderator",
            "previous": 0,
            "category": None,
        }
    )


@pytest.mark.parametrize(
    ("actor_level", "member_level", "new_level", "message"),
    [
        (Level.MODERATOR, Level.REGISTERED, Level.EXPERT, "Only administrators can change"),
        (Level.ADMINISTRATOR, Level.REGISTERED, Level.ADMINISTRATOR, "levels below your own"),
        (Level.ADMINISTRATOR, Level.ADMINISTRATOR, Level.REGISTERED, "as high as you or higher"),
        (Level.ADMINISTRATOR, Level.MODERATOR, Level.SUPER_ADMINISTRATOR, "levels below"),
    ],
)
def test_only_a_higher_level_grants(actor_level, member_level, new_level, message):
    actor, member = make_user(level=actor_level), make_user(level=member_level)
    with pytest.raises(PermissionDenied, match=message):
        level_set(user=member, level=new_level, by=actor)
    assert fresh(member).level == member_level
    assert not AuditEntry.objects.exists()


def test_a_super_administrator_grants_administrator_and_above():
    owner = make_user(level=Level.SUPER_ADMINISTRATOR)
    member = make_user()
    level_set(user=member, level=Level.ADMINISTRATOR, by=owner)
    assert (fresh(member).level, fresh(member).is_superuser) == (Level.ADMINISTRATOR, False)
    level_set(user=member, level=Level.SUPER_ADMINISTRATOR, by=owner)
    assert fresh(member).is_superuser


def test_no_one_changes_their_own_level_and_a_no_change_is_refused(member):
    owner = make_user(level=Level.SUPER_ADMINISTRATOR)
    with pytest.raises(PermissionDenied, match="your own level"):
        level_set(user=owner, level=Level.REGISTERED, by=owner)
    with pytest.raises(ServiceError, match="already Registered"):
        level_set(user=member, level=Level.REGISTERED, by=owner)


def test_a_category_level_is_granted_changed_and_removed_with_audit_entries(member):
    admin = make_user(level=Level.ADMINISTRATOR)
    anxiety = category("anxiety")
    level_set(user=member, level=Level.EXPERT, by=admin, category=anxiety)
    level_set(user=member, level=Level.MODERATOR, by=admin, category=anxiety)
    assert CategoryLevel.objects.get(user=member).level == Level.MODERATOR
    assert fresh(member).level == Level.REGISTERED  # the site-wide level is untouched
    level_set(
        user=member, level=Level.REGISTERED, by=admin, category=anxiety, reason="stepped down"
    )
    assert not CategoryLevel.objects.exists()
    details = [e.detail for e in AuditEntry.objects.order_by("pk")]
    assert [(d["level"], d["previous"], d["category"]) for d in details] == [
        (20, 0, "anxiety"),
        (80, 20, "anxiety"),
        (0, 80, "anxiety"),
    ]


def test_a_category_cannot_be_given_an_administrator(member):
    owner = make_user(level=Level.SUPER_ADMINISTRATOR)
    with pytest.raises(PermissionDenied, match="Approved, Expert, Editor or Moderator"):
        level_set(user=member, level=Level.ADMINISTRATOR, by=owner, category=category("anxiety"))


def test_a_category_level_counts_in_its_sub_categories_only(member):
    CategoryLevel.objects.create(user=member, category=category("anxiety"), level=Level.EXPERT)
    panic = make_question(category_id=category("panic-attacks").pk)
    dating = make_question(category_id=category("dating").pk)
    answer = make_answer(panic)
    assert policy.effective_level(member, post=panic) == Level.EXPERT
    assert policy.effective_level(member, post=answer) == Level.EXPERT  # via its question
    assert policy.effective_level(member, category=category("anxiety")) == Level.EXPERT
    assert policy.effective_level(member, post=dating) == Level.REGISTERED
    assert policy.effective_level(member) == Level.REGISTERED
    # Expert is enough for the retag privilege (Expert or 500 points), there only.
    assert policy.allows(member, Action.RETAG, post=panic)
    assert not policy.allows(member, Action.RETAG, post=dating)
    assert not policy.allows(member, Action.RETAG)


# The level page.


def url(member: User) -> str:
    return f"/moderation/user/{member.username}/level/"


def test_members_and_moderators_are_refused_the_level_page(client, member, other_member):
    client.force_login(make_user(level=Level.MODERATOR))
    response = client.get(url(other_member))
    assert response.status_code == 403
    assert "Only administrators can change members’ levels." in text(response)
    response = client.post(url(other_member), {"form": "site", "site-level": "80"})
    assert response.status_code == 403
    assert fresh(other_member).level == Level.REGISTERED
    assert client.get(url(member)).status_code == 403


def test_visitors_are_sent_to_log_in(client, member):
    response = client.get(url(member))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_administrator_changes_a_level_on_the_page(client, member):
    admin = make_user("admin", level=Level.ADMINISTRATOR)
    client.force_login(admin)
    page = text(client.get(url(member)))
    assert '<label for="id_site-level">Level across the site:</label>' in page
    assert '<option value="80">Moderator</option>' in page
    assert '<option value="100">Administrator</option>' not in page  # not theirs to give
    assert f"{member.email}" in page  # administrators may see email addresses
    response = client.post(url(member), {"form": "site", "site-level": "50", "site-reason": "x"})
    assert response.status_code == 302 and response["Location"] == url(member)
    assert fresh(member).level == Level.EDITOR
    assert "alice is now Editor." in text(client.get(url(member)))
    assert AuditEntry.objects.get().detail["level"] == 50


def test_a_category_level_on_the_page(client, member):
    client.force_login(make_user(level=Level.ADMINISTRATOR))
    anxiety = category("anxiety")
    form = {"form": "category", "category-category": anxiety.pk, "category-level": "20"}
    response = client.post(url(member), form)
    assert response.status_code == 302
    page = text(client.get(url(member)))
    assert "alice is now Expert in Anxiety." in page
    assert "Expert in <a" in page


def test_a_refused_change_keeps_the_reason_typed(client):
    client.force_login(make_user(level=Level.ADMINISTRATOR))
    peer = make_user(level=Level.ADMINISTRATOR)
    response = client.get(url(peer))
    assert "only a super administrator can change their level" in text(response)
    response = client.post(
        url(make_user()), {"form": "site", "site-level": "999", "site-reason": "my reason"}
    )
    assert response.status_code == 400
    assert 'value="my reason"' in text(response)
    assert not AuditEntry.objects.exists()


def test_the_level_page_costs_the_same_with_more_grants(client, member):
    client.force_login(make_user(level=Level.SUPER_ADMINISTRATOR))
    CategoryLevel.objects.create(user=member, category=category("anxiety"), level=Level.EXPERT)
    count_queries(client, url(member))  # fills the site-wide caches
    few = count_queries(client, url(member))
    for slug in ("dating", "burnout", "parenting"):
        CategoryLevel.objects.create(user=member, category=category(slug), level=Level.EDITOR)
    assert count_queries(client, url(member)) == few


def test_the_member_page_shows_the_level_and_the_link_to_change_it(client, member):
    client.force_login(make_user(level=Level.MODERATOR))
    page = text(client.get(f"/moderation/user/{member.username}/"))
    assert "Registered" in page
    assert url(member) not in page
    assert member.email not in page  # view_emails is for administrators
    client.force_login(make_user(level=Level.ADMINISTRATOR))
    page = text(client.get(f"/moderation/user/{member.username}/"))
    assert url(member) in page
    assert member.email in page


def test_the_admin_changes_levels_through_the_service(admin_client, member):
    response = admin_client.get(f"/admin/accounts/user/{member.pk}/change/")
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"level": "80", "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00"})
    data.pop("password", None)
    data.pop("groups", None)
    data.pop("user_permissions", None)
    response = admin_client.post(f"/admin/accounts/user/{member.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert (fresh(member).level, fresh(member).is_staff) == (Level.MODERATOR, True)
    assert AuditEntry.objects.get().detail["level"] == 80
