from __future__ import annotations

from geo.errors import GeoError, InputError, one_line


def test_one_line_is_the_first_line_or_the_type() -> None:
    assert one_line(InputError("The file is empty.\nMore detail here.")) == "The file is empty."
    assert one_line(GeoError("")) == "GeoError"
    assert one_line(ValueError("\n")) == "ValueError"
    assert one_line(KeyError("x")) == "'x'"
