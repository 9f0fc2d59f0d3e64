"""A hand-written check of schema.org QAPage data against what search engines require
(Google's QAPage guidance): the page's mainEntity is a Question with a name, an answerCount
and an accepted or suggested Answer; every Answer has text and an author with a name. Typed
values and the properties allowed on each type are checked too, so a misspelt property or a
string where a number belongs fails."""

from __future__ import annotations

from datetime import datetime
from typing import Any

ALLOWED = {
    "QAPage": {"@context", "@type", "mainEntity"},
    "Question": {
        "@type",
        "name",
        "text",
        "answerCount",
        "upvoteCount",
        "dateCreated",
        "datePublished",
        "author",
        "url",
        "acceptedAnswer",
        "suggestedAnswer",
    },
    "Answer": {"@type", "text", "upvoteCount", "url", "dateCreated", "datePublished", "author"},
    "Person": {"@type", "name", "url"},
}


def _check_type(node: Any, expected: str, where: str, errors: list[str]) -> bool:
    if not isinstance(node, dict) or node.get("@type") != expected:
        errors.append(f"{where}: expected a {expected} object")
        return False
    unknown = set(node) - ALLOWED[expected]
    if unknown:
        errors.append(f"{where}: properties not in the shape: {sorted(unknown)}")
    return True


def _check_text(node: dict, key: str, where: str, errors: list[str]) -> None:
    if not isinstance(node.get(key), str) or not node[key].strip():
        errors.append(f"{where}.{key}: required text is missing")


def _check_date(node: dict, key: str, where: str, errors: list[str]) -> None:
    if key in node:
        try:
            parsed = datetime.fromisoformat(node[key])
        except (TypeError, ValueError):
            errors.append(f"{where}.{key}: not an ISO 8601 date")
            return
        if parsed.tzinfo is None:
            errors.append(f"{where}.{key}: no time zone")


def _check_count(node: dict, key: str, where: str, errors: list[str], required: bool) -> None:
    if key not in node:
        if required:
            errors.append(f"{where}.{key}: required count is missing")
        return
    if not isinstance(node[key], int) or isinstance(node[key], bool):
        errors.append(f"{where}.{key}: must be an integer")


def _check_person(node: Any, where: str, errors: list[str]) -> None:
    if _check_type(node, "Person", where, errors):
        _check_text(node, "name", where, errors)
        if "url" in node and not str(node["url"]).startswith(("http://", "https://")):
            errors.append(f"{where}.url: must be absolute")


def _check_answer(node: Any, where: str, errors: list[str]) -> None:
    if not _check_type(node, "Answer", where, errors):
        return
    _check_text(node, "text", where, errors)
    _check_count(node, "upvoteCount", where, errors, required=False)
    _check_date(node, "dateCreated", where, errors)
    _check_date(node, "datePublished", where, errors)
    if "url" in node and not str(node["url"]).startswith(("http://", "https://")):
        errors.append(f"{where}.url: must be absolute")
    _check_person(node.get("author"), f"{where}.author", errors)


def qapage_errors(data: Any) -> list[str]:
    """Everything wrong with `data` as QAPage markup (empty: valid)."""
    errors: list[str] = []
    if not _check_type(data, "QAPage", "page", errors):
        return errors
    if data.get("@context") not in ("https://schema.org", "http://schema.org"):
        errors.append("page.@context: must be schema.org")
    question = data.get("mainEntity")
    if not _check_type(question, "Question", "mainEntity", errors):
        return errors
    _check_text(question, "name", "mainEntity", errors)
    _check_count(question, "answerCount", "mainEntity", errors, required=True)
    _check_count(question, "upvoteCount", "mainEntity", errors, required=False)
    _check_date(question, "dateCreated", "mainEntity", errors)
    if "author" in question:
        _check_person(question["author"], "mainEntity.author", errors)
    answers = []
    if "acceptedAnswer" in question:
        answers.append(("mainEntity.acceptedAnswer", question["acceptedAnswer"]))
    suggested = question.get("suggestedAnswer", [])
    suggested = suggested if isinstance(suggested, list) else [suggested]
    answers += [(f"mainEntity.suggestedAnswer[{i}]", node) for i, node in enumerate(suggested)]
    if not answers:
        errors.append("mainEntity: needs an acceptedAnswer or a suggestedAnswer")
    for where, node in answers:
        _check_answer(node, where, errors)
    if isinstance(question.get("answerCount"), int) and question["answerCount"] < len(answers):
        errors.append("mainEntity.answerCount: fewer than the answers given")
    return errors
