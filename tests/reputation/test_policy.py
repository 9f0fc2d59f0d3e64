"""The permission policy: its table, its messages, what stands above the rules (visitors,
restrictions, super administrators), edits at run time, its cache, and the pages that show
only what the viewer may do."""

from __future__ import annotations

import importlib
from datetime import timedelta

import pytest
from django.utils import timezone

from mindwell.moderation.services.flags import flag_create
from mindwell.reputation import policy
from mindwell.reputation.levels import Level
from mindwell.reputation.models import Action, CategoryLevel, PermissionRule, RuleMode
from mindwell.siteconfig.models import SiteSettings
from tests.factories import category, make_answer, make_comment, make_question, make_user
from tests.moderation.moderation_helpers import count_queries, text

pytestmark = pytest.mark.django_db


def set_rule(action: str, mode: str, min_level: int = 0, min_points: int = 0) -> None:
    """An administrator's edit: saved like the admin saves it."""
    rule, _ = PermissionRule.objects.get_or_create(action=action)
    rule.mode, rule.min_level, rule.min_points = mode, min_level, min_points
    rule.save()


def test_every_action_has_words_and_a_default():
    assert set(policy.CATALOGUE) == set(Action) == set(policy.DEFAULTS)


def test_the_seed_migration_writes_the_documented_defaults():
    seed = importlib.import_module("mindwell.reputation.migrations.0004_seed_permission_rules")
    seeded = {
        action: policy.Rule(min_level=level, min_points=points, mode=mode)
        for action, mode, level, points in seed.RULES
    }
    assert seeded == policy.DEFAULTS


def test_defaults_in_the_spirit_of_question2answer_and_stack_exchange():
    rule = policy.DEFAULTS
    assert rule[Action.ASK] == rule[Action.ANSWER] == rule[Action.COMMENT] == policy.Rule()
    assert rule[Action.VOTE_DOWN] == policy.Rule(Level.APPROVED, 100, RuleMode.EITHER)
    assert rule[Action.EDIT_OTHERS] == policy.Rule(Level.EDITOR, 2000, RuleMode.EITHER)
    assert rule[Action.RETAG] == policy.Rule(Level.EXPERT, 500, RuleMode.EITHER)
    assert rule[Action.CLOSE] == policy.Rule(Level.MODERATOR, 3000, RuleMode.EITHER)
    for action in (Action.HIDE, Action.APPROVE, Action.DELETE, Action.HANDLE_SAFETY_CASES):
        assert rule[action] == policy.Rule(Level.MODERATOR)
    for action in (Action.VIEW_EMAILS, Action.RESTRICT_MEMBERS, Action.MANAGE_LEVELS):
        assert rule[action] == policy.Rule(Level.ADMINISTRATOR)


@pytest.mark.parametrize(
    ("action", "mode", "level", "points", "message"),
    [
        (Action.HIDE, RuleMode.LEVEL, 80, 0, "Only moderators can hide or show posts."),
        (
            Action.RETAG,
            RuleMode.LEVEL,
            20,
            0,
            "Only members with the Expert level or above can change a question’s tags.",
        ),
        (Action.VOTE_DOWN, RuleMode.POINTS, 0, 150, "Voting down needs 150 points; you have 42."),
        (
            Action.CLOSE,
            RuleMode.EITHER,
            80,
            3000,
            "Closing questions needs 3,000 points or the Moderator level; you have 42 points.",
        ),
        (
            Action.EDIT_OTHERS,
            RuleMode.BOTH,
            50,
            2000,
            "Editing other members’ posts needs the Editor level and 2,000 points; "
            "you have 42 points.",
        ),
    ],
)
def test_refusals_say_what_is_needed(action, mode, level, points, message):
    set_rule(action, mode, level, points)
    assert policy.refusal(make_user(points=42), action) == message


def test_visitors_may_post_only_as_the_site_settings_say():
    site = SiteSettings.current()
    site.anonymous_questions, site.anonymous_answers = False, True
    site.save()
    assert policy.refusal(None, Action.ASK) == "Please log in or register to ask a question."
    assert policy.allows(None, Action.ANSWER)
    # The member rule does not govern visitors: raising it leaves them as the settings say.
    set_rule(Action.ANSWER, RuleMode.POINTS, min_points=500)
    assert policy.allows(None, Action.ANSWER)
    assert policy.refusal(None, Action.VOTE_UP) == "Please log in or register to vote up."
    assert not policy.allows(None, Action.FLAG)


def test_restricted_members_are_refused_every_write_whatever_the_rules():
    moderator = make_user(level=Level.ADMINISTRATOR, points=10_000)
    moderator.silenced_until = timezone.now() + timedelta(days=2)
    moderator.save()
    for action in (Action.ASK, Action.VOTE_UP, Action.FLAG, Action.HIDE, Action.RESTRICT_MEMBERS):
        assert policy.refusal(moderator, action).startswith("Your account is silenced until")
    # Reading is not writing.
    assert policy.allows(moderator, Action.BROWSE_AUDIT_LOG)
    assert policy.allows(moderator, Action.VIEW_EMAILS)


def test_inactive_accounts_are_refused():
    assert not policy.allows(make_user(is_active=False), Action.ASK)


def test_a_super_administrator_passes_every_rule():
    set_rule(Action.EDIT_RULES, RuleMode.POINTS, min_points=1_000_000)
    owner = make_user(level=Level.SUPER_ADMINISTRATOR)
    assert all(policy.allows(owner, action) for action in Action)
    assert not policy.allows(make_user(level=Level.ADMINISTRATOR), Action.EDIT_RULES)


def test_an_edit_applies_at_once_even_to_a_member_already_checked(member):
    assert policy.allows(member, Action.VOTE_DOWN)
    set_rule(Action.VOTE_DOWN, RuleMode.POINTS, min_points=101)
    assert policy.refusal(member, Action.VOTE_DOWN) == (
        "Voting down needs 101 points; you have 100."
    )
    PermissionRule.objects.filter(action=Action.VOTE_DOWN).delete()  # back to the default
    assert policy.allows(member, Action.VOTE_DOWN)


def test_a_grant_applies_at_once(member):
    question = make_question(category_id=category("dating").pk)
    assert not policy.allows(member, Action.HIDE, post=question)
    CategoryLevel.objects.create(user=member, category=category("relationships"), level=80)
    assert policy.allows(member, Action.HIDE, post=question)


def test_checks_cost_no_query_once_the_rules_are_loaded(member, django_assert_num_queries):
    question = make_question()
    answer = make_answer(question)
    policy.snapshot()
    with django_assert_num_queries(0):
        for action in Action:
            policy.allows(member, action, post=answer)
            policy.allows(None, action)
    # A member holding a category level: one query for an answer's question, then none.
    CategoryLevel.objects.create(user=member, category=category("anxiety"), level=20)
    policy.snapshot(member)
    answer = type(answer).objects.get(pk=answer.pk)
    with django_assert_num_queries(1):
        for _ in range(5):
            policy.allows(member, Action.RETAG, post=answer)


# The privileges page.


def test_the_privileges_page_for_visitors(client):
    page = text(client.get("/help/privileges/"))
    assert "What can I do here?" in page
    assert "Vote down" in page and "100 points or the Approved level" in page
    assert "privilege-yes" not in page  # no "You can" column for visitors


def test_the_privileges_page_tells_a_member_where_they_stand(client):
    client.force_login(make_user(points=350))
    page = text(client.get("/help/privileges/"))
    assert "You are <strong>Registered</strong> with <strong>350 points</strong>" in page
    row = page.split('id="privilege-retag"')[1].split("</tr>")[0]
    assert "You need 150 more points" in row
    row = page.split('id="privilege-vote_down"')[1].split("</tr>")[0]
    assert "You can" in row
    row = page.split('id="privilege-hide"')[1].split("</tr>")[0]
    assert "Not yet" in row


def test_the_privileges_page_costs_the_same_however_many_grants(client, member):
    client.force_login(member)
    count_queries(client, "/help/privileges/")  # fills the site-wide caches
    few = count_queries(client, "/help/privileges/")
    for slug in ("anxiety", "dating", "burnout"):
        CategoryLevel.objects.create(user=member, category=category(slug), level=Level.EXPERT)
    count_queries(client, "/help/privileges/")  # the grants changed: the policy reloads once
    assert count_queries(client, "/help/privileges/") == few


# Templates show only what the viewer may do.


def question_page(client, question) -> str:
    return text(client.get(question.get_absolute_url()))


def test_vote_down_shows_only_to_those_allowed(client):
    question = make_question(category_id=category("dating").pk)  # downvotes allowed there
    client.force_login(make_user(points=99))
    assert 'aria-label="Vote down"' not in question_page(client, question)
    assert 'aria-label="Vote up"' in question_page(client, question)
    client.force_login(make_user(points=100))
    assert 'aria-label="Vote down"' in question_page(client, question)


def test_the_moderate_link_follows_the_privileges(client, member):
    question = make_question(category_id=category("dating").pk)
    comment = make_comment(question)
    client.force_login(member)
    assert f"/moderation/post/{question.pk}/" not in question_page(client, question)
    client.force_login(make_user(points=500))  # may retag: questions only
    page = question_page(client, question)
    assert f"/moderation/post/{question.pk}/" in page
    assert f"/moderation/post/{comment.pk}/" not in page
    client.force_login(make_user(level=Level.MODERATOR))
    assert f"/moderation/post/{comment.pk}/" in question_page(client, question)


def test_a_retagger_gets_the_retag_form_only(client):
    question = make_question(category_id=category("dating").pk)
    flag_create(user=make_user(), post=question, reason="spam")
    client.force_login(make_user(points=500))
    page = text(client.get(f"/moderation/post/{question.pk}/"))
    assert f'action="/moderation/post/{question.pk}/retag/"' in page
    for name in ("hide", "close", "delete", "move"):
        assert f'action="/moderation/post/{question.pk}/{name}/"' not in page
    assert "Open flags" not in page  # who flagged is for moderators
    assert "Moderation history" not in page


def test_edit_links_for_the_author_and_for_editors(client, member):
    question = make_question(author=member, category_id=category("dating").pk)
    edit = f"/posts/{question.pk}/edit/"
    client.force_login(make_user(points=1999))
    assert edit not in question_page(client, question)
    client.force_login(make_user(points=2000))
    assert edit in question_page(client, question)
    client.force_login(member)
    assert edit in question_page(client, question)


def test_an_editor_without_the_move_privilege_cannot_change_the_category(client, member):
    question = make_question(author=member, category_id=category("dating").pk)
    client.force_login(make_user(points=2000))  # edit others' posts and retag, not move
    page = text(client.get(f"/posts/{question.pk}/edit/"))
    assert 'name="category"' not in page
    assert 'name="tags"' in page
    assert "Only members with the Editor level or above can move questions" in page
    data = {"title": question.title, "body": "New words.", "category": category("anxiety").pk}
    response = client.post(f"/posts/{question.pk}/edit/", {**data, "tags": "sleep"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.category == category("dating")
    assert question.body == "New words."


def test_moderator_links_in_the_header(client, member):
    client.force_login(member)
    page = text(client.get("/"))
    assert "/moderation/dashboard/" not in page and "/moderation/queue/" not in page
    assert "/help/privileges/" in page
    client.force_login(make_user(level=Level.MODERATOR))
    page = text(client.get("/"))
    assert "/moderation/dashboard/" in page and "/moderation/queue/" in page


def test_the_flag_link_follows_the_flag_rule(client, member):
    question = make_question()
    client.force_login(member)
    assert f"/moderation/flag/{question.pk}/" in question_page(client, question)
    set_rule(Action.FLAG, RuleMode.POINTS, min_points=150)
    assert f"/moderation/flag/{question.pk}/" not in question_page(client, question)
    response = client.post(f"/moderation/flag/{question.pk}/", {"reason": "spam"})
    assert response.status_code == 403
    assert "Flagging posts needs 150 points; you have 100." in text(response)


def test_the_rules_in_the_admin(client):
    client.force_login(make_user(level=Level.MODERATOR))
    assert client.get("/admin/reputation/permissionrule/").status_code == 403
    client.force_login(make_user(level=Level.ADMINISTRATOR))
    response = client.get("/admin/reputation/permissionrule/")
    assert response.status_code == 200
    assert 'name="form-0-min_points"' in text(response)
