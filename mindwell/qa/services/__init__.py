"""Every write to questions, answers and comments goes through these functions."""

from mindwell.qa.services.answers import answer_create
from mindwell.qa.services.best_answer import best_answer_select, best_answer_unselect
from mindwell.qa.services.comments import comment_create
from mindwell.qa.services.edits import post_edit
from mindwell.qa.services.questions import question_create

__all__ = [
    "answer_create",
    "best_answer_select",
    "best_answer_unselect",
    "comment_create",
    "post_edit",
    "question_create",
]
