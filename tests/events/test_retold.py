"""One act told twice, far apart (``geo.events.retold``), on made-up articles."""

from __future__ import annotations

from datetime import date

from geo.events.extract import extract_events
from geo.model import Event
from tests.events.helpers import nlp, toponyms_for

ARTICLE = ("= 2025 Kestrel market airstrike =\n\nInfobox\n- Title: 2025 Kestrel market airstrike\n- Fatalities: 20+\n"
           "- Injuries: 35+\n\nThe 2025 Kestrel market airstrike was an aerial bombing of the main market in Kestrel on "
           "12 March 2025. The army described the strike as a reply to a rebel raid on a police outpost two days "
           "earlier.\n\n==Background==\n\nThe province has been contested since the war began, and rebel units hold "
           "much of the countryside. Aid groups say that air raids have emptied dozens of villages in recent years. "
           "The army has repeatedly vowed to retake the hills before the rains. Local traders say that the market was "
           "the last one still open in the district.\n\nOn the night of 10 March 2025, rebel fighters attacked a "
           "police outpost on the main road, killing six officers.\n")


def everything(text: str) -> tuple[list[Event], list[Event]]:
    return extract_events(nlp()(text), toponyms_for(text), published=date(2025, 3, 14))


def test_a_raid_named_in_the_lead_and_told_in_the_background_is_one_act() -> None:
    attacks, responses = everything(ARTICLE)
    assert [(e.date, e.killed) for e in attacks] == [(date(2025, 3, 10), 6)]
    assert "outpost" in (attacks[0].target or "") and len(attacks[0].mentions) >= 2
    # the strike the army called a reply is the article's main event: the infobox's toll is its own
    assert [(e.date, e.killed, e.injured) for e in responses] == [(date(2025, 3, 12), 20, 35)]


def test_two_acts_of_a_day_on_different_things_stay_two() -> None:
    text = ARTICLE.replace("attacked a police outpost on the main road", "ambushed an army convoy on the main road")
    attacks, _ = everything(text)
    assert len(attacks) == 2
