"""Which reporting verbs are attributions (issue 4): bylines, whereabouts, acts and
hypotheticals are not; organisations named after a person and wrapped lines keep their name."""

from __future__ import annotations

from geo.events.attribution import is_byline
from geo.events.sources import extract_sources
from geo.model import Source
from tests.events.helpers import nlp


def names(text: str) -> list[str]:
    return [s.name for s in extract_sources(nlp()(text))]


def sources_of(text: str) -> dict[str, Source]:
    return {s.name: s for s in extract_sources(nlp()(text))}


def test_a_byline_is_no_source() -> None:
    assert is_byline("(Reporting by Jane Roe in Cairo; Editing by John Doe)")
    assert not is_byline("Reporters said the road was closed.")
    assert names("The army said the road was closed.\n(Reporting by Jane Roe; Editing by John Doe)") == ["the army"]


def test_reporting_from_a_city_is_no_claim() -> None:
    assert names("Jane Roe reported from Cairo.") == []
    assert names("Jane Roe reported that the bridge was hit.") == ["Jane Roe"]


def test_cited_as_a_reason_cites_no_one() -> None:
    assert names("Strict gun laws are often cited as one reason for the low crime rate.") == []
    assert set(names("Interfax cited the security service as saying 12 people died.")) == {
        "Interfax", "the security service"}


def test_an_act_is_no_statement() -> None:
    assert names("The cleric declared a ceasefire in May.") == []
    assert names("Their forces recorded eight flyovers of warplanes.") == []
    assert names("This government has responded every time they did that.") == []
    assert len(names("The minister declared that the ceasefire was over.")) == 1


def test_what_someone_would_have_said_is_no_claim() -> None:
    assert names("The preacher would have told him of the hope.") == []


def test_an_organisation_named_after_a_person() -> None:
    sources = sources_of("The Bush administration said the radars were there to stop missiles.")
    assert list(sources) == ["the Bush administration"]
    assert sources["the Bush administration"].type == "official"


def test_the_named_person_in_an_apposition_speaks() -> None:
    text = "An ex-wife of Stewart's, Sue Griffin, told reporters she had not seen him since 2001."
    assert names(text) == ["Sue Griffin"]


def test_a_hard_wrapped_line_keeps_the_speakers_title() -> None:
    text = ("Gunmen attacked a police station in the south of the country on Monday night. An army\n"
            "            spokesman said civilians may also have been injured in the attack.")
    assert "army spokesman" in names(text)


def test_a_passive_report_in_a_second_clause_is_no_ones_word() -> None:
    assert names("Border guards shot the drone down, and no injuries were reported.") == []
    assert names("The mayor inspected the school and said it would reopen.") == ["the mayor"]


def test_people_at_a_prayer_or_a_funeral_speak_as_witnesses() -> None:
    assert names("A mourner told Reuters that the drone hit the funeral tent.") == ["mourner"]
    assert names("A worshipper who survived told Reuters that the roof fell in.") == ["worshipper"]
