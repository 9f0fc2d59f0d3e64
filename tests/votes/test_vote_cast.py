import threading

import pytest
from django.db import close_old_connections, connection

from mindwell.core.errors import PermissionDenied, ServiceError
from mindwell.qa.models import Post, PostStatus
from mindwell.votes.models import Vote
from mindwell.votes.services import vote_cast
from tests.factories import make_answer, make_comment, make_question, make_user


@pytest.mark.django_db
class TestVoteCast:
    def test_up_then_down_then_retract(self, question, other_member):
        post = vote_cast(user=other_member, post=question, value=1)
        assert (post.score, post.upvotes, post.downvotes) == (1, 1, 0)
        post = vote_cast(user=other_member, post=question, value=-1)
        assert (post.score, post.upvotes, post.downvotes) == (-1, 0, 1)
        assert Vote.objects.get().value == -1
        post = vote_cast(user=other_member, post=question, value=0)
        assert (post.score, post.upvotes, post.downvotes) == (0, 0, 0)
        assert not Vote.objects.exists()

    def test_same_vote_twice_counts_once(self, question, other_member):
        vote_cast(user=other_member, post=question, value=1)
        post = vote_cast(user=other_member, post=question, value=1)
        assert post.score == 1
        assert Vote.objects.count() == 1

    def test_no_votes_on_your_own_post(self, question, member):
        with pytest.raises(PermissionDenied, match="own post"):
            vote_cast(user=member, post=question, value=1)
        assert Post.objects.get(pk=question.pk).score == 0

    def test_anonymous_visitors_cannot_vote(self, question):
        from django.contrib.auth.models import AnonymousUser

        with pytest.raises(PermissionDenied, match="log in"):
            vote_cast(user=AnonymousUser(), post=question, value=1)

    def test_deleted_and_hidden_posts_cannot_be_voted_on(self, question, other_member):
        Post.objects.filter(pk=question.pk).update(status=PostStatus.DELETED)
        with pytest.raises(ServiceError, match="deleted"):
            vote_cast(user=other_member, post=question, value=1)
        Post.objects.filter(pk=question.pk).update(status=PostStatus.HIDDEN)
        with pytest.raises(ServiceError, match="hidden"):
            vote_cast(user=other_member, post=question, value=1)
        assert not Vote.objects.exists()

    def test_comments_are_not_voted_on(self, question, other_member):
        comment = make_comment(question)
        with pytest.raises(ServiceError):
            vote_cast(user=other_member, post=comment, value=1)

    def test_bad_value(self, question, other_member):
        with pytest.raises(ServiceError):
            vote_cast(user=other_member, post=question, value=5)

    def test_score_sums_many_voters(self, question):
        voters = [make_user() for _ in range(5)]
        for voter in voters[:4]:
            vote_cast(user=voter, post=question, value=1)
        vote_cast(user=voters[4], post=question, value=-1)
        assert Post.objects.get(pk=question.pk).score == 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_votes_lose_nothing():
    """50 threads vote on one post at once; every vote must be counted exactly once."""
    author = make_user("author")
    question = make_question(author=author)
    answer = make_answer(question, author=author)
    voters = [make_user(f"voter{i}") for i in range(50)]
    barrier = threading.Barrier(len(voters))
    errors: list[BaseException] = []

    def cast(voter, value):
        try:
            barrier.wait(timeout=30)
            vote_cast(user=voter, post=answer, value=value)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=cast, args=(voter, 1 if i % 5 else -1))
        for i, voter in enumerate(voters)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    answer.refresh_from_db()
    assert (answer.upvotes, answer.downvotes) == (40, 10)
    assert answer.score == 30
    assert Vote.objects.filter(post=answer).count() == 50
    # Points follow the same votes: capped gain 20, capped loss 5 -> (20 - 5) x 10 = 150,
    # plus 20 for asking and 40 for answering, on top of the base of 100.
    author.refresh_from_db()
    assert author.points == 100 + 20 + 40 + 150


@pytest.mark.django_db(transaction=True)
def test_members_voting_on_each_others_posts_at_once_do_not_deadlock():
    """A votes on B's answers while B votes on A's, round after round at the same instant:
    each vote moves both members' points, so without a fixed lock order each transaction
    would hold one member's row and wait for the other's (PostgreSQL then fails one)."""
    a, b = make_user("alex"), make_user("blair")
    question = make_question()
    rounds = 15
    of_a = [make_answer(question, author=a) for _ in range(rounds)]
    of_b = [make_answer(question, author=b) for _ in range(rounds)]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def vote_all(voter, answers):
        try:
            for answer in answers:
                barrier.wait(timeout=30)
                vote_cast(user=voter, post=answer, value=1)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
            barrier.abort()
        finally:
            connection.close()

    threads = [
        threading.Thread(target=vote_all, args=(a, of_b)),
        threading.Thread(target=vote_all, args=(b, of_a)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    assert Vote.objects.filter(user=a, post__in=of_b, value=1).count() == rounds
    assert Vote.objects.filter(user=b, post__in=of_a, value=1).count() == rounds
