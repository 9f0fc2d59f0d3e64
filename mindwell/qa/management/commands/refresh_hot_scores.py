"""Recompute every question's stored "hot" score (mindwell.qa.hot).

Scores are kept current as answers, votes and views arrive; run this after changing the
formula, or after editing counts or dates directly in the database."""

from django.core.management.base import BaseCommand

from mindwell.qa.hot import hot_refresh
from mindwell.qa.models import Post, PostKind

BATCH = 2000


class Command(BaseCommand):
    help = "Recompute the stored hot score of every question."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        ids = Post.objects.filter(kind=PostKind.QUESTION).order_by("pk")
        ids = ids.values_list("pk", flat=True)
        total = ids.count()
        done = 0
        batch = []
        for pk in ids.iterator(chunk_size=BATCH):
            batch.append(pk)
            if len(batch) == BATCH:
                done += hot_refresh(question_ids=batch)
                batch = []
                self.stdout.write(f"  {done}/{total} questions")
        done += hot_refresh(question_ids=batch)
        self.stdout.write(self.style.SUCCESS(f"Recomputed the hot score of {done} questions."))
