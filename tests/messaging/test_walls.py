"""Profile walls, with the safeguards of private messages: the site switch, the points
threshold, blocks both ways, the owner's choice, restrictions, limits, reports, hiding."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from mindwell.accounts.models import User
from mindwell.core.errors import PermissionDenied, RateLimited
from mindwell.messaging.models import Report, WallPost, WallPostStatus
from mindwell.messaging.services import member_block, wall_post_create
from mindwell.moderation.models import AuditAction, AuditEntry
from tests.accounts.auth_helpers import text
from tests.factories import make_user
from tests.messaging.helpers import CRISIS_TEXT, THRESHOLD, logged_in, textarea

pytestmark = pytest.mark.django_db

NOTE = "Thank you for your kind answer last week, it meant a lot."


def write(author: User, owner: User, body: str = NOTE) -> WallPost:
    return wall_post_create(author=author, owner=owner, body=body)


def test_walls_are_off_by_default(sender, recipient):
    with pytest.raises(PermissionDenied, match="Profile walls are turned off on this site."):
        write(sender, recipient)
    page = text(logged_in(sender).get("/users/rita/"))
    assert 'id="wall"' not in page and "?tab=wall" not in page
    assert logged_in(sender).get("/users/rita/?tab=wall").status_code == 200


def test_posting_on_a_wall_through_the_profile(wall_on, sender, recipient):
    client = logged_in(sender)
    page = text(client.get("/users/rita/"))
    assert 'id="wall"' in page and 'action="/messages/wall/rita/"' in page
    response = client.post("/messages/wall/rita/", {"body": "Thank you, *truly*."})
    assert response.status_code == 302
    assert response["Location"] == "/users/rita/?tab=wall#wall"
    post = WallPost.objects.get()
    assert (post.owner, post.author, post.body_html) == (
        recipient,
        sender,
        "<p>Thank you, <em>truly</em>.</p>\n",
    )
    for viewer in (Client(), logged_in(recipient)):
        assert "Thank you, <em>truly</em>." in text(viewer.get("/users/rita/?tab=wall"))


@pytest.mark.parametrize(("points", "allowed"), [(THRESHOLD - 1, False), (THRESHOLD, True)])
def test_posting_needs_the_points_threshold(wall_on, recipient, points, allowed):
    writer = make_user("writer", points=points)
    page = text(logged_in(writer).get("/users/rita/"))
    assert ('action="/messages/wall/rita/"' in page) is allowed
    if allowed:
        assert write(writer, recipient).pk
        return
    assert "Posting on walls needs 200 points or the Moderator level" in page
    response = logged_in(writer).post("/messages/wall/rita/", {"body": NOTE})
    assert response.status_code == 403
    assert "Posting on walls needs 200 points" in text(response)
    assert not WallPost.objects.exists()


def test_a_refused_wall_post_keeps_its_text(wall_on, sender, recipient):
    response = logged_in(sender).post("/messages/wall/rita/", {"body": "x" * 1001})
    assert response.status_code == 400
    page = text(response)
    assert "The wall post is too long: 1,001 characters, the most is 1,000." in page
    assert textarea(page) == "x" * 1001


def test_blocks_stop_wall_posts_both_ways(wall_on, sender, recipient):
    member_block(blocker=recipient, blocked=sender)
    with pytest.raises(PermissionDenied, match="rita is not accepting this from you"):
        write(sender, recipient)
    with pytest.raises(PermissionDenied, match="You have blocked sam"):
        write(recipient, sender)


def test_the_owner_can_turn_their_wall_off(wall_on, sender, recipient):
    User.objects.filter(pk=recipient.pk).update(show_wall=False)
    recipient.refresh_from_db()
    with pytest.raises(PermissionDenied, match="rita has turned their wall off."):
        write(sender, recipient)
    assert 'id="wall"' not in text(Client().get("/users/rita/"))


def test_restricted_members_cannot_post_and_limits_apply(wall_on, sender, recipient):
    for _ in range(10):
        write(sender, recipient)
    with pytest.raises(RateLimited, match="You have written 10 wall posts in the last hour"):
        write(sender, recipient)
    cache.clear()
    User.objects.filter(pk=sender.pk).update(suspended_until=timezone.now() + timedelta(days=1))
    sender.refresh_from_db()
    with pytest.raises(PermissionDenied, match="Your account is suspended until"):
        write(sender, recipient)


def test_the_owner_and_the_writer_can_delete_others_cannot(wall_on, sender, recipient):
    first, second = write(sender, recipient), write(sender, recipient, "Another note for you")
    outsider = logged_in(make_user("nosy", points=THRESHOLD))
    response = outsider.post(f"/messages/wall/posts/{first.pk}/delete/")
    assert response.status_code == 403
    assert "Only the wall’s owner and the writer can delete this post." in text(response)
    delete_form = f'action="/messages/wall/posts/{first.pk}/delete/"'
    assert delete_form not in text(outsider.get("/users/rita/?tab=wall"))
    for owner_or_writer in (recipient, sender):
        assert delete_form in text(logged_in(owner_or_writer).get("/users/rita/?tab=wall"))
    logged_in(recipient).post(f"/messages/wall/posts/{first.pk}/delete/")
    logged_in(sender).post(f"/messages/wall/posts/{second.pk}/delete/")
    assert not WallPost.objects.exists()


def test_moderators_hide_and_show_wall_posts_with_an_audit_entry(wall_on, sender, recipient):
    post = write(sender, recipient, "Something nasty about rita")
    moderator = logged_in(make_user("mod", is_staff=True))
    assert logged_in(recipient).post(f"/messages/wall/posts/{post.pk}/hide/").status_code == 403
    moderator.post(f"/messages/wall/posts/{post.pk}/hide/", {"reason": "Abusive"})
    post.refresh_from_db()
    assert post.status == WallPostStatus.HIDDEN
    entry = AuditEntry.objects.get(action=AuditAction.HIDE)
    assert entry.detail == {"wall_post": post.pk, "wall_of": recipient.pk}
    assert entry.target_user == sender and entry.reason == "Abusive"
    for viewer in (Client(), logged_in(recipient), logged_in(sender)):
        assert "Something nasty" not in text(viewer.get("/users/rita/?tab=wall"))
    assert "Hidden by a moderator" in text(moderator.get("/users/rita/?tab=wall"))
    moderator.post(f"/messages/wall/posts/{post.pk}/show/")
    assert AuditEntry.objects.filter(action=AuditAction.RESHOW).exists()
    assert "Something nasty" in text(Client().get("/users/rita/?tab=wall"))


def test_reporting_a_wall_post_and_hiding_it_from_the_report(wall_on, sender, recipient):
    post = write(sender, recipient, "Spam spam, visit my shop")
    reader = logged_in(make_user("reader"))
    assert f'href="/messages/wall/posts/{post.pk}/report/"' in text(reader.get("/users/rita/"))
    response = reader.post(f"/messages/wall/posts/{post.pk}/report/", {"reason": "spam"})
    assert response.status_code == 302
    report = Report.objects.get()
    logged_in(make_user("second_reader")).post(
        f"/messages/wall/posts/{post.pk}/report/", {"reason": "spam", "note": "Same here"}
    )
    assert Report.objects.count() == 2
    moderator = logged_in(make_user("mod", is_staff=True))
    page = text(moderator.get(f"/messages/reports/{report.pk}/"))
    assert "Spam spam, visit my shop" in page and "Also hide the wall post" in page
    moderator.post(
        f"/messages/reports/{report.pk}/",
        {"outcome": "upheld", "note": "Advertising", "hide_wall_post": "on"},
    )
    post.refresh_from_db()
    report.refresh_from_db()
    assert post.status == WallPostStatus.HIDDEN and report.outcome == "upheld"
    # Settling one settles every report on the same wall post.
    assert set(Report.objects.values_list("outcome", flat=True)) == {"upheld"}
    assert "Spam spam" not in text(Client().get("/users/rita/?tab=wall"))


def test_a_crisis_wall_post_offers_the_writer_help(wall_on, sender, recipient):
    """Needs the crisis assessor (mindwell.safety.risk) to read CRISIS_TEXT as crisis."""
    client = logged_in(sender)
    page = text(client.post("/messages/wall/rita/", {"body": CRISIS_TEXT}, follow=True))
    assert WallPost.objects.get().risk_level == "crisis"
    assert "You are not alone" in page


def test_the_profile_with_a_wall_costs_the_same_however_many_posts(wall_on, sender, recipient):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    viewer = logged_in(make_user("viewer", points=THRESHOLD))

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert viewer.get(url).status_code == 200
        return len(queries)

    def add(n: int) -> None:
        for _ in range(n):
            cache.clear()
            write(make_user(points=THRESHOLD), recipient)
        viewer.get("/")

    add(2)
    few = (count("/users/rita/"), count("/users/rita/?tab=wall"))
    add(25)
    assert (count("/users/rita/"), count("/users/rita/?tab=wall")) == few
