"""Fill an empty Mindwell with a realistic demo forum (members, questions, answers, comments,
votes, best answers, edits), written for Mindwell and made through the real services."""

from django.core.management.base import BaseCommand, CommandError

from mindwell.demo.loader import load_demo
from mindwell.qa.models import Post


class Command(BaseCommand):
    help = "Load the demo forum. With --if-empty, do nothing when the site already has posts."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--if-empty", action="store_true", help="Only load when there are no posts yet."
        )
        parser.add_argument("--seed", type=int, default=7, help="Random seed (default 7).")

    def handle(self, *args, if_empty: bool = False, seed: int = 7, **options):  # type: ignore[no-untyped-def]
        if Post.objects.exists():
            if if_empty:
                self.stdout.write("The site already has content; demo content not loaded.")
                return
            raise CommandError(
                "The site already has posts. The demo is for an empty site; use --if-empty "
                "to skip quietly."
            )
        self.stdout.write("Loading the demo forum…")
        counts = load_demo(seed=seed, log=self.stdout.write)
        summary = ", ".join(f"{n} {name}" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo forum loaded: {summary}."))
