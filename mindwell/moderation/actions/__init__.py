"""Every moderator action, by the name its form and URL use."""

from mindwell.moderation.actions.base import ModerationAction, PostAction, UserAction
from mindwell.moderation.actions.posts import (
    Approve,
    ConvertToComment,
    Delete,
    DismissFlags,
    Hide,
    Reject,
    Reshow,
    Restore,
    UpholdFlags,
)
from mindwell.moderation.actions.threads import (
    Close,
    LockComments,
    Merge,
    Move,
    Reopen,
    Retag,
    UnlockComments,
)
from mindwell.moderation.actions.users import Block, HideAll, Lift, Silence, Suspend

# In the order the post tools list them.
POST_ACTIONS: dict[str, type[PostAction]] = {
    action.name: action
    for action in (
        Approve,
        Reject,
        UpholdFlags,
        DismissFlags,
        Hide,
        Reshow,
        Delete,
        Restore,
        Close,
        Reopen,
        LockComments,
        UnlockComments,
        Move,
        Retag,
        Merge,
        ConvertToComment,
    )
}
USER_ACTIONS: dict[str, type[UserAction]] = {
    action.name: action for action in (Suspend, Silence, Block, Lift, HideAll)
}

__all__ = [
    "POST_ACTIONS",
    "USER_ACTIONS",
    "Approve",
    "Block",
    "Close",
    "ConvertToComment",
    "Delete",
    "DismissFlags",
    "Hide",
    "HideAll",
    "Lift",
    "LockComments",
    "Merge",
    "ModerationAction",
    "Move",
    "PostAction",
    "Reject",
    "Reopen",
    "Reshow",
    "Restore",
    "Retag",
    "Silence",
    "Suspend",
    "UnlockComments",
    "UpholdFlags",
    "UserAction",
]
