"""The moderation dashboard: who may see it, that its numbers match a known dataset, and
that it costs the same number of queries however much there is to count."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mindwell.moderation.dashboard import dashboard_data, period_from
from mindwell.moderation.models import AuditAction, AuditEntry, Flag, FlagReason, FlagStatus
from mindwell.qa.models import Post, PostStatus
from mindwell.safety.models import CaseSource, SafetyCase
from tests.factories import make_answer, make_comment, make_question, make_user

pytestmark = pytest.mark.django_db
URL = "/moderation/dashboard/"


def at(days_ago: int, hour: int = 12, minute: int = 0) -> datetime:
    """An aware time `days_ago` days before today, in the site's time zone."""
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def dated(post: Post, days_ago: int, **fields) -> Post:
    Post.objects.filter(pk=post.pk).update(created_at=at(days_ago), **fields)
    return post


def flag(post: Post, created: int, resolved: int | None = None) -> Flag:
    item = Flag.objects.create(post=post, user=make_user(), reason=FlagReason.RUDE)
    Flag.objects.filter(pk=item.pk).update(
        created_at=at(created),
        resolved_at=at(resolved, 15) if resolved is not None else None,
        status=FlagStatus.OPEN if resolved is None else FlagStatus.UPHELD,
    )
    return item


def audit(post: Post, action: str, days_ago: int) -> None:
    entry = AuditEntry.objects.create(action=action, post=post)
    AuditEntry.objects.filter(pk=entry.pk).update(created_at=at(days_ago, 15))


def case(post: Post, opened: datetime, minutes: int | None) -> None:
    SafetyCase.objects.create(
        post=post,
        level="crisis",
        rank=2,
        source=CaseSource.FLAG,
        created_at=opened,
        first_response_at=opened + timedelta(minutes=minutes) if minutes is not None else None,
    )


# --- who may see it --------------------------------------------------------------------


def test_visitors_and_members_are_refused(client, member):
    assert client.get(URL).status_code == 403
    client.force_login(member)
    response = client.get(URL)
    assert response.status_code == 403
    assert "Not allowed" in response.content.decode()


def test_moderators_see_five_accessible_charts(client):
    client.force_login(make_user("mod", is_staff=True))
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.DOTALL)
    assert len(svgs) == 5
    for svg in svgs:
        root = ET.fromstring(svg)  # noqa: S314 - our own output
        assert root.get("role") == "img" and root.get("aria-label")
    assert page.count('<table class="visually-hidden">') == 5
    assert page.count("<tbody>") == 5
    # 30 days by default: one row per day in each table.
    first_table = page.split("<tbody>")[1].split("</tbody>")[0]
    assert first_table.count("<tr>") == 30
    assert 'aria-current="page" class="current">Last 30 days' in page


@pytest.mark.parametrize(("raw", "days"), [("7", 7), ("90", 90), ("12", 30), ("x", 30), (None, 30)])
def test_period(raw, days):
    assert period_from(raw) == days


def test_period_selects_the_rows(client):
    client.force_login(make_user("mod", is_staff=True))
    page = client.get(URL, {"days": 7}).content.decode()
    assert page.split("<tbody>")[1].split("</tbody>")[0].count("<tr>") == 7


# --- the numbers ------------------------------------------------------------------------


@pytest.mark.parametrize("zone", ["UTC", "Pacific/Auckland", "America/Los_Angeles"])
def test_posts_per_day_by_kind(settings, zone):
    settings.TIME_ZONE = zone
    dated(make_question(), 10)  # before the window
    q1 = dated(make_question(), 6)
    answer = make_answer(q1)
    Post.objects.filter(pk=answer.pk).update(created_at=at(6, 23, 59))
    comment = make_comment(answer)
    Post.objects.filter(pk=comment.pk).update(created_at=at(2, 0, 0))
    make_question()  # now
    data = dashboard_data(days=7)
    assert data.days[-1] == timezone.localdate()
    assert data.days[0] == timezone.localdate() - timedelta(days=6)
    assert data.posts == {
        "Q": [1, 0, 0, 0, 0, 0, 1],
        "A": [1, 0, 0, 0, 0, 0, 0],
        "C": [0, 0, 0, 0, 1, 0, 0],
    }


def test_flags_per_day_and_open_flags(db):
    post = make_question()
    flag(post, created=8, resolved=5)  # open when the window starts, resolved on day 2
    flag(post, created=6)  # still open
    flag(post, created=3, resolved=3)  # raised and resolved the same day
    flag(post, created=9, resolved=8)  # entirely before the window
    data = dashboard_data(days=7)
    assert data.flags == [1, 0, 0, 1, 0, 0, 0]
    assert data.open_flags == [2, 1, 1, 1, 1, 1, 1]


def test_queued_posts_per_day(db):
    base = make_question()
    dated(make_answer(base), 8, status=PostStatus.QUEUED)  # waiting all along
    approved = dated(make_answer(base), 4)
    audit(approved, AuditAction.APPROVE, 2)
    dated(make_answer(base), 1, status=PostStatus.QUEUED)  # joined yesterday
    rejected = dated(make_answer(base), 9, status=PostStatus.DELETED)
    audit(rejected, AuditAction.REJECT, 7)  # left before the window
    twice = dated(make_answer(base), 5)
    audit(twice, AuditAction.APPROVE, 5)
    audit(twice, AuditAction.APPROVE, 3)  # only the first decision ends its stay
    audit(make_answer(base), AuditAction.HIDE, 2)  # not a queue decision
    data = dashboard_data(days=7)
    assert data.queued_posts == [1, 1, 2, 2, 1, 2, 2]


def test_safety_cases_and_response_times(db):
    posts = [make_question() for _ in range(5)]
    case(posts[0], at(6, 10), 30)
    case(posts[1], at(6, 11), 90)
    case(posts[2], at(6, 12), 60)
    case(posts[3], at(1, 9), None)
    case(posts[4], at(20), 5)
    data = dashboard_data(days=7)
    assert data.cases_opened == [3, 0, 0, 0, 0, 1, 0]
    assert data.response_median == [60, None, None, None, None, None, None]
    assert data.response_max == [90, None, None, None, None, None, None]
    assert data.awaiting_response == [0, 0, 0, 0, 0, 1, 0]


def test_page_shows_the_numbers_in_its_tables(client):
    post = make_question()
    flag(post, created=0)
    flag(post, created=0)
    case(post, at(0, 0, 1), 45)
    client.force_login(make_user("mod", is_staff=True))
    page = client.get(URL, {"days": 7}).content.decode()
    today = timezone.localdate()
    label = f"{today:%a} {today.day} {today:%b} {today.year}"
    flags_table = page.split('id="chart-flags-caption"')[1].split("</table>")[0]
    assert f'<th scope="row">{label}</th><td>2</td>' in flags_table
    response_table = page.split('id="chart-response-caption"')[1].split("</table>")[0]
    assert f'<th scope="row">{label}</th><td>45</td><td>45</td><td>0</td>' in response_table
    assert "2 flags raised" in page
    assert "1 safety case opened" in page


# --- cost -------------------------------------------------------------------------------


def _fill(n: int) -> None:
    for i in range(n):
        question = dated(make_question(), i % 9)
        answer = make_answer(question)
        make_comment(answer)
        flag(question, created=i % 7, resolved=(i % 7) - 1 if i % 2 and i % 7 else None)
        audit(dated(make_answer(question), i % 5, status=PostStatus.PUBLISHED), "approve", 0)
        case(question, at(i % 6), None if i % 3 == 0 else 10 * i)


def test_data_takes_a_fixed_number_of_queries(django_assert_num_queries):
    with django_assert_num_queries(9):
        dashboard_data(days=30)
    _fill(12)
    with django_assert_num_queries(9):
        data = dashboard_data(days=90)
    assert sum(data.cases_opened) == 12


def test_page_query_count_does_not_grow(client):
    client.force_login(make_user("mod", is_staff=True))
    client.get(URL)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    empty = count()
    _fill(15)
    assert count() == empty


def test_today_can_be_chosen():
    data = dashboard_data(days=7, today=date(2024, 2, 29))
    assert data.days[0] == date(2024, 2, 23)
    assert len(data.flags) == len(data.queued_posts) == len(data.response_max) == 7
