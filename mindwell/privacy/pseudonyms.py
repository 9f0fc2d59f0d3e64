"""Generated pseudonyms: a calm adjective, a creature or a thing of nature, and a number.

Names are drawn with `secrets`, never derived from the member's id or name, so nothing in a
pseudonym points back to the account. About 60 x 60 x 9,000 (over 30 million) names exist;
uniqueness is enforced by the database and a clash simply draws again.
"""

from __future__ import annotations

import secrets


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ADJECTIVES = _words(
    """
    Quiet Gentle Calm Patient Steady Hopeful Kind Brave Soft Warm Bright Still Curious
    Thoughtful Careful Honest Quick Silver Golden Amber Misty Sunny Cloudy Rainy Snowy
    Windy Early Late Evening Morning Northern Southern Eastern Western Little Tall
    Wandering Resting Dreaming Listening Humble Cheerful Mellow Tender Wise Merry Shy Bold
    Restful Peaceful Clear Green Blue Violet Coral Mossy Sandy Starry Velvet Woolly
    """
)

NOUNS = _words(
    """
    Heron Otter Sparrow Robin Wren Finch Badger Hedgehog Fox Hare Owl Swallow Lark Dove
    Seal Puffin Deer Beaver Panda Koala Dolphin Turtle Tortoise Squirrel Rabbit Kestrel
    Starling Swan Crane Pelican Moth Bee Beetle Salmon Trout Lynx Marten Willow Birch Maple
    Cedar Fern Clover Thistle Meadow River Brook Harbour Island Valley Hill Pebble Comet
    Lantern Orchard Acorn Pinecone Tide Breeze Ember
    """
)


def pseudonym_generate() -> str:
    """One random pseudonym, e.g. "Quiet Heron 4821" (at most 40 characters)."""
    number = 1000 + secrets.randbelow(9000)
    return f"{secrets.choice(ADJECTIVES)} {secrets.choice(NOUNS)} {number}"
