"""Reading the dump: folders, site names, dates, tags, licences, and streaming."""

import tracemalloc
from datetime import UTC, datetime

import pytest

from mindwell.importers.stackexchange.dump import (
    DumpError,
    licence_for,
    open_dump,
    parse_date,
    parse_tag_list,
    read_rows,
)

from .helpers import FIXTURES, SHARED, write_posts


def test_both_tag_formats():
    assert parse_tag_list("<anxiety><sleep-hygiene>") == ["anxiety", "sleep-hygiene"]
    assert parse_tag_list("|Anxiety|c++|") == ["anxiety", "c++"]
    assert parse_tag_list("") == []


def test_licence_changes_on_2_may_2018():
    assert licence_for(datetime(2018, 5, 1, 23, 59, tzinfo=UTC)) == "CC BY-SA 3.0"
    assert licence_for(datetime(2018, 5, 2, tzinfo=UTC)) == "CC BY-SA 4.0"
    assert parse_date("2017-09-03T09:32:13.130") == datetime(2017, 9, 3, 9, 32, 13, 130000, UTC)
    assert parse_date("yesterday") is None


def test_the_site_comes_from_the_folder_name_or_the_option(tmp_path):
    assert open_dump(FIXTURES / "mindful.stackexchange.com").site == "mindful.stackexchange.com"
    parenting = str(SHARED / "parenting")
    assert open_dump(parenting, site="https://Parenting.StackExchange.com/").site == (
        "parenting.stackexchange.com"
    )
    with pytest.raises(DumpError, match="--site parenting.stackexchange.com"):
        open_dump(parenting)
    with pytest.raises(DumpError, match="not a site name"):
        open_dump(parenting, site="not a site")


def test_missing_folder_and_missing_posts_are_refused(tmp_path):
    with pytest.raises(DumpError, match="There is no folder"):
        open_dump(tmp_path / "nowhere", site="a.example.com")
    with pytest.raises(DumpError, match="has no Posts.xml"):
        open_dump(tmp_path, site="a.example.com")


def test_malformed_xml_names_the_file_and_the_place(tmp_path):
    (tmp_path / "Posts.xml").write_text('<posts>\n<row Id="1" />\n<row Id="2"\n</posts>')
    rows = read_rows(tmp_path / "Posts.xml")
    assert next(rows) == {"Id": "1"}
    with pytest.raises(DumpError, match=r"Posts.xml is not well-formed XML \(line 4"):
        next(rows)


def _peak_while_reading(path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_rows(path))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_on_a_large_posts_file(tmp_path):
    """50,000 rows of about 1 kB (a 55 MB file) are read in a bounded amount of memory,
    no more than a tenth as many rows need: the rows are not kept."""
    small, large = tmp_path / "small", tmp_path / "large"
    small.mkdir()
    large.mkdir()
    write_posts(small / "Posts.xml", questions=5_000, body_bytes=1000)
    write_posts(large / "Posts.xml", questions=50_000, body_bytes=1000)
    assert (large / "Posts.xml").stat().st_size > 50_000_000
    small_count, small_peak = _peak_while_reading(small / "Posts.xml")
    large_count, large_peak = _peak_while_reading(large / "Posts.xml")
    assert (small_count, large_count) == (5_000, 50_000)
    assert large_peak < 2_000_000, f"peak {large_peak:,} bytes"
    assert large_peak < small_peak + 500_000, (small_peak, large_peak)
