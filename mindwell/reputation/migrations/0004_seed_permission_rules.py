"""One permission rule per action, with the defaults mindwell.reputation.policy documents.

The values are copied here, not imported, so this migration means the same thing whatever
the code becomes; an action added later without a row falls back to its default in code.
"""

from django.db import migrations

REGISTERED, APPROVED, EXPERT, EDITOR, MODERATOR, ADMINISTRATOR = 0, 10, 20, 50, 80, 100

RULES = [
    # action, mode, min_level, min_points
    ("ask", "level", REGISTERED, 0),
    ("answer", "level", REGISTERED, 0),
    ("comment", "level", REGISTERED, 0),
    ("vote_up", "level", REGISTERED, 0),
    ("vote_down", "either", APPROVED, 100),
    ("flag", "level", REGISTERED, 0),
    ("edit_others", "either", EDITOR, 2000),
    ("retag", "either", EXPERT, 500),
    ("close", "either", MODERATOR, 3000),
    ("move_category", "level", EDITOR, 0),
    ("lock_comments", "level", MODERATOR, 0),
    ("select_best_for_others", "level", MODERATOR, 0),
    ("hide", "level", MODERATOR, 0),
    ("approve", "level", MODERATOR, 0),
    ("delete", "level", MODERATOR, 0),
    ("resolve_flags", "level", MODERATOR, 0),
    ("merge", "level", MODERATOR, 0),
    ("convert", "level", MODERATOR, 0),
    ("moderate", "level", MODERATOR, 0),
    ("view_dashboard", "level", MODERATOR, 0),
    ("handle_safety_cases", "level", MODERATOR, 0),
    ("send_private_message", "either", MODERATOR, 200),
    ("post_on_wall", "either", MODERATOR, 200),
    ("restrict_members", "level", ADMINISTRATOR, 0),
    ("block_members", "level", ADMINISTRATOR, 0),
    ("view_emails", "level", ADMINISTRATOR, 0),
    ("browse_audit_log", "level", ADMINISTRATOR, 0),
    ("manage_levels", "level", ADMINISTRATOR, 0),
    ("edit_rules", "level", ADMINISTRATOR, 0),
]


def seed(apps, schema_editor):
    PermissionRule = apps.get_model("reputation", "PermissionRule")
    for action, mode, min_level, min_points in RULES:
        PermissionRule.objects.get_or_create(
            action=action,
            defaults={"mode": mode, "min_level": min_level, "min_points": min_points},
        )


class Migration(migrations.Migration):
    dependencies = [("reputation", "0003_permission_rules_and_category_levels")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
