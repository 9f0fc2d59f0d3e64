"""Members: accounts, email addresses, levels, passwords, profile fields and pictures.

Handles are kept exactly as Question2Answer showed them ("José Martín", "coffee&chaos"): the
username field accepts any text, profile addresses quote it, and people log in with it or
with their email. Only a clash with an existing local account changes anything: a local
account with the same email address *is* that member (their content is attached to it); a
different local account with the same name makes the newcomer "name (2)".

Passwords keep Question2Answer's hash under a prefix the hashers in
``mindwell.importers.q2a.hashers`` read, so members log in with the password they had.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models.functions import Lower

from mindwell.importers.q2a.context import Context
from mindwell.importers.q2a.source import Row, at, aware
from mindwell.reputation.levels import Level, staff_flags
from mindwell.reputation.rules import starting_points

# Question2Answer's qa_users.flags bits (qa-include/app/users.php).
FLAG_EMAIL_CONFIRMED = 1
FLAG_USER_BLOCKED = 2
FLAG_NO_MESSAGES = 16
FLAG_NO_WALL_POSTS = 256

# Question2Answer's profile fields that have a place here; "name" has none (members are
# shown by their handle), so it goes to the report.
PROFILE_FIELDS = {"location": "location", "website": "website", "about": "about"}
FIELD_LIMITS = {"location": 100, "website": 200, "about": 2000}


def password_for(row: Row) -> str:
    """The stored password in the form the Question2Answer hashers read."""
    if row.get("passhash"):
        return "q2a_bcrypt$" + str(row["passhash"])
    salt, check = row.get("passsalt"), row.get("passcheck")
    if salt and check:
        return "q2a_sha1$" + bytes(salt).decode("latin-1") + "$" + bytes(check).hex()
    return make_password(None)


def level_for(value: int) -> int:
    """Question2Answer's levels are ours; an unknown value takes the one below it."""
    known = sorted(Level.values)
    return max([level for level in known if level <= int(value)] or [Level.REGISTERED])


def import_users(ctx: Context) -> None:
    User = get_user_model()
    known = ctx.ledger.known("user")
    profiles = _profiles(ctx)
    blobs = ctx.source.has("blobs")
    taken = set(User.objects.values_list("username", flat=True))
    by_email = {
        email: pk
        for email, pk in User.objects.annotate(low=Lower("email")).values_list("low", "pk")
        if email
    }
    total = ctx.source.count("users")
    done = 0
    sql = f"SELECT * FROM {ctx.t('users')} ORDER BY userid"  # noqa: S608 (table names only)
    for batch in ctx.batches(ctx.source.rows(sql)):
        fresh = [row for row in batch if str(row["userid"]) not in known]
        with transaction.atomic():
            _write(ctx, fresh, profiles, taken, by_email)
            ctx.ledger.count("users", "already imported", len(batch) - len(fresh))
            ctx.ledger.checkpoint()
        done += len(batch)
        ctx.ledger.progress("users", done, total)
    if blobs:
        _avatars(ctx)


def _profiles(ctx: Context) -> dict[int, dict[str, str]]:
    if not ctx.source.has("userprofile"):
        return {}
    out: dict[int, dict[str, str]] = {}
    sql = f"SELECT userid, title, content FROM {ctx.t('userprofile')}"  # noqa: S608
    for row in ctx.source.rows(sql):
        if row["content"]:
            out.setdefault(int(row["userid"]), {})[row["title"]] = str(row["content"])
    return out


def _unique_name(handle: str, taken: set[str]) -> str:
    name, n = handle, 2
    while name in taken:
        name = f"{handle} ({n})"
        n += 1
    taken.add(name)
    return name


def _profile_values(ctx: Context, userid: int, fields: dict[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for title, content in fields.items():
        ours = PROFILE_FIELDS.get(title)
        if ours is None:
            ctx.ledger.skip("profile field", f"{userid}:{title}", f"no '{title}' field here")
            continue
        content = content.strip()
        if ours == "website" and content and "://" not in content:
            content = "https://" + content
        if ours == "website" and not content.startswith(("http://", "https://")):
            ctx.ledger.skip("profile field", f"{userid}:website", "not a web address")
            continue
        values[ours] = content[: FIELD_LIMITS[ours]]
    return values


def _write(
    ctx: Context,
    rows: list[Row],
    profiles: dict[int, dict[str, str]],
    taken: set[str],
    by_email: dict[str, int],
) -> None:
    User = get_user_model()
    base = starting_points()
    matched: list[tuple[object, int]] = []
    new: list[tuple[Row, Any]] = []
    for row in rows:
        email = str(row["email"] or "").strip()
        existing = by_email.get(email.lower()) if email else None
        if existing is not None:
            # The same person already has an account here: their content joins it.
            matched.append((row["userid"], existing))
            continue
        level = level_for(row["level"])
        flags = int(row["flags"] or 0)
        user = User(
            username=_unique_name(str(row["handle"]), taken),
            email=email,
            password=password_for(row),
            date_joined=at(row["created"]),
            last_login=None,
            level=level,
            points=base,
            is_active=True,
            blocked_at=aware(row["created"]) if flags & FLAG_USER_BLOCKED else None,
            accepts_messages=not flags & FLAG_NO_MESSAGES,
            show_wall=not flags & FLAG_NO_WALL_POSTS,
            **staff_flags(level),
            **_profile_values(ctx, row["userid"], profiles.get(int(row["userid"]), {})),
        )
        if user.username != row["handle"]:
            ctx.ledger.skip(
                "username", row["userid"], "name taken here, imported with a number added"
            )
        new.append((row, user))
        if email:
            by_email[email.lower()] = -1  # two source accounts sharing one address: first wins
    User.objects.bulk_create([user for _, user in new], batch_size=ctx.batch_size)
    addresses = [
        EmailAddress(
            user_id=user.pk,
            email=user.email,
            verified=bool(int(row["flags"] or 0) & FLAG_EMAIL_CONFIRMED),
            primary=True,
        )
        for row, user in new
        if user.email
    ]
    EmailAddress.objects.bulk_create(addresses, batch_size=ctx.batch_size, ignore_conflicts=True)
    for _, user in new:
        if user.email:
            by_email[user.email.lower()] = user.pk
    ctx.ledger.remember_many("user", [(row["userid"], user.pk) for row, user in new])
    ctx.ledger.remember_many("user", matched)
    ctx.ledger.count("users", "imported", len(new))
    if matched:
        ctx.ledger.count("users", "matched an existing account by email", len(matched))


def _avatars(ctx: Context) -> None:
    """Uploaded pictures (qa_blobs), re-encoded by the same code as uploads here."""
    from django.utils import timezone

    from mindwell.accounts import avatars

    User = get_user_model()
    users = ctx.ledger.known("user")
    sql = (
        f"SELECT u.userid, b.content FROM {ctx.t('users')} u "  # noqa: S608
        f"JOIN {ctx.t('blobs')} b ON b.blobid = u.avatarblobid WHERE b.content IS NOT NULL"
    )
    for row in ctx.source.rows(sql):
        local = users.get(str(row["userid"]))
        if local is None or User.objects.filter(pk=local).exclude(avatar="").exists():
            continue
        try:
            processed = avatars.process_avatar(bytes(row["content"]))
        except avatars.AvatarError as error:
            ctx.ledger.skip("avatar", row["userid"], str(error))
            continue
        large, small = avatars.avatar_files_store(processed)
        User.objects.filter(pk=local).update(
            avatar=large, avatar_small=small, avatar_updated_at=timezone.now()
        )
        ctx.ledger.count("avatars")


def import_category_levels(ctx: Context) -> None:
    """qa_userlevels: a level in one category (entitytype 'C')."""
    from mindwell.reputation.levels import CATEGORY_LEVELS
    from mindwell.reputation.models import CategoryLevel

    if not ctx.source.has("userlevels"):
        return
    users, categories = ctx.ledger.known("user"), ctx.ledger.known("category")
    sql = f"SELECT * FROM {ctx.t('userlevels')} WHERE entitytype = 'C'"  # noqa: S608
    grants = []
    for row in ctx.source.rows(sql):
        user, category = users.get(str(row["userid"])), categories.get(str(row["entityid"]))
        level = level_for(row["level"] or 0)
        if user is None or category is None:
            ctx.ledger.skip("category level", row["userid"], "member or category not imported")
        elif level not in CATEGORY_LEVELS:
            ctx.ledger.skip("category level", row["userid"], f"level {level} is site-wide only")
        else:
            grants.append(CategoryLevel(user_id=user, category_id=category, level=level))
    with transaction.atomic():
        # The unique (user, category) constraint makes a second run add nothing.
        made = CategoryLevel.objects.bulk_create(grants, ignore_conflicts=True)
        ctx.ledger.count("category levels", "imported", len(made))
