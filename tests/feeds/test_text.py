import pytest

from mindwell.feeds.text import xml_safe


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain text", "plain text"),
        ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
        ("nul\x00 bell\x07 backspace\x08 escape\x1b", "nul bell backspace escape"),
        ("vertical\x0btab form\x0cfeed unit\x1fsep", "verticaltab formfeed unitsep"),
        ("non\ufffechar\uffff", "nonchar"),
        ("lone \ud800 high \udfff low", "lone  high  low"),
        ("delete \x7f and C1 \x85 stay", "delete \x7f and C1 \x85 stay"),
        ("emoji 😀 and astral 𝕏", "emoji 😀 and astral 𝕏"),
        ("private \ue000 use and \ufffd replacement", "private \ue000 use and \ufffd replacement"),
        ("", ""),
        (None, ""),
    ],
)
def test_xml_safe_removes_exactly_what_xml_cannot_carry(raw, expected):
    assert xml_safe(raw) == expected


def test_every_c0_control_but_tab_newline_return_is_removed():
    controls = "".join(chr(code) for code in range(0x20))
    assert xml_safe(controls) == "\t\n\r"
