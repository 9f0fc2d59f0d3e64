"""Every write that changes what a cached page shows makes the next visit a miss with the
new content, and writes elsewhere leave the page cached."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from mindwell.moderation.actions import Close, Delete, Hide, Merge, Move, Retag
from mindwell.qa.services import best_answer_select, post_edit
from mindwell.siteconfig.models import SiteSettings
from mindwell.votes.services import vote_cast
from tests.core.pagecache.helpers import page, visitor, x_cache
from tests.factories import category, make_answer, make_comment, make_question, make_user

pytestmark = pytest.mark.django_db

_visits = iter(range(1, 10_000))


def cached(url: str) -> str:
    """Visit until the page is stored; its HTML."""
    visitor(next(_visits)).get(url)
    response = visitor(next(_visits)).get(url)
    assert x_cache(response) == "hit"
    return page(response)


def after(write: Callable[[], Any], url: str, commit: Any) -> str:
    """Run a write as a request would (its on-commit bumps included); the next visit's page,
    which must be a miss."""
    with commit(execute=True):
        write()
    response = visitor(next(_visits)).get(url)
    assert x_cache(response) == "miss", url
    return page(response)


@pytest.fixture
def moderator(db):
    return make_user("mod", is_staff=True)


def test_new_answer_comment_vote_and_edit_each_refresh_the_page(
    question, other_member, django_capture_on_commit_callbacks
):
    url = question.get_absolute_url()
    commit = django_capture_on_commit_callbacks
    cached(url)
    html = after(
        lambda: make_answer(question, body="A brand new answer appears here."), url, commit
    )
    assert "A brand new answer appears here." in html
    cached(url)
    html = after(lambda: make_comment(question, body="A fresh comment shows."), url, commit)
    assert "A fresh comment shows." in html
    cached(url)
    after(lambda: vote_cast(user=other_member, post=question, value=1), url, commit)
    cached(url)
    html = after(
        lambda: post_edit(
            post=question, editor=question.author, body="The body as edited, much clearer now."
        ),
        url,
        commit,
    )
    assert "The body as edited, much clearer now." in html


def test_moderation_and_best_answer_refresh_the_page(
    question, moderator, django_capture_on_commit_callbacks
):
    commit = django_capture_on_commit_callbacks
    answer = make_answer(question, body="An answer the moderator will hide soon.")
    url = question.get_absolute_url()
    cached(url)
    html = after(
        lambda: best_answer_select(question=question, answer=answer, user=question.author),
        url,
        commit,
    )
    assert "Best answer" in html
    cached(url)
    html = after(lambda: Hide(actor=moderator, post=answer, reason="test").execute(), url, commit)
    assert "An answer the moderator will hide soon." not in html
    cached(url)
    after(lambda: Retag(actor=moderator, post=question, tags="panic").execute(), url, commit)
    cached(url)
    depression = category("depression")
    html = after(
        lambda: Move(actor=moderator, post=question, category=str(depression.pk)).execute(),
        url,
        commit,
    )
    assert depression.name in html
    cached(url)
    after(lambda: Close(actor=moderator, post=question, reason="answered").execute(), url, commit)
    cached(url)
    after(lambda: Delete(actor=moderator, post=question, reason="gone").execute(), url, commit)


def test_a_merge_refreshes_the_target_page(moderator, django_capture_on_commit_callbacks):
    target, duplicate = make_question(), make_question()
    make_answer(duplicate, body="This answer moves to the target question.")
    url = target.get_absolute_url()
    cached(url)
    html = after(
        lambda: Merge(actor=moderator, post=duplicate, target=str(target.pk)).execute(),
        url,
        django_capture_on_commit_callbacks,
    )
    assert "This answer moves to the target question." in html


def test_a_writers_points_change_refreshes_other_pages_naming_them(
    member, other_member, django_capture_on_commit_callbacks
):
    # Unrelated questions, so neither page lists the other among its related questions.
    first = make_question(
        author=member, title="Sleeping badly since the move?", body="Noise at night, mostly."
    )
    second = make_question(
        author=other_member,
        title="How can I talk to my sister about money?",
        body="Every talk ends in a quarrel about the loan.",
        tags="family",
    )
    make_answer(second, author=member)  # member is named on the second page too
    voter = make_user("carol")  # named on neither page
    url = second.get_absolute_url()
    cached(url)
    after(
        lambda: vote_cast(user=voter, post=first, value=1),
        url,
        django_capture_on_commit_callbacks,
    )


def test_lists_follow_new_questions_and_site_settings_every_page(
    question, django_capture_on_commit_callbacks
):
    commit = django_capture_on_commit_callbacks
    cached("/")
    html = after(lambda: make_question(title="A newly asked question for the list?"), "/", commit)
    assert "A newly asked question for the list?" in html
    cached("/")
    url = question.get_absolute_url()
    cached(url)

    def rename() -> None:
        site = SiteSettings.current()
        site.site_name = "Renamed forum"
        site.save()

    assert "Renamed forum" in after(rename, url, commit)
    cached("/")
    after(lambda: category("depression").save(), "/", commit)  # a category renamed, say


def test_writes_to_another_question_leave_the_page_cached(
    question, django_capture_on_commit_callbacks
):
    url = question.get_absolute_url()
    cached(url)
    elsewhere = make_question()
    with django_capture_on_commit_callbacks(execute=True):
        make_answer(elsewhere)
    assert x_cache(visitor(next(_visits)).get(url)) == "hit"


def test_a_page_rendered_just_after_a_write_is_kept_one_second_only(question):
    """Its render may have read the database just before the write committed (or a replica
    a little behind): kept briefly, it cannot stay stale."""
    from mindwell.core.pagecache import generations

    url = question.get_absolute_url()
    generations.bump_now([generations.question_key(question.pk)])
    assert x_cache(visitor(next(_visits)).get(url)) == "miss"
    assert x_cache(visitor(next(_visits)).get(url)) == "hit"
    time.sleep(1.2)
    assert x_cache(visitor(next(_visits)).get(url)) == "miss"
