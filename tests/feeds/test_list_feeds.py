import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mindwell.qa.models import ContentWarning, PostStatus
from mindwell.qa.selectors import SORTS
from mindwell.qa.services import question_create
from mindwell.qa.services.common import Poster
from mindwell.qa.services.publication import post_set_status
from mindwell.siteconfig.models import SiteSettings
from tests.factories import category, make_answer, make_question
from tests.feeds.feed_helpers import FORMATS, fetch, guids, short_url

ANON_EMAIL = "quiet.asker@private.test"


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_recent_feed_lists_newest_questions_first_with_links_and_authors(client, member, fmt):
    first = make_question(author=member, title="How do I start talking to a therapist?")
    second = make_question(title="Why do I wake up at four every night?")
    parsed, _ = fetch(client, f"/feeds/recent.{fmt}")
    assert guids(parsed) == [short_url(second), short_url(first)]
    entry = parsed.entries[1]
    assert entry.title == "How do I start talking to a therapist?"
    assert entry.link == f"http://testserver{first.get_absolute_url()}"
    assert entry.author == member.username
    assert "anxious for weeks" in entry.summary
    assert {tag.term for tag in entry.tags} >= {"anxiety", "sleep", "Psychology"}
    assert parsed.feed.title.startswith("Recent questions")


@pytest.mark.django_db
@pytest.mark.parametrize("sort", sorted(SORTS))
def test_every_list_has_a_feed_in_both_formats(client, sort):
    make_question()
    for fmt in FORMATS:
        parsed, _ = fetch(client, f"/feeds/{sort}.{fmt}")
        assert parsed.feed.link.startswith("http://testserver/")


@pytest.mark.django_db
def test_unknown_list_has_no_feed(client):
    assert client.get("/feeds/everything.rss").status_code == 404


@pytest.mark.django_db
def test_votes_and_unanswered_feeds_follow_their_lists(client, member, other_member):
    quiet = make_question(title="Nobody has answered this one yet, sadly")
    answered = make_question(title="This one already has an answer below")
    make_answer(answered, author=member)
    from mindwell.votes.services import vote_cast

    vote_cast(user=other_member, post=quiet, value=1)
    votes, _ = fetch(client, "/feeds/votes.rss")
    assert guids(votes)[0] == short_url(quiet)
    unanswered, _ = fetch(client, "/feeds/unanswered.atom")
    assert guids(unanswered) == [short_url(quiet)]


@pytest.mark.django_db
@pytest.mark.parametrize("status", [PostStatus.QUEUED, PostStatus.HIDDEN, PostStatus.DELETED])
def test_feeds_show_only_published_questions(client, question, status):
    shown = make_question(title="A question everyone can read here")
    post_set_status(post=question, status=status)
    for fmt in FORMATS:
        parsed, raw = fetch(client, f"/feeds/recent.{fmt}")
        assert guids(parsed) == [short_url(shown)]
        assert b"anxious every morning" not in raw


@pytest.mark.django_db
def test_visitors_appear_by_name_only(client):
    site = SiteSettings.current()
    site.anonymous_questions = True
    site.save()
    anonymous = question_create(
        poster=Poster(name="Quiet Asker", email=ANON_EMAIL, notify=True, ip="10.9.8.7"),
        title="How do I tell my family I see a counsellor?",
        body="They would not understand.",
        category_id=category().pk,
    )
    nameless = question_create(
        poster=Poster(email=ANON_EMAIL, ip="10.9.8.6"),
        title="Is it fine to ask without a name here?",
        body="",
        category_id=category().pk,
    )
    for fmt in FORMATS:
        parsed, raw = fetch(client, f"/feeds/recent.{fmt}")
        authors = {entry.id: entry.author for entry in parsed.entries}
        assert authors == {short_url(anonymous): "Quiet Asker", short_url(nameless): "anonymous"}
        text = raw.decode()
        assert ANON_EMAIL not in text
        assert "10.9.8." not in text
        assert "@" not in text


@pytest.mark.django_db
def test_a_post_behind_a_content_warning_stays_behind_it(client, member):
    make_question(
        author=member,
        title="Grief after losing my brother last spring",
        body="The details of that night still come back to me.",
        content_warning=ContentWarning.DEATH,
    )
    for fmt in FORMATS:
        parsed, raw = fetch(client, f"/feeds/recent.{fmt}")
        assert "Content warning: death and grief" in parsed.entries[0].summary
        assert b"details of that night" not in raw


@pytest.mark.django_db
def test_long_posts_are_shortened(client):
    make_question(title="A long story about my week so far", body="word " * 1000)
    parsed, _ = fetch(client, "/feeds/recent.atom")
    assert 240 < parsed.entries[0].summary.count("word") <= 250


@pytest.mark.django_db
def test_titles_come_back_as_written_in_both_formats(client):
    title = 'Is "<b>this</b>" & that <script>normal</script>?'
    make_question(title=title)
    rss, raw = fetch(client, "/feeds/recent.rss")
    assert b"<script>" not in raw
    # RSS readers may read a title as HTML, so it is HTML that shows the text as written.
    assert rss.entries[0].title_detail.type == "text/html"
    assert html.unescape(rss.entries[0].title) == title
    atom, raw = fetch(client, "/feeds/recent.atom")
    assert b"<script>" not in raw
    assert atom.entries[0].title_detail.type == "text/plain"
    assert atom.entries[0].title == title


@pytest.mark.django_db
def test_feed_links_use_the_configured_site_address(client, question, settings):
    settings.MINDWELL_SITE_URL = "https://mindwell.example/"
    parsed, _ = fetch(client, "/feeds/recent.atom")
    assert parsed.entries[0].link == f"https://mindwell.example{question.get_absolute_url()}"
    assert parsed.feed.link == "https://mindwell.example/"


@pytest.mark.django_db
def test_feeds_can_be_cached_briefly(client, question):
    response = client.get("/feeds/recent.rss")
    assert "max-age=300" in response["Cache-Control"]
    assert response["Content-Type"].startswith("application/rss+xml")
    assert client.get("/feeds/recent.atom")["Content-Type"].startswith("application/atom+xml")


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["recent", "hot", "votes"])
def test_list_feed_queries_do_not_grow_with_items(client, sort):
    for _ in range(2):
        make_question()
    few = _queries(client, f"/feeds/{sort}.rss")
    for _ in range(6):
        make_question()
    assert _queries(client, f"/feeds/{sort}.rss") == few
    assert few <= 4


@pytest.mark.django_db
def test_a_crisis_post_stays_in_the_feed_with_a_way_to_help(client, member):
    # Needs the crisis assessor (mindwell.safety.risk) to rate this text as a crisis.
    crisis = make_question(
        author=member,
        title="I cannot see a way forward any more",
        body="I am going to kill myself tonight, I have the pills ready",
    )
    crisis.refresh_from_db()
    assert crisis.is_crisis
    for fmt in FORMATS:
        parsed, _ = fetch(client, f"/feeds/recent.{fmt}")
        assert guids(parsed) == [short_url(crisis)]
        summary = parsed.entries[0].summary
        assert "please contact your local emergency services" in summary
        assert 'href="http://testserver/safety/resources/"' in summary
