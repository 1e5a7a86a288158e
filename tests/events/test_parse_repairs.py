"""The parser's slips the trigger rules repair (``geo.events.parse_repairs``)."""

from __future__ import annotations

from spacy.tokens import Token

from geo.events.parse_repairs import detached_target, fronted_subject, passive_subjects, past_a_day
from tests.events.helpers import nlp
from tests.events.test_responses import run

# The parser reads "rockets and a drone" as the object of "after", leaving "were fired" without a subject.
MISPARSED = ("Coalition aircraft struck two facilities in eastern Syria used by militia groups late Thursday, hours "
             "after rockets and a drone were fired at coalition troops at Kiryat Shmona, officials said today.")


def _word(text: str, word: str) -> Token:
    return next(t for t in nlp()(text) if t.text == word)


def test_a_passive_subject_hung_on_the_clause_opener_is_found() -> None:
    assert [t.text for t in passive_subjects(_word(MISPARSED, "fired"))] == ["rockets", "drone"]
    # A subject parsed as one is kept; an active verb has none; a phrase opened by "after" is no subject.
    parsed = _word("After the raid, two rockets were fired at the base.", "fired")
    assert [t.text for t in passive_subjects(parsed)] == ["rockets"]
    assert passive_subjects(_word("After the raid, gunmen fired at the police.", "fired")) == []


def test_the_act_of_the_misparsed_clause_is_read_at_its_own_place() -> None:
    attacks, _ = run(MISPARSED)
    assert sorted((e.target, e.place) for e in attacks) == [
        ("coalition troops", "Qiryat Shemona"), ("two facilities in eastern Syria used by militia groups", "Syria")]


def test_a_fronted_subject_is_found_past_a_time_of_several_words() -> None:
    doc = nlp()("At the direction of the President, U.S. military forces early this morning struck 14 targets in "
                "Yemen.")
    verb = next(t for t in doc if t.text == "struck")
    assert not any(c.dep_ == "nsubj" for c in verb.children)  # the slip: the forces in apposition to the President
    assert [t.text for t in fronted_subject(verb)] == ["forces"]


def test_a_target_carried_off_by_the_doers_apposition_is_the_acts() -> None:
    # The parser hangs "on a patrol" on the apposition ("the Y affiliate") or on the verb, not on "attack".
    lead = _word("Officials condemned the Friday attack by the Kestrel Front, the Y affiliate, on a patrol near "
                 "Bardera.", "attack")
    assert [t.text for t in detached_target(lead)] == ["patrol"]
    longer = _word("The embassy condemns the attack by the Kestrel Front, the armed wing of the Y movement in the "
                   "south, on a patrol near Bardera.", "attack")
    assert [t.text for t in detached_target(longer)] == ["patrol"]
    # No doer told with "by", or a clause between them: nothing carried off.
    assert detached_target(_word("Officials condemned the Friday attack, the worst this year, on a patrol.",
                                 "attack")) == []
    assert detached_target(_word("The attack by the Kestrel Front, which officials blamed on a patrol, killed two.",
                                 "attack")) == []


def test_the_act_named_with_its_doers_apposition_is_placed_at_its_target() -> None:
    attacks, _ = run("The embassy condemns the Friday attack by the Kestrel Front, the armed wing of the Y movement "
                     "in the south, on a patrol near Bardera.")
    assert [(e.target, e.place) for e in attacks] == [("a patrol", "Baardheere")]


def _parsed(words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> list[Token]:
    import spacy
    from spacy.tokens import Doc

    pos = ["NOUN" if d in {"nsubj", "conj", "npadvmod", "dobj"} else "X" for d in deps]
    return list(Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents, pos=pos))


def test_craft_joined_to_a_day_taken_for_the_subject_are_the_subject() -> None:
    words = ["Friday", ",", "jets", "and", "ships", "hit", "targets"]
    ents = ["B-DATE", "O", "O", "O", "O", "O", "O"]
    # "Friday" read as the subject, "jets" and "ships" joined to it
    subject = _parsed(words, [5, 0, 0, 2, 2, 5, 5], ["nsubj", "punct", "conj", "cc", "conj", "ROOT", "dobj"], ents)
    assert [t.text for t in past_a_day([subject[0]])] == ["jets"]
    # "Friday" read as a time of the verb, the craft joined to it: the verb has no subject
    dated = _parsed(words, [5, 0, 0, 2, 2, 5, 5], ["npadvmod", "punct", "conj", "cc", "conj", "ROOT", "dobj"], ents)
    assert [t.text for t in fronted_subject(dated[5])] == ["jets"]
    plain = _parsed(["jets", "hit", "targets"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["O", "O", "O"])
    assert [t.text for t in past_a_day([plain[0]])] == ["jets"]  # a subject that is no day stays
