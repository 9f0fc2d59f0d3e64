import pytest

from mindwell.core.templatetags.mindwell import points, votes


@pytest.mark.parametrize(
    ("value", "text"),
    [(22, "+22 votes"), (2, "+2 votes"), (1, "1 vote"), (0, "0 votes"), (-1, "-1 vote"),
     (-3, "-3 votes")],
)  # fmt: skip
def test_votes(value, text):
    assert votes(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(1, "1 point"), (850, "850 points"), (999, "999 points"), (1000, "1k points"),
     (4600, "4.6k points"), (4649, "4.6k points"), (8600, "8.6k points"), (12_345, "12k points"),
     (1_250_000, "1.2m points"), (-20, "-20 points")],
)  # fmt: skip
def test_points(value, text):
    assert points(value) == text
