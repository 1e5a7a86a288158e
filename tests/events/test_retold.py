"""One act told twice, far apart (``geo.events.retold``), on made-up articles."""

from __future__ import annotations

from datetime import date

from geo.events.extract import extract_events
from geo.model import Event
from geo.pipeline import analyze
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


CLAIMED = ("Fighters of the Cedar Hills Brigade fired two guided missiles and a rocket salvo at Kiryat Shmona on "
           "Monday morning, wounding a farmer, police said. Israeli jets later struck launch sites in the hills "
           "across the border, the army said. Residents of the town spent the afternoon clearing rubble from the road. Schools "
           "stayed shut. In a statement on its channel, the group said its fighters had hit a gathering of soldiers in "
           "Kiryat Shmona with guided missiles and fired a rocket salvo at an army post near the town.")


CLAIM_AT = CLAIMED.index(" In a statement")


def test_the_doers_own_account_of_an_act_told_is_no_other_act() -> None:
    told, _ = everything(CLAIMED[:CLAIM_AT])
    attacks, _ = everything(CLAIMED)
    assert len(attacks) == len(told) >= 1
    assert any("its fighters had hit" in m.text for e in attacks for m in e.mentions)


def test_the_doers_own_account_of_an_act_elsewhere_is_another_act() -> None:
    told, _ = everything(CLAIMED[:CLAIM_AT])
    attacks, _ = everything(CLAIMED[:CLAIM_AT] + " In a statement on its channel, the group said its fighters had "
                            "hit a gathering of soldiers in Khan Younis with guided missiles.")
    assert len(attacks) == len(told) + 1


def test_an_account_is_the_doers_own_when_the_speaker_tells_what_it_or_its_fighters_did() -> None:
    from geo.events.context import find_mentions
    from geo.events.retold import own_account

    def accounts(sentence: str) -> list[bool]:
        sent = next(iter(nlp()(sentence).sents))
        return [own_account(m) for m in find_mentions(sent, [], date(2025, 3, 14))]

    assert accounts("The group said its fighters had hit an army post.") == [True]
    assert accounts("The brigade said on its channel that it launched drones at the base.") == [True]
    assert accounts("Police said gunmen had hit an army post.") == [False]


def test_a_weapons_calibre_in_the_box_is_no_toll() -> None:
    from geo.pipeline import analyze

    text = ("= 2025 Kestrel glide bomb attack =\n\nInfobox\n- Location: Kharkiv, Ukraine\n- Date: 9 April 2025\n"
            "- Type: Glide bomb strike, artillery shelling\n- Weapons: guided bombs, 152 mm artillery\n"
            "- Fatalities: 4\n\nOn 9 April 2025, two glide bombs struck a market in Kharkiv, killing three people.")
    (event,) = analyze(text).events
    assert event.killed == 3


def test_an_armed_groups_claim_of_what_militants_did_is_that_act() -> None:
    attacks, responses = everything("Militants fired a barrage of rockets at Tel Aviv on Wednesday night, the army "
                                    "said. Islamic Jihad's armed wing said on its Telegram channel that its fighters "
                                    "had launched Wednesday's rockets.")
    assert [(a.actor, a.place) for a in attacks] == [("Militants", "Tel Aviv")]
    attacks, responses = everything("Militants fired rockets at Tel Aviv on Wednesday night, the army said. The "
                                    "Israeli military said its jets had struck a depot in Gaza City on Wednesday.")
    assert len(attacks) + len(responses) == 2  # a state's act is no claim of what militants did


LEAD = ("The embassy condemns the Friday attack by al-Shabaab, the armed wing of the Y movement, on soldiers near "
        "Bardera. We send our condolences to the families of the dead. According to the army, six soldiers were "
        "killed when a large group of militants assaulted their position on the river in the early hours of Friday. "
        "Troops repelled the assault.")


def test_an_act_a_lead_names_then_tells_of_the_groups_men_is_one_act() -> None:
    attacks, responses = everything(LEAD)
    assert [(e.actor, e.target, e.place, e.killed) for e in attacks] == [
        ("al-Shabaab", "soldiers", "Baardheere", 6)]
    assert [e.place for e in responses] == ["Baardheere"]  # the assault repelled where it was made


def test_an_act_a_lead_names_and_another_sides_act_of_the_day_stay_two() -> None:
    attacks, _ = everything(LEAD.replace("a large group of militants assaulted", "army jets bombed"))
    assert len(attacks) == 2


def test_a_claim_its_doer_made_that_the_text_says_outright_did_not_happen_is_no_act() -> None:
    text = ("Militants fired rockets at a base near Kharkiv on Sunday, wounding two soldiers. A group of militias "
            "calling itself the Northern Front claimed that it had also struck the garrison at Camp Vell with drones. "
            "There was no attack on Camp Vell, a spokesman said.")
    attacks, _responses = everything(text)
    assert [e.place for e in attacks] == ["Kharkiv"]
    kept = text.replace("There was no attack on Camp Vell", "There was no damage at Camp Vell")
    assert len(everything(kept)[0]) == 2


def test_an_act_retold_on_its_day_with_words_that_refer_back_is_one_act() -> None:
    text = ("Jets struck militant hideouts near Garowe on Tuesday. The strike was conducted in response to a May 3 "
            "attack by Tarsa Front fighters on an army post near Garowe. According to officials, the militants hit the "
            "outpost before dawn on May 3 with a car bomb, killing six soldiers.")
    attacks, _ = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 3, 4))
    assert [(a.actor, a.killed) for a in attacks] == [("Tarsa Front fighters", 6)]
    # another day, or a target of its own: another act
    text = text.replace("before dawn on May 3", "before dawn on May 5")
    attacks, _ = extract_events(nlp()(text), toponyms_for(text), published=date(2024, 3, 4))
    assert len(attacks) == 2


def test_an_act_on_the_doers_of_an_act_is_not_that_act() -> None:
    text = ("Earlier that day, a group of al-Shabaab fighters opened fire on an army patrol near Afgooye, wounding two "
            "soldiers. In response, and at the request of local commanders, the command struck the fighters as they "
            "regrouped in farmland outside Afgooye.")
    report = analyze(text, published=date(2024, 3, 4))
    assert [(a.actor, a.target) for a in report.attacks] == [("al-Shabaab fighters", "an army patrol")]
    assert [r.target for r in report.responses] == ["the fighters"]
