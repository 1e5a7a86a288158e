"""geo.events.draft: the linker's log of drafts and each sentence's places."""

from __future__ import annotations

import spacy

from geo.events.draft import ANTECEDENT_WINDOW, Draft, DraftLog, one_act, toponyms_by_sentence
from geo.model import Toponym


def draft(group: int) -> Draft:
    return Draft(kind=None, category="Shelling", families=set(), weapon=None, group=group)


def test_the_log_gives_the_last_told_first_within_the_window() -> None:
    log = DraftLog()
    drafts = [draft(group=i // 2) for i in range(ANTECEDENT_WINDOW + 10)]
    for d in drafts:
        log.begin(d)
        log.told(d)
    log.told(drafts[0])  # told again: the latest now
    recent = log.recent()
    assert len(recent) == ANTECEDENT_WINDOW
    assert recent[0] is drafts[0] and recent[1] is drafts[-1]
    assert all(d is not drafts[1] for d in recent)  # told long ago: out of reach
    assert log.latest() is drafts[0]
    assert [id(d) for d in log.group(0)] == [id(drafts[0]), id(drafts[1])]


def test_each_sentence_gets_the_places_that_overlap_it() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Shells hit Izium. Then Kupiansk and Izium again.")
    sents = list(doc.sents)
    izium, kupiansk, izium2 = doc[2:3], doc[5:6], doc[7:8]
    located = [(Toponym(start=s.start_char, end=s.end_char, text=s.text), s) for s in (izium, kupiansk, izium2)]
    by_sentence = toponyms_by_sentence(located, sents)
    assert [[span.text for _t, span in places] for places in by_sentence] == [["Izium"], ["Kupiansk", "Izium"]]


def test_entity_at_and_tokens_spelled_read_the_doc_once() -> None:
    from spacy.tokens import Span

    from geo.events.doc_index import entity_at, tokens_spelled
    nlp = spacy.blank("en")
    doc = nlp("Fighters of the Rapid Support Forces entered Nyala and left Nyala at dawn.")
    doc.ents = [Span(doc, 3, 6, label="ORG")]
    entity = entity_at(doc[4])
    assert entity is not None and entity.text == "Rapid Support Forces" and entity.label_ == "ORG"
    assert entity_at(doc[0]) is None
    assert [t.i for t in tokens_spelled(doc, "Nyala")] == [7, 10] and tokens_spelled(doc, "Kassala") == []


def test_an_act_told_hitting_a_number_of_targets_is_one_act_not_a_tally() -> None:
    def draft(count: int | None, target: str | None) -> Draft:
        return Draft(kind=None, category="Air/drone strike", families=set(), weapon=None, group=1, count=count,
                     target=target)

    assert one_act(draft(None, None)) and one_act(draft(13, "13 rebel targets"))
    assert not one_act(draft(13, "rebel positions")) and not one_act(draft(40, None))  # 40 attacks told at once
