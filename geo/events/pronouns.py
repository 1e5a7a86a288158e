"""Who a pronoun doing an act is: 'it' or 'they' as the organisation speaking ("the air force said it shot down",
"According to the US, it has carried out"), the plural doers of the clause a 'they' hangs on, and the side of
whoever says "its forces", "our fighters" or "his forces" (a spokesman's side). Used by
``geo.events.actor_phrases``; imports only the events wing's word lists, actors and frame, and ``geo.syntax``."""

from __future__ import annotations

from spacy.tokens import Token

from geo.events import actors, lexicon as lx
from geo.events.frame import speaker_label_length
from geo.syntax import PRONOUNS, children, past_a_dateline, phrase_text, phrase_tokens, sentence_before, span_text

ARMED_SERVICES = frozenset({"army", "navy", "military", "police", "militia", "rebel", "insurgent", "militant",
                            "coalition"})
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "commander", "leader", "official", "member"})


def resolve_pronoun(token: Token) -> str | None:
    """'it' in 'According to the US, it has carried out ...' or in 'the air force said it
    shot down ...' -> the speaker."""
    label = token.sent.start_char + speaker_label_length(span_text(token.sent))  # "Q: The group said it ..."
    if token.lower_ == "they" and (doers := _plural_doers_above(token)):
        return doers  # "fighters killed seven when they stormed the village, residents said": the fighters
    for head in token.ancestors:
        if head.lemma_.lower() in lx.REPORTING_VERBS and head.pos_ == "VERB":
            shared = children(head.head, "nsubj") if head.dep_ == "conj" else []  # "X struck ... and said it had"
            subjects = [s for s in past_a_dateline(children(head, "nsubj") or shared) if s.lower_ not in PRONOUNS
                        and s.idx >= label]
            if subjects and subjects[0].ent_type_ == "PERSON":
                return None  # '"They began to strike," said Mahmoud Raslan': they are others
            if subjects and token.lower_ in {"we", "our"} and subjects[0].tag_ == "NN" and subjects[0].lemma_.lower(
                    ) in lx.OFFICIAL_TITLES and not actors.actor_family(phrase_text(phrase_tokens(subjects[0]))):
                return None  # '"We destroyed four launchers," the general said': his side, not the general
            if subjects and token.lower_ == "they" and subjects[0].tag_ in {"NN", "NNP"} and not (
                    actors.actor_family(subjects[0].text)):
                return None  # "they stormed the building, the ministry said": others the ministry tells of
            if subjects:
                return lx.clean_phrase(phrase_text(phrase_tokens(subjects[0], with_acl=False)))
    for candidate in token.sent:
        if candidate.lower_ == "according":
            for prep in candidate.children:
                for obj in children(prep, "pobj"):
                    return lx.clean_phrase(phrase_text(phrase_tokens(obj)), drop_article=False)
    return None


def _plural_doers_above(pronoun: Token) -> str | None:
    """The plural subject of the clause a 'they' clause hangs on ('the assailants killed ... as they fired')."""
    for head in pronoun.ancestors:
        if head.pos_ == "VERB" and head.lemma_.lower() not in lx.REPORTING_VERBS:
            subjects = [s for s in children(head, "nsubj") if s.tag_ in {"NNS", "NNPS"} and s.i < pronoun.i]
            if subjects:
                return lx.clean_phrase(phrase_text(phrase_tokens(subjects[0], with_acl=False)), drop_article=False)
    return None


def side_of_speaker(pronoun: Token) -> str | None:
    """The side of whoever says 'its'/'their' forces did something (a spokesman's group); in a sentence that cites
    no one ("Its forces also struck ..."), of whoever spoke in the sentence before."""
    for head in pronoun.ancestors:
        if head.lemma_.lower() in lx.REPORTING_VERBS and head.pos_ == "VERB":
            shared = children(head.head, "nsubj") if head.dep_ == "conj" else []  # "It accused X and said ..."
            subject = next(iter(past_a_dateline(children(head, "nsubj") or shared)), None)
            if subject is not None and subject.lower_ in {"it", "they"}:
                subject = _earlier_speaker(subject)  # "The SDF said ... It said its fighters ...": the SDF
            return _side_of(subject)
    return _side_of(_earlier_speaker(pronoun)) if pronoun.lower_ in {"its", "their"} else None


def _side_of(subject: Token | None) -> str | None:
    """The side a speaker speaks for: its actor family, its armed service or the group its title names."""
    said_by = phrase_text(phrase_tokens(subject, with_acl=False)) if subject is not None else None
    family = actors.actor_family(said_by)
    if family:  # (not the side a clause about the speaker names: "The army, which held X against the RSF")
        return actors.readable_actor(family.split(" (")[0])
    service = next((t.lower_ for t in (subject.subtree if subject is not None else ()) if t.lower_ in ARMED_SERVICES),
                   None)
    if service:
        return f"the {service}"  # "'our forces ...', an army spokesman said": the army
    named = [c for c in (subject.children if subject is not None else ()) if c.dep_ in {  # "a Fano spokesperson said
        "compound", "amod", "poss"} and c.pos_ == "PROPN" and subject.lemma_.lower() in SPOKESPEOPLE]  # the group's
    return phrase_text([t for t in named[0].subtree if t.dep_ not in {"case", "det"}]) if named else None  # fighters"


def _earlier_speaker(pronoun: Token) -> Token | None:
    """The speaker of the sentence before, which 'it' or 'they' opening a reporting verb refers to."""
    before = sentence_before(pronoun)
    if before is None:
        return None
    verbs = [t for t in before if t.pos_ == "VERB" and t.lemma_.lower() in lx.REPORTING_VERBS]
    return next((s for v in verbs for s in children(v, "nsubj") if s.lower_ not in PRONOUNS), None)


__all__ = ["ARMED_SERVICES", "SPOKESPEOPLE", "resolve_pronoun", "side_of_speaker"]
