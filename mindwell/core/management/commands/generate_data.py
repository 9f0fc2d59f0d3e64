"""Fill the database with a large generated forum, for benchmarks and load tests.

    mindwell generate_data --questions 20000
    mindwell generate_data --questions 250000 --answers-per-question 2 --seed 7

Adds to what is there (members and posts get fresh ids); categories must exist (`mindwell
migrate` seeds them). See mindwell.demo.generator for what is generated and
bench/README.md for the options. Not for a live site: it writes as fast as it can and
assumes nothing else writes meanwhile.
"""

from django.core.management.base import BaseCommand, CommandError

from mindwell.demo.generator import Options, generate


class Command(BaseCommand):
    help = "Generate members, questions, answers, comments, votes and tags in bulk."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--questions", type=int, required=True, help="Questions to add.")
        parser.add_argument(
            "--answers-per-question", type=float, default=3.0, help="Mean answers (default 3)."
        )
        parser.add_argument(
            "--comments-per-post",
            type=float,
            default=0.5,
            help="Mean comments per question and per answer (default 0.5).",
        )
        parser.add_argument(
            "--users", type=int, default=None, help="Members to add (default questions / 8)."
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--batch",
            type=int,
            default=5000,
            help="Questions per transaction and rows per insert (default 5000).",
        )
        parser.add_argument(
            "--years", type=float, default=3.0, help="Spread questions over this many years."
        )
        parser.add_argument(
            "--skip-search-index",
            action="store_true",
            help="Do not rebuild the search index at the end (run rebuild_search_index later).",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        for name in ("questions", "batch"):
            if options[name] < 1:
                raise CommandError(f"--{name} must be at least 1.")
        if options["users"] is not None and options["users"] < 2:
            raise CommandError("--users must be at least 2 (nobody votes on their own posts).")
        if options["answers_per_question"] < 0 or options["comments_per_post"] < 0:
            raise CommandError("Means cannot be negative.")
        settings = Options(
            questions=options["questions"],
            answers_per_question=options["answers_per_question"],
            comments_per_post=options["comments_per_post"],
            users=options["users"],
            seed=options["seed"],
            batch=options["batch"],
            years=options["years"],
            search_index=not options["skip_search_index"],
        )
        self.stdout.write(f"Generating {settings.questions:,} questions…")
        try:
            summary = generate(settings, log=self.stdout.write)
        except ValueError as error:
            raise CommandError(str(error)) from None
        steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in summary.timings.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {summary.users:,} members, {summary.questions:,} questions, "
                f"{summary.answers:,} answers, {summary.comments:,} comments and "
                f"{summary.votes:,} votes ({summary.posts:,} posts) in "
                f"{summary.seconds:.1f} s ({steps})."
            )
        )
