"""Turn raw post text into the one canonical form every rule is written against.

The rules are regexes over lower-case, accent-free ASCII-ish text with single spaces and
"\\n" as a hard boundary, so spelling variants are folded here once instead of in every
pattern: curly apostrophes, HTML entities and tags, Markdown emphasis, zero-width
characters, accents ("suicidarme", "möchte" -> "mochte"), light leetspeak ("k1ll") and
apostrophe-less contractions ("im", "dont", "wanna").

Only the first MAX_CHARS characters of a body are assessed. A post longer than that is not
something a person in crisis writes in one go, and capping keeps the worst case (a 1 MB
paste) to a few milliseconds. The cut is documented in engine.py's docstring.
"""

from __future__ import annotations

import html
import re
import unicodedata

from mindwell.safety.risk.prefilter import trie_pattern

MAX_CHARS = 200_000
MAX_TITLE_CHARS = 1_000

# Apostrophe and quote look-alikes people's keyboards and phones produce.
_PUNCT = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2014": ", ",  # em dash: a clause break, which matters for negation scope
        "\u2013": ", ",
        "\u2026": ". ",
        "\u00a0": " ",
    }
)
# Emoji that stand for a means or a place ("🪢 tonight"), spelled out as words.
_EMOJI = {
    "\U0001faa2": " rope ",
    "\U0001f48a": " pills ",
    "\U0001f52b": " gun ",
    "\U0001f52a": " knife ",
    "\U0001fa92": " razor ",
    "\U0001f309": " bridge ",
    "\u26b0": " coffin ",
    "\U0001faa6": " grave ",
}
_EMOJI_RE = re.compile("|".join(_EMOJI))
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_COMBINING = re.compile("[\u0300-\u036f]")
_TAG = re.compile(r"<(?:br|p|div|li|h\d|tr)\b[^<>]{0,300}>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,300}>")
# A URL can contain any word ("/how-to-kill-time"); it is never the writer speaking.
_URL = re.compile(r"\b(?:https?://|www\.)\S{1,2000}")
_MD_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\s]{0,2000}\)")
# Emphasis marks vanish ("**want to die**"); structural marks become spaces.
_MD_EMPH = re.compile(r"[*~]+")
_MD_SPACE = re.compile(r"[_#>|]+")
# Only runs that need changing match (a lone space or newline does not), which keeps
# these passes cheap on ordinary text.
_SPACES = re.compile(r"[\t\f\v\r][ \t\f\v\r]*| [ \t\f\v\r]+")
_NEWLINES = re.compile(r" +\n[\n ]*|\n[\n ]+")

# Leetspeak inside a word that starts with a letter ("k1ll", "su1c1d3"); words that start
# with a digit ("3am", "2nd") are left alone. Possessive quantifiers: no backtracking.
_LEET_WORD = re.compile(r"\b[a-z]++(?:[013457@$][a-z]*+)++(?![\w@$])")
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)

# Chat spellings folded to the forms the patterns use.
_CASUAL = {
    "im": "i'm",
    "ive": "i've",
    "dont": "don't",
    "cant": "can't",
    "wont": "won't",
    "didnt": "didn't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "arent": "aren't",
    "wanna": "want to",
    "gonna": "going to",
    "rn": "right now",
    "tonite": "tonight",
    "2nite": "tonight",
    "u": "you",
    "urself": "yourself",
    "myslef": "myself",
    "cuz": "because",
    "bc": "because",
    "ppl": "people",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
    "pls": "please",
    "plz": "please",
    "sry": "sorry",
    "soz": "sorry",
    "doin": "doing",
    "goin": "going",
    "tryin": "trying",
    "feelin": "feeling",
    "nothin": "nothing",
    "somethin": "something",
    "gunna": "going to",
    "tryna": "trying to",
    "cya": "see you",
    # Vowels dropped in haste.
    "cnt": "can't",
    "dnt": "don't",
    "wnt": "want",
    "ths": "this",
    "nobdy": "nobody",
    "nbdy": "nobody",
    "anymre": "anymore",
    "anymor": "anymore",
    "evry": "every",
    "evn": "even",
}
_CASUAL_RE = re.compile(r"(?<![\w'])(?:" + trie_pattern(set(_CASUAL)) + r")(?![\w'])")


# Digits standing for words, folded before leetspeak would turn them into letters:
# "every1" -> "everyone", "going 2 jump" -> "going to jump", "15yo" -> "15 year old".
_ONE = re.compile(r"\b(every|some|any|no)1\b")
_TO = re.compile(r"\b(going|want|need|have|got|about|ready|trying|used) 2(?= [a-z])")
_AGE = re.compile(r"\b(\d{1,2}) ?yo\b")
_B4 = re.compile(r"\bb4\b")
# "id" is "i'd" only before a verb ("id be fine"), not in "my id card".
_ID = re.compile(r"\bid (?=(?:be|rather|never|have|love|like|just|probably|really|sooner)\b)")


def _digit_words(text: str) -> str:
    if "1" in text and any(w in text for w in ("every1", "some1", "any1", "no1")):
        text = _ONE.sub(lambda m: "no one" if m.group(1) == "no" else m.group(1) + "one", text)
    if " 2 " in text:
        text = _TO.sub(r"\1 to", text)
    if "yo" in text:
        text = _AGE.sub(r"\1 year old", text)
    if "b4" in text:
        text = _B4.sub("before", text)
    return text


def _casual(match: re.Match[str]) -> str:
    return _CASUAL[match.group(0)]


def _leet(match: re.Match[str]) -> str:
    return match.group(0).translate(_LEET)


def _clean_unicode(text: str) -> str:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates (from a broken client or a JSON "\\ud800") cannot be encoded;
        # replacing them keeps everything downstream plain str.
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def normalise(text: str, *, limit: int = MAX_CHARS) -> str:
    """Return the canonical matching form of `text` (at most `limit` input characters)."""
    text = _clean_unicode(text[:limit])
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub("\n", text)
        text = _ANY_TAG.sub(" ", text)
    if "://" in text or "www." in text:
        text = _URL.sub(" ", text)
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    text = text.translate(_PUNCT)
    if not text.isascii():
        text = _EMOJI_RE.sub(lambda m: _EMOJI[m.group(0)], text)
        text = _INVISIBLE.sub("", text)
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = text.casefold()
    if not text.isprintable():
        text = _CONTROL.sub(" ", text)
    if "*" in text or "~" in text:
        text = _MD_EMPH.sub("", text)
    if any(ch in text for ch in "_#>|"):
        text = _MD_SPACE.sub(" ", text)
    if any(ch in text for ch in "124"):
        text = _digit_words(text)
    if any(ch in text for ch in "013457@$"):
        text = _LEET_WORD.sub(_leet, text)
    text = _CASUAL_RE.sub(_casual, text)
    if " id " in text or text.startswith("id "):
        text = _ID.sub("i'd ", text)
    text = _SPACES.sub(" ", text)
    text = _NEWLINES.sub("\n", text)
    return text.strip()
