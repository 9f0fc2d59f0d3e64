"""Writes for private messages, blocks, walls and reports (one module each)."""

from mindwell.messaging.services.blocks import member_block, member_unblock
from mindwell.messaging.services.messages import conversation_mark_read, message_send
from mindwell.messaging.services.reports import (
    report_create,
    report_handle,
    reported_conversation_open,
)
from mindwell.messaging.services.walls import (
    wall_post_create,
    wall_post_delete,
    wall_post_set_hidden,
)

__all__ = [
    "conversation_mark_read",
    "member_block",
    "member_unblock",
    "message_send",
    "report_create",
    "report_handle",
    "reported_conversation_open",
    "wall_post_create",
    "wall_post_delete",
    "wall_post_set_hidden",
]
