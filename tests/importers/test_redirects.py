"""Old Question2Answer addresses answer with a permanent redirect to the page that now holds
the same thing; unknown ones stay 404, Mindwell's own addresses are untouched, and a page
that exists costs not one query more. The import's id map is written here directly, as the
importer's ledger writes it."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from mindwell.importers.models import ImportedObject, ImportRun
from mindwell.qa.models import Post, PostStatus
from mindwell.taxonomy.models import Category, Tag
from tests.factories import make_answer, make_comment, make_question, make_user

pytestmark = pytest.mark.django_db

MIDDLEWARE = "mindwell.importers.redirects.OldLinkRedirectMiddleware"
KEY = "127.0.0.1:3306/q2a_fixture/qa_"


def remember(kind: str, external_id: int | str, local_id: int, key: str = KEY) -> None:
    ImportedObject.objects.create(
        source="q2a", source_key=key, kind=kind, external_id=str(external_id), local_id=local_id
    )


@pytest.fixture
def site(db):
    """A small imported forum: question 52 with answer 60 and comment 61, members, a
    category tree whose slugs the seeded categories already had (so they became
    "relationships-2" and "dating-2", as the importer names them)."""
    ImportRun.objects.create(source="q2a", source_key=KEY, status=ImportRun.Status.FINISHED)
    assert Category.objects.filter(slug__in=["relationships", "dating"]).count() == 2
    top = Category.objects.create(name="Relationships (imported)", slug="relationships-2")
    dating = Category.objects.create(name="Dating", slug="dating-2", parent=top)
    remember("category", 4, top.pk)
    remember("category", 5, dating.pk)
    river = make_user("calm_river")
    jose = make_user("José Martín")
    make_user("sunflower")  # a local member, not imported
    sunflower = make_user("sunflower (2)")  # the imported one, renamed on a clash
    for q2a_id, user in ((2, river), (6, jose), (7, sunflower)):
        remember("user", q2a_id, user.pk)
    question = make_question(author=river, title="How do I stop overthinking texts?")
    answer = make_answer(question)
    comment = make_comment(answer)
    for q2a_id, post in ((52, question), (60, answer), (61, comment)):
        remember("post", q2a_id, post.pk)
    return {"question": question, "answer": answer, "comment": comment, "dating": dating}


def assert_moved(client, old: str, new: str) -> None:
    response = client.get(old)
    assert response.status_code == 301, (old, response.status_code)
    assert response["Location"] == new, old


def assert_gone(client, old: str) -> None:
    response = client.get(old)
    assert response.status_code == 404, (old, response.status_code)
    assert "errors/404.html" in [t.name for t in response.templates]


def test_question_addresses_in_every_url_scheme(client, site):
    page = site["question"].get_absolute_url()
    assert page.startswith(f"/questions/{site['question'].pk}/how-do-i-stop")
    for old in (
        "/52/how-do-i-stop-overthinking-texts",
        "/52",
        "/52/an-old-title",
        "/index.php/52/how-do-i-stop-overthinking-texts",
        "/index.php?qa=52&qa_1=how-do-i-stop-overthinking-texts",
        "/?qa=52&qa_1=how-do-i-stop-overthinking-texts",
    ):
        assert_moved(client, old, page)


def test_an_answer_or_comment_id_leads_to_its_anchor_on_the_question_page(client, site):
    page = site["question"].get_absolute_url()
    answer, comment = site["answer"], site["comment"]
    assert_moved(client, "/60", f"{page}#a{answer.pk}")
    assert_moved(client, "/61/whatever", f"{page}#c{comment.pk}")
    # Question2Answer's own links to a reply: /52/slug?show=60#a60.
    assert_moved(client, "/52/slug?show=60", f"{page}#a{answer.pk}")
    assert_moved(client, "/52/slug?show=999", page)
    # The anchors are the ones the question page gives its posts.
    html = client.get(page).content.decode()
    assert f'id="a{answer.pk}"' in html and f'id="c{comment.pk}"' in html


def test_a_hidden_question_gets_its_short_address_so_the_title_does_not_leak(client, site):
    question = site["question"]
    Post.objects.filter(pk=question.pk).update(status=PostStatus.HIDDEN)
    assert_moved(client, "/52/how-do-i-stop-overthinking-texts", f"/questions/{question.pk}/")
    assert_moved(client, "/60", f"/questions/{question.pk}/#a{site['answer'].pk}")
    assert client.get(f"/questions/{question.pk}/").status_code == 404  # to a visitor


def test_deleted_and_unknown_posts_are_a_plain_404(client, site):
    Post.objects.filter(pk=site["question"].pk).update(status=PostStatus.DELETED)
    assert_gone(client, "/52/how-do-i-stop-overthinking-texts")
    assert_gone(client, "/60")
    assert_gone(client, "/53/never-imported")
    assert_gone(client, "/index.php?qa=999")


def test_member_pages(client, site):
    assert_moved(client, "/user/calm_river", "/users/calm_river/")
    assert_moved(client, "/user/calm_river/questions", "/users/calm_river/?tab=questions")
    assert_moved(client, "/user/calm_river/answers", "/users/calm_river/?tab=answers")
    assert_moved(client, "/user/calm_river/wall", "/users/calm_river/?tab=wall")
    assert_moved(client, "/user/calm_river/activity", "/users/calm_river/")
    assert_moved(client, "/index.php?qa=user&qa_1=calm_river", "/users/calm_river/")
    jose = "/users/Jos%C3%A9%20Mart%C3%ADn/"
    assert_moved(client, "/user/Jos%C3%A9%20Mart%C3%ADn", jose)
    assert_moved(client, "/user/Jos%C3%A9+Mart%C3%ADn", jose)  # PHP's urlencode()
    assert_moved(client, "/index.php?qa=user&qa_1=Jos%C3%A9+Mart%C3%ADn", jose)
    # The imported "sunflower" was renamed on a clash; the local one is someone else.
    assert_moved(client, "/user/sunflower", "/users/sunflower%20(2)/")


def test_unknown_or_local_only_members_are_a_plain_404(client, site):
    make_user("local_only")
    assert_gone(client, "/user/local_only")
    assert_gone(client, "/user/nobody")
    assert_gone(client, "/user/calm_river/favorites")


def test_tags_and_the_fixed_pages(client, site):
    assert Tag.objects.filter(name="anxiety").exists()
    assert_moved(client, "/tag/anxiety", "/tags/anxiety/")
    assert_gone(client, "/tag/never-used")
    for old, new in (
        ("/tags", "/tags/"),
        ("/users", "/users/"),
        ("/categories", "/categories/"),
        ("/ask", "/ask/"),
        ("/questions", "/questions/"),
        ("/search?q=panic+attacks", "/search/?q=panic+attacks"),
        ("/index.php?qa=search&q=panic", "/search/?q=panic"),
        ("/index.php?qa=tags", "/tags/"),
        ("/index.php?qa=ask", "/ask/"),
        ("/unanswered", "/questions/?sort=unanswered"),
        ("/unanswered?by=selected", "/questions/?sort=unanswered&kind=no-best"),
        ("/hot", "/questions/?sort=hot"),
        ("/index.php?qa=questions&sort=votes", "/questions/?sort=votes"),
        ("/qa", "/"),
        ("/index.php", "/"),
        ("/login", "/accounts/login/"),
    ):
        assert_moved(client, old, new)


def test_category_pages_at_their_slug_paths(client, site):
    top = Category.objects.get(slug="relationships-2")
    assert_moved(client, "/relationships", "/categories/relationships-2/")
    assert_moved(client, "/relationships/dating", "/categories/dating-2/")
    assert_moved(client, "/questions/relationships/dating", "/categories/dating-2/")
    assert_moved(
        client, "/questions/relationships?sort=views", "/categories/relationships-2/?sort=views"
    )
    assert_moved(
        client,
        "/unanswered/relationships/dating?by=upvotes",
        "/categories/dating-2/?sort=unanswered&kind=no-upvoted",
    )
    assert_moved(client, "/hot/relationships", "/categories/relationships-2/?sort=hot")
    assert_moved(client, "/activity/relationships/dating", "/activity/?category=dating-2")
    assert_moved(client, "/categories/relationships/dating", "/categories/dating-2/")
    assert_moved(client, "/index.php?qa=relationships&qa_1=dating", "/categories/dating-2/")
    assert client.get("/categories/relationships-2/").status_code == 200
    assert top.get_absolute_url() == "/categories/relationships-2/"


def test_category_paths_that_do_not_walk_the_imported_tree_are_a_plain_404(client, site):
    assert_gone(client, "/dating")  # a child, not at the top
    assert_gone(client, "/relationships/nothing")
    assert_gone(client, "/anxiety")  # our own category, never imported
    assert_gone(client, "/unanswered/nothing")


def test_feeds(client, site):
    assert_moved(client, "/feed/questions.rss", "/feeds/recent.rss")
    assert_moved(client, "/feed/hot.rss", "/feeds/hot.rss")
    assert_moved(client, "/feed/qa.rss", "/feeds/active.rss")
    assert_moved(client, "/feed/unanswered.rss", "/feeds/unanswered.rss")
    assert_moved(
        client, "/feed/questions/relationships/dating.rss", "/categories/dating-2/feed.rss"
    )
    assert_moved(
        client, "/feed/hot/relationships.rss", "/categories/relationships-2/feed.rss?sort=hot"
    )
    assert_moved(client, "/feed/tag/anxiety.rss", "/tags/anxiety/feed.rss")
    assert_moved(client, "/feed/search/panic+attacks.rss", "/search/feed.rss?q=panic+attacks")
    assert client.get("/feeds/recent.rss").status_code == 200
    assert_gone(client, "/feed/user/calm_river.rss")  # no member feeds here
    assert_gone(client, "/feed/tag/never-used.rss")


def test_mindwell_addresses_are_never_taken_over(client, site):
    # An imported category whose slug is one of our top-level paths.
    admin = Category.objects.create(name="Admin talk", slug="admin")
    remember("category", 11, admin.pk)
    assert_moved(client, "/admin", "/admin/")  # APPEND_SLASH, as before
    # A 404 at one of our own addresses (they end in "/") stays a 404, even where a
    # Question2Answer id of the same number exists.
    assert_gone(client, "/questions/52/")
    assert_gone(client, "/users/calm_river/nothing/")
    assert_gone(client, "/relationships/dating/")
    assert client.get("/").status_code == 200
    assert client.get(site["question"].get_absolute_url()).status_code == 200


def test_only_reading_requests_are_redirected(client, site):
    assert client.post("/52/how-do-i-stop-overthinking-texts").status_code == 404
    assert client.head("/52").status_code == 301


def test_a_site_that_never_imported_from_question2answer_redirects_nothing(client, db):
    question = make_question()
    remember("post", 52, question.pk, key="not a run")  # no ImportRun: not an import
    assert_gone(client, "/52")
    assert_gone(client, "/unanswered")
    assert_gone(client, "/user/somebody")
    assert_gone(client, "/index.php")
    assert client.get("/?qa=52").status_code == 200  # simply the home page


def test_another_importers_ids_are_not_question2answers(client, site):
    other = make_question(title="A Stack Exchange question")
    ImportRun.objects.create(source="stackexchange", source_key="folder")
    ImportedObject.objects.create(
        source="stackexchange",
        source_key="folder",
        kind="post",
        external_id="70",
        local_id=other.pk,
    )
    assert_gone(client, "/70")


def _home_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_existing_pages_cost_no_extra_query(client, site):
    assert MIDDLEWARE in settings.MIDDLEWARE
    client.force_login(make_user("reader"))
    _home_queries(client)  # first request fills the caches both runs then share
    with_redirects = _home_queries(client)
    without = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE]
    with override_settings(MIDDLEWARE=without):
        without_redirects = _home_queries(client)
    assert with_redirects == without_redirects
    # Anonymous too, and a home page with other parameters.
    client.logout()
    _home_queries(client)
    with CaptureQueriesContext(connection) as queries:
        client.get("/?sort=hot")
    with override_settings(MIDDLEWARE=without), CaptureQueriesContext(connection) as bare:
        client.get("/?sort=hot")
    assert len(queries) == len(bare)
