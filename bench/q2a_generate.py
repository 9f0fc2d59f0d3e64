"""A Question2Answer 1.8 database for bench/q2a_import_bench.py, written straight into
MariaDB: members, a category tree, questions, answers and comments in a forum's usual
proportions, votes, flags, best answers, tags, favourites, messages and points.

Realistic where it matters to an importer: a few members write much of the content, 8% of
posts are anonymous (some with a notification address), 30% are HTML and the rest plain
text, 1% are hidden and 0.3% queued, one member in ten has a pre-1.6 salted SHA-1 password,
some handles are not ASCII or hold spaces, votes are Zipf-like, a reply is always newer than
what it replies to, and post ids follow time as Question2Answer's do. Rows go in with
multi-row INSERTs (PyMySQL's executemany), with key checks off.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import bcrypt

from mindwell.demo import wordlists as words
from mindwell.demo.distributions import Skewed, zipf_cum
from mindwell.demo.text import TextMaker

SCHEMA = Path(__file__).resolve().parent / "q2a_schema.sql"
NOW = datetime(2026, 11, 1, 12, 0, 0)  # fixed, so a seed always writes the same forum
# The proportions of a Question2Answer forum: questions : answers : comments.
SHARES = (1.0, 2.5, 1.5)
# Question2Answer 1.8's default points options (qa_options).
POINTS = {
    "points_base": 100, "points_multiple": 10, "points_post_q": 2, "points_post_a": 4,
    "points_select_a": 3, "points_a_selected": 30, "points_vote_up_q": 1,
    "points_vote_down_q": 1, "points_vote_up_a": 1, "points_vote_down_a": 1,
    "points_per_q_voted_up": 1, "points_per_q_voted_down": 1, "points_q_voted_max_gain": 10,
    "points_q_voted_max_loss": 3, "points_per_a_voted_up": 2, "points_per_a_voted_down": 2,
    "points_a_voted_max_gain": 20, "points_a_voted_max_loss": 5,
}  # fmt: skip
CATEGORIES = {
    "Anxiety": ["Panic", "Social anxiety", "Health worries"],
    "Depression": ["Low mood", "Getting help"],
    "Relationships": ["Dating", "Breakups", "Marriage"],
    "Family": ["Parenting", "Parents", "Siblings"],
    "Work and study": ["Burnout", "Exams"],
    "Sleep": [],
    "Grief": ["Pet loss"],
    "Self-esteem": [],
}
NAME_STEMS = ["Zoë", "Łukasz", "José", "Ana Lúcia", "Björn", "Chen Wei", "Mária", "Noor"]


@dataclass
class Post:
    kind: str  # Q, A or C
    created: datetime
    parent: int | None = None  # index into the post list, before ids are given
    user: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def generate(conn: Any, db: str, *, posts: int, users: int, rng: random.Random) -> dict[str, int]:
    if not re.fullmatch(r"[A-Za-z0-9_]+", db):
        sys.exit("--source-db: letters, digits and _ only")
    with conn.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS `{db}`")
        cur.execute(f"CREATE DATABASE `{db}` CHARACTER SET utf8")
        cur.execute(f"USE `{db}`")
        cur.execute("SET foreign_key_checks = 0, unique_checks = 0")
        lines = [line for line in SCHEMA.read_text().splitlines() if not line.startswith("--")]
        for statement in "\n".join(lines).split(";"):
            if statement.strip():
                cur.execute(statement.replace("{p}", "qa_"))
    tables: dict[str, list[tuple[Any, ...]]] = {}
    tables["options"] = [(name, str(value)) for name, value in POINTS.items()] + [
        ("site_title", "Benchmark forum"),
        ("db_version", "67"),
    ]
    categories = _categories(tables)
    members = _users(tables, users, rng)
    thread = _posts(posts, members, rng)
    _post_rows(tables, thread, categories, members, rng)
    _joined_before_posting(tables, thread, rng)
    _votes_and_points(tables, thread, members, rng)
    _extras(tables, thread, members, categories, rng)
    with conn.cursor() as cur:
        for table, rows in tables.items():
            if rows:
                marks = ", ".join(["%s"] * len(rows[0]))
                sql = f"INSERT INTO qa_{table} VALUES ({marks})"  # noqa: S608 (fixed names)
                for start in range(0, len(rows), 2000):
                    cur.executemany(sql, rows[start : start + 2000])
    conn.commit()
    return {name: len(rows) for name, rows in tables.items()}


def _ip(rng: random.Random) -> bytes:
    return bytes([rng.choice([10, 81, 92, 176]), *rng.randbytes(3)])


def _categories(tables: dict[str, list[tuple[Any, ...]]]) -> list[tuple[int, int | None]]:
    """(categoryid, parentid) of every category; questions go anywhere in the tree."""
    rows, out, next_id = [], [], 1
    for position, (title, children) in enumerate(CATEGORIES.items(), start=1):
        slug, top = re.sub(r"[^a-z]+", "-", title.lower()), next_id
        rows.append(
            (top, None, title, slug, f"Questions about {title.lower()}.", 0, position, slug)
        )
        out.append((top, None))
        next_id += 1
        for child_position, child in enumerate(children, start=1):
            child_slug = re.sub(r"[^a-z]+", "-", child.lower())
            rows.append(
                (next_id, top, child, child_slug, "", 0, child_position, f"{child_slug}/{slug}")
            )
            out.append((next_id, top))
            next_id += 1
    tables["categories"] = rows
    return out


def _users(tables: dict[str, list[tuple[Any, ...]]], n: int, rng: random.Random) -> list[datetime]:
    """Members 1..n (index 0 unused); returns when each joined. Most passwords are bcrypt;
    one in ten is the pre-1.6 salted SHA-1."""
    hashes = [bcrypt.hashpw(f"Passw0rd!{i}".encode(), bcrypt.gensalt(10)) for i in range(3)]
    joined: list[datetime] = [NOW]
    rows, profiles = [], []
    for userid in range(1, n + 1):
        created = NOW - timedelta(days=rng.uniform(30, 5 * 365))
        if rng.random() < 0.06:
            handle = f"{rng.choice(NAME_STEMS)} {userid}"
        else:
            handle = f"{rng.choice(words.ADJECTIVES)}_{rng.choice(words.NOUNS)}"[:15] + str(userid)
        salt = check = passhash = None
        if rng.random() < 0.1:
            salt_text = "".join(rng.choices("abcdefghjkmnpqrstuvwxyz23456789", k=16))
            password = f"Passw0rd!{userid % 3}".encode()
            salt = salt_text.encode()
            check = hashlib.sha1(salt[:8] + password + salt[8:]).digest()  # noqa: S324
        else:
            passhash = hashes[userid % 3].decode().replace("$2b$", "$2y$", 1)
        level = 120 if userid == 1 else rng.choices([0, 20, 50, 80, 100], [96, 2, 1, 0.6, 0.4])[0]
        flags = 1 if rng.random() < 0.9 else 0
        flags |= 2 if rng.random() < 0.005 else 0
        ip = _ip(rng)
        rows.append((
            userid, created, ip, f"user{userid}@example.org", handle, None, None, None, salt,
            check, passhash, level, created + timedelta(days=rng.uniform(0, 30)), ip, None, None,
            "", "", "", flags, 0,
        ))  # fmt: skip
        if rng.random() < 0.2:
            profiles.append((userid, "location", rng.choice(["Leeds", "Porto", "Toronto", "Pune"])))
            profiles.append((userid, "about", "Here to listen and to learn."))
        joined.append(created)
    tables["users"], tables["userprofile"] = rows, profiles
    return joined


def _posts(n: int, joined: list[datetime], rng: random.Random) -> list[Post]:
    """Questions, answers and comments in the proportions of SHARES, each reply after what
    it replies to; sorted by time, as Question2Answer's ids are."""
    total = sum(SHARES)
    questions = max(1, round(n * SHARES[0] / total))
    answers = round(n * SHARES[1] / total)
    comments = max(0, n - questions - answers)
    users = len(joined) - 1
    writers = zipf_cum(users, 0.8)  # a few members write much of the content

    def writer() -> int | None:
        if rng.random() < 0.08:
            return None  # anonymous
        return bisect.bisect_left(writers, rng.random() * writers[-1]) + 1

    posts = [
        Post("Q", NOW - timedelta(days=rng.uniform(0, 4 * 365)), user=writer())
        for _ in range(questions)
    ]
    per_question = Skewed(SHARES[1] / SHARES[0], 40, zero_share=0.15).draw(rng, questions)
    parents = [q for q, k in enumerate(per_question) for _ in range(k)]
    parents = (parents + rng.choices(range(questions), k=answers))[:answers]
    for q in parents:
        after = timedelta(hours=rng.lognormvariate(math.log(6), 1.5))
        posts.append(Post("A", posts[q].created + after, parent=q, user=writer()))
    for _ in range(comments):
        p = rng.randrange(len(posts))
        while posts[p].kind == "C":
            p = rng.randrange(len(posts))
        after = timedelta(hours=rng.lognormvariate(math.log(3), 1.2))
        posts.append(Post("C", posts[p].created + after, parent=p, user=writer()))
    order = sorted(range(len(posts)), key=lambda i: posts[i].created)
    new_index = {old: new for new, old in enumerate(order)}
    ordered = [posts[i] for i in order]
    for post in ordered:
        if post.parent is not None:
            post.parent = new_index[post.parent]
    return ordered


def _post_rows(
    tables: dict[str, list[tuple[Any, ...]]],
    posts: list[Post],
    categories: list[tuple[int, int | None]],
    joined: list[datetime],
    rng: random.Random,
) -> None:
    text = TextMaker(rng)
    tag_cum = zipf_cum(len(words.TAGS), 1.0)
    word_ids = {tag: i for i, tag in enumerate(words.TAGS, start=1)}
    tag_counts = [0] * (len(words.TAGS) + 1)
    category_cum = zipf_cum(len(categories), 0.7)
    rows, posttags = [], []
    for index, post in enumerate(posts):
        postid = index + 1
        question = post if post.kind == "Q" else posts[post.parent or 0]
        while question.kind != "Q":
            question = posts[question.parent or 0]
        if post.kind == "Q":
            picked = categories[bisect.bisect_left(category_cum, rng.random() * category_cum[-1])]
            post.extra["category"] = picked
            tags: list[str] = []
            for _ in range(rng.randint(1, 5)):
                tag = words.TAGS[bisect.bisect_left(tag_cum, rng.random() * tag_cum[-1])]
                if tag not in tags:
                    tags.append(tag)
            for tag in tags:
                tag_counts[word_ids[tag]] += 1
                posttags.append((postid, word_ids[tag], post.created))
            post.extra["id"] = postid
        categoryid, parentcat = question.extra["category"]
        html = rng.random() < 0.3
        if post.kind == "C":
            plain, markup = text.comment()
        else:
            plain, markup = text.body(sentences=3.0 if post.kind == "Q" else 4.0)
        content = (markup if html else plain)[:12000]
        roll = rng.random()
        status = "_HIDDEN" if roll < 0.01 else "_QUEUED" if roll < 0.013 else ""
        user = post.user
        name = None if user else rng.choice([None, "A friend", "Anonymous", "Sam"])
        notify = f"anon{postid}@example.net" if not user and rng.random() < 0.3 else None
        edited = rng.random() < 0.05
        updated = post.created + timedelta(hours=rng.uniform(1, 48)) if edited else None
        path = (parentcat, categoryid) if parentcat else (categoryid, None)
        rows.append([
            postid, post.kind + status, (post.parent + 1) if post.parent is not None else None,
            categoryid, path[0], path[1], None, 0, 0, None, None, user, None, _ip(rng),
            user if edited else None, None, 0, 0, 0, None,
            int(rng.paretovariate(1.2) * 20) if post.kind == "Q" else 0, None, 0,
            "html" if html else "", post.created, updated, "E" if edited else None,
            text.title() if post.kind == "Q" else None, content,
            ",".join(tags) if post.kind == "Q" else None, name, notify,
        ])  # fmt: skip
    tables["posts"], tables["posttags"] = rows, posttags  # type: ignore[assignment]
    tables["words"] = [(i, tag, 0, 0, 1, tag_counts[i]) for tag, i in word_ids.items()]


def _joined_before_posting(
    tables: dict[str, list[tuple[Any, ...]]], posts: list[Post], rng: random.Random
) -> None:
    """A member's account is older than their first post."""
    first: dict[int, datetime] = {}
    for post in posts:
        if post.user and post.user not in first:
            first[post.user] = post.created
    for i, row in enumerate(tables["users"]):
        if row[0] in first and first[row[0]] < row[1]:
            created = first[row[0]] - timedelta(days=rng.uniform(1, 60))
            tables["users"][i] = (row[0], created, *row[2:12], created, *row[13:])


def _votes_and_points(
    tables: dict[str, list[tuple[Any, ...]]],
    posts: list[Post],
    joined: list[datetime],
    rng: random.Random,
) -> None:
    """Votes (most posts few, some many), flags, best answers, a few closed questions,
    answer counts, and every member's qa_userpoints row from the same counts."""
    rows: list[list[Any]] = tables["posts"]  # type: ignore[assignment]
    users = len(joined) - 1
    counts = [[0] * 17 for _ in range(users + 1)]  # qa_userpoints columns after "points"
    gains = {"Q": Skewed(2.0, 60), "A": Skewed(2.5, 80), "C": Skewed(0.3, 10)}
    votes, answers_of = [], {}
    for index, post in enumerate(posts):
        row = rows[index]
        if post.kind == "A" and row[1] == "A":
            answers_of.setdefault(post.parent, []).append(index)
        col = {"Q": 0, "A": 1, "C": 2}[post.kind]
        if post.user and row[1] == post.kind:
            counts[post.user][col] += 1
        voters = rng.sample(range(1, users + 1), min(users, gains[post.kind].draw(rng)[0]))
        if row[1].endswith("_QUEUED"):
            voters = []  # Question2Answer shows no vote buttons on a post awaiting approval
        up = down = flags = 0
        for voter in voters:
            if voter == post.user:
                continue
            vote = 1 if rng.random() < 0.85 else -1
            flag = 1 if rng.random() < 0.004 else 0
            up, down, flags = up + (vote > 0), down + (vote < 0), flags + flag
            votes.append((index + 1, voter, vote, flag, post.created + timedelta(days=1), None))
            if post.kind != "C":
                counts[voter][5 + 2 * col + (vote < 0)] += 1
        row[16], row[17], row[18], row[22] = up, down, up - down, flags
        if post.user and post.kind != "C":
            cap = [(1, 10, 1, 3), (2, 20, 2, 5)][col]
            voted = min(up * cap[0], cap[1]) - min(down * cap[2], cap[3])
            counts[post.user][11 + col] += voted
            counts[post.user][14] += up
            counts[post.user][15] += down
    questions = [i for i, p in enumerate(posts) if p.kind == "Q"]
    for q in questions:
        answered = answers_of.get(q, [])
        rows[q][7] = len(answered)
        # Only a published question's selection earns points (qa_db_points_calculations
        # counts type='Q'); the asker earns the choosing points whoever wrote the answer.
        if answered and rows[q][1] == "Q" and rng.random() < 0.35:
            best = rng.choice(answered)
            rows[q][9] = best + 1
            asker, answerer = posts[q].user, posts[best].user
            if asker:
                counts[asker][3] += 1
            if answerer and answerer != asker:
                counts[answerer][4] += 1
        if rng.random() < 0.003 and q > 0:
            rows[q][10] = rng.choice(questions[: questions.index(q)] or [q]) + 1
    tables["uservotes"] = votes
    p = POINTS
    # Points per count, in qa_userpoints' column order (qvoteds and avoteds count as they are).
    weights = [p["points_post_q"], p["points_post_a"], 0, p["points_select_a"],
               p["points_a_selected"], p["points_vote_up_q"], p["points_vote_down_q"],
               p["points_vote_up_a"], p["points_vote_down_a"], 0, 0, 1, 1, 0, 0, 0, 0]  # fmt: skip
    tables["userpoints"] = [
        (
            userid,
            p["points_base"]
            + p["points_multiple"] * sum(map(math.prod, zip(c, weights, strict=True))),
            *c[:9],
            0,
            0,
            *c[11:16],
            0,
        )
        for userid, c in enumerate(counts)
        if userid
    ]


def _extras(
    tables: dict[str, list[tuple[Any, ...]]],
    posts: list[Post],
    joined: list[datetime],
    categories: list[tuple[int, int | None]],
    rng: random.Random,
) -> None:
    """Favourites (questions, members, tags, categories) and private and wall messages."""
    users = len(joined) - 1
    questions = [i + 1 for i, p in enumerate(posts) if p.kind == "Q"]
    favourites = set()
    for _ in range(max(10, len(posts) // 30)):
        kind = rng.choice("QQQQUTC")
        entity = {
            "Q": lambda: rng.choice(questions),
            "U": lambda: rng.randint(1, users),
            "T": lambda: rng.randint(1, len(words.TAGS)),
            "C": lambda: rng.choice(categories)[0],
        }[kind]()
        favourites.add((rng.randint(1, users), kind, entity, 0))
    tables["userfavorites"] = sorted(favourites)
    tables["messages"] = [
        (i, rng.choice(["PRIVATE", "PUBLIC"]), rng.randint(1, users), rng.randint(1, users), 0, 0,
         "Thank you for your answer, it helped.", "", NOW - timedelta(days=rng.uniform(0, 900)))
        for i in range(1, max(10, len(posts) // 50) + 1)
    ]  # fmt: skip
