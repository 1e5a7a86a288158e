"""Extract attacks and responses from a parsed article.

Mentions (one per trigger word, see ``geo.events.mentions`` and ``geo.events.context``) are linked
across sentences into events: an anaphoric mention ("the strikes", "one of the strikes") joins the
latest compatible event (of the last few dozen told: ``DraftLog``); a non-anaphoric one joins an
event only when place, actor and target agree. A mention that names distinct towns for its targets
splits the event it refers to ("targeting a facility near A and a safe house near B").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span

from geo.events import actors, lexicon as lx
from geo.events.casualties import added_toll, casualty_figures, settle_toll
from geo.events.context import find_mentions
from geo.events.draft import Draft, DraftLog, one_act, take_date, told_last_as_a_cause, toponyms_by_sentence
from geo.events.category_fit import GENERIC_CATEGORIES
from geo.events.introduced import comparison_point, heard_by_a_witness, named_again, one_of_its_munitions
from geo.events.frame import header_length
from geo.events.headlines import caption_indices, is_section_heading, link_caption, link_headline, section_kind
from geo.events.infobox import fill_from_infobox, infobox_fields
from geo.events.linking import (agrees, claimed_version, compatible, continues, marked_another,
                                may_continue, one_of_counted, told_apart)
from geo.events.place_fit import (more_precise, off_the_coast, one_of_its_places, only_the_country, place_agrees,
                                  place_fits, told_in_part, vaguely_placed)
from geo.events.mentions import Mention, Part
from geo.events.placing import date_told_interceptions, place_defended_attacks, place_interceptions
from geo.events.sentence_places import place_by_reference, place_by_sentence, place_repulses
from geo.events.dating import date_by_narrative, date_by_report, date_relative_days, told_over_a_period
from geo.events.actor_phrases import claimant
from geo.events.kinds import armed_men, cited_cause, intercepts_the_latest, resolve_kinds
from geo.events.sequels import continue_sequels
from geo.events.kind_model import learned_kinds
from geo.events.roles import aimed_families, announces_an_answer, defends, frames_as_answer
from geo.events.finish import name_the_group, to_event
from geo.events.retold import denied_outright, merge_retold, own_account
from geo.events.umbrella import (answered_together, defines_the_subject, fold_umbrellas, listed_targets,
                                  read_sections)
from geo.model import Event, Toponym
from geo.syntax import doc_text, glued_before, is_headline, sentences, toponym_tokens


BACKGROUND_DAYS, LOOTING = 31, "Looting/property destruction"


class _Linker:
    def __init__(self, published: date | None = None) -> None:
        self.published = published
        self.drafts: list[Draft] = []
        self.log = DraftLog()
        self.clock = 0
        self.groups = 0
        self.last_single: Draft | None = None
        self.sentence_index = 0
        self.in_background = False  # in an article's "Background" section

    # -- creating and updating -----------------------------------------------------------
    def create(self, mention: Mention, part: Part, group: int | None = None) -> Draft:
        if group is None:
            self.groups += 1
            group = self.groups
        draft = Draft(kind=None, category=mention.category, families=set(), weapon=mention.weapon, group=group,
                      reference=self._in_passing(mention), background=self.in_background,
                      umbrella=mention.trigger.tag_ in {"NNS", "NNPS"} and mention.count is None,
                      listed=listed_targets(mention.trigger))
        self.drafts.append(draft)
        self.log.begin(draft)
        self.attach(draft, mention, part)
        return draft

    def attach(self, draft: Draft, mention: Mention, part: Part, *, split: bool = False,
               with_figures: bool = True, tolls: bool = False) -> None:
        self.clock += 1
        draft.last_seen = self.clock
        self.log.told(draft)
        draft.triggers.append(mention.trigger.i)
        draft.last_sentence = self.sentence_index
        draft.whens.update([mention.when] if mention.when else [])
        draft.reference = draft.reference and (mention.anaphoric or self._in_passing(mention))
        draft.own_account = draft.own_account and (mention.anaphoric or own_account(mention))
        holder = draft.headlines if mention.headline else draft.sentences
        if mention.sentence not in holder:
            holder.append(mention.sentence)
        if mention.cue and draft.kind is None:
            draft.kind = mention.cue
        take_date(draft, mention)
        draft.families.add(mention.family)
        draft.aims |= aimed_families(mention)
        glued = glued_before(mention.trigger)  # "counter-attacked": a counterattack
        countered = glued is not None and glued.lower_ == "counter" and mention.trigger.lemma_.lower() == "attack"
        draft.acts.append("counterattack" if countered else mention.trigger.lemma_.lower())
        if draft.category in GENERIC_CATEGORIES and mention.category not in GENERIC_CATEGORIES | {LOOTING}:
            draft.category, draft.weapon = mention.category, mention.weapon  # (a looting told of an attack is less)
        draft.weapon = draft.weapon or mention.weapon
        family = actors.actor_family(mention.actor)
        if mention.actor and (draft.actor is None or (  # "Houthis" -> "Iranian-backed Houthi militants", "gunmen" ->
            family == actors.actor_family(draft.actor) and len(mention.actor) > len(draft.actor) and (  # "armed gunmen",
                family is not None or draft.actor.lower().split()[-1] in mention.actor.lower()))):  # not "attackers"
            draft.actor = mention.actor
        if part.target and (draft.target is None or split):
            draft.target, draft.target_names = part.target, part.target_names
        if part.place is not None and (draft.place is None or more_precise(draft, part.place)):
            draft.place, draft.place_prep, draft.extra_places = part.place, part.place_prep, list(part.extra_places)
        if not with_figures and not tolls:  # a plural mention of several events: its figures are not each one's
            return  # (those of one of an act's munitions are the act's, if it has none: "one drone hit X, killing 5")
        if with_figures and mention.count is not None and draft.count is None and not split:
            draft.count = draft.count if heard_by_a_witness(mention) else mention.count
        draft.killed = settle_toll(draft.killed, mention.killed, mention.sentence)
        draft.injured = settle_toll(draft.injured, mention.injured, mention.sentence)

    def _in_passing(self, mention: Mention) -> bool:
        """An act told to compare with, as an example, or months before: no antecedent for 'the attack'."""
        old = mention.date is not None and self.published is not None and (
            (self.published - mention.date).days > BACKGROUND_DAYS)
        return old or comparison_point(mention.trigger)

    # -- linking -------------------------------------------------------------------------
    def link(self, mention: Mention) -> None:
        recent = sorted(self.log.recent(), key=lambda d: (not d.reference, d.last_seen), reverse=True)
        if not self.in_background:  # after the "Background" section, the acts before the article's come last
            recent = [d for d in recent if not d.background] + [d for d in recent if d.background]
        whole = one_of_counted(recent, mention) or one_of_its_munitions(recent, mention)
        if whole is not None:  # "a second explosion" of "a double car bombing"; "One bomb struck" of "two bombs"
            self.attach(whole, mention, mention.parts[0] if mention.parts else Part(target=None), with_figures=False,
                        tolls=whole.killed is None and whole.injured is None)
            return
        if mention.new_event or intercepts_the_latest(recent, mention):
            self._create_all(mention)
            return
        if mention.anaphoric:
            fitting = [d for d in recent if compatible(d, mention, lenient_place=vaguely_placed(mention) or (
                told_in_part(mention)), referred=True)]
            fitting = sorted([d for d in fitting if not d.reference] or fitting, key=told_last_as_a_cause)  # in passing
            if mention.date is not None:  # "Tuesday's drone attack": the one told on Tuesday
                fitting.sort(key=lambda d: d.date != mention.date)
            place = next((p.place for p in mention.parts if p.place is not None), None)
            fitting = [d for d in fitting if _same_place(d.place, place)] or fitting  # "the airstrike on X"
            if mention.trigger.pos_ == "NOUN" and mention.family == "strike":  # "the strikes": air strikes rather
                fitting.sort(key=lambda d: d.category != "Air/drone strike")  # than the missile fire they followed
            named = next((p.target for p in mention.parts if p.target and p.target[:1].isupper()), None)
            if named:  # "the attack at Mission Support Site X": the one told there, though no gazetteer knows it
                fitting.sort(key=lambda d: not any(named in s.text for s in d.sentences))
            fitting.sort(key=lambda d: mention.weapon is not None and d.weapon != mention.weapon)  # "the rockets"
            family = actors.actor_family(mention.actor)  # "the U.S. strike": the one the U.S. did
            fitting.sort(key=lambda d: family is not None and actors.actor_family(d.actor) != family)
            if mention.trigger.head.lemma_.lower() in lx.REACTION_VERBS:  # "condemned the bombing": an attack, not
                fitting.sort(key=lambda d: d.kind == "response")  # the guards' shooting of the bomber after it
            same_word = [d for d in fitting if mention.family in d.families or (
                mention.weapon is not None and d.weapon == mention.weapon) or (
                mention.family in BLASTS and d.families & BLASTS)]  # "the bombing" of "detonated explosives"
            if mention.trigger.pos_ == "NOUN" and mention.family == "strike":  # "the strike": an air strike
                same_word.sort(key=lambda d: d.category != "Air/drone strike")  # rather than rockets that struck
            if mention.trigger.tag_ == "NN" and any(one_act(d) for d in fitting):  # "the massacre": one act, not a
                fitting.sort(key=lambda d: not one_act(d))  # tally of many told since ("struck 13 targets" is one)
                same_word = [d for d in same_word if one_act(d)]
            antecedent = same_word[0] if same_word else next(iter(fitting), None)
            if antecedent is not None:
                self._attach_to_group(antecedent, mention)
                answered_together(recent, antecedent, mention, self.sentence_index)  # "These strikes were ..."
                return
        elif self._attach_by_place(recent, mention):
            return
        elif len(mention.parts) == 1:
            told = [d for d in recent if self.in_background or not d.background]  # the Background's acts are over
            told.sort(key=lambda d: not named_again(d, mention.parts[0].target))  # "a village", "the village of X"
            antecedent = next((d for d in told if compatible(d, mention)
                               and agrees(d, mention, self.sentence_index - d.last_sentence)
                               and not told_apart(d, mention) and not marked_another(mention, d)
                               and not (d is not recent[0] and only_the_country(d, mention))), None)
            # "regained control of the base after rebels ambushed it": the ambush goes on telling the last attack
            latest = next((d for d in recent if mention.cue != "attack" or d.kind != "response"), None)
            if antecedent is None and latest is not None and may_continue(latest, mention, self.sentence_index) and (
                    continues(latest, mention)) and not told_apart(latest, mention):
                antecedent = latest  # 'the gunman shot him again': nothing sets it apart from the last event
            if antecedent is not None:
                self.attach(antecedent, mention, mention.parts[0], with_figures=not claimed_version(mention))
                return
        self._create_all(mention)

    def _attach_by_place(self, recent: list[Draft], mention: Mention) -> bool:
        """'aircraft struck targets in A and around B in response to ...' after the strikes on A and on B were
        told: each place's part tells the event already told there (the others are new)."""
        parts = [dataclasses.replace(part, place=place, extra_places=[]) for part in mention.parts
                 for place in [part.place, *part.extra_places] if place is not None]  # "in A and around B": two
        if len(parts) < 2:
            return False  # (most mentions name one place: nothing more to read)
        told: dict[str, Draft] = {}
        for part in parts:  # each place's part on its own: "A" fits the strike told at A
            alone = dataclasses.replace(mention, parts=[part])
            told.update({part.place.place_key: d for d in recent[::-1] if d.place is not None
                         and d.place.place_key == part.place.place_key and compatible(d, alone)})
        if len(told) < 2 or len(set(map(id, told.values()))) < 2:
            return False
        first = None
        for part in parts:
            draft = told.get(part.place.place_key)
            if draft is None:
                draft = self.create(mention, part, group=first.group if first else None)
            else:
                self.attach(draft, mention, part, with_figures=False)  # its own target stays
            first = first or draft
        return True

    def _create_all(self, mention: Mention) -> None:
        first = self.create(mention, mention.parts[0] if mention.parts else Part(target=None))
        for part in mention.parts[1:]:
            self.create(mention, part, group=first.group)
            self.drafts[-1].count = None
        if len(mention.parts) > 1:
            first.count = None

    def _attach_to_group(self, antecedent: Draft, mention: Mention) -> None:
        members = self.log.group(antecedent.group)
        parts = mention.parts or [Part(target=None)]
        if len(parts) > 1:
            self._attach_parts(members, mention, parts)
            return
        part = parts[0]
        vague = told_in_part(mention) or vaguely_placed(mention)  # "one of the bombs hit X", "a blast 50 miles off X"
        text = doc_text(mention.sentence.doc)  # (and "the strike near B" of "strikes near A and B"; "the attack in the
        # Red Sea" of a ship hit off X)
        fitting = [d for d in members if place_agrees(d, part.place) or one_of_its_places(d, part.place)
                   or off_the_coast(d.place, part.place, text)] or ([antecedent] if vague else [])
        if not fitting:
            self.create(mention, part)
            return
        if mention.singular and len(fitting) > 1:
            exact = [d for d in fitting if part.place is not None and d.place is not None
                     and d.place.place_key == part.place.place_key]
            if exact:
                fitting = exact[:1]
            elif "other" in {c.lower_ for c in mention.trigger.children}:
                others = [d for d in fitting if d is not self.last_single]
                fitting = (others or fitting)[:1]
            else:
                fitting = fitting[:1]
        for index, draft in enumerate(fitting):
            self.attach(draft, mention, part, with_figures=index == 0)
        if mention.singular:
            self.last_single = fitting[0]

    def _attach_parts(self, members: list[Draft], mention: Mention, parts: list[Part]) -> None:
        if len(members) == 1 and all(place_fits(members[0].place, p.place) for p in parts):
            original = members[0]
            template = _clone(original)
            for index, part in enumerate(parts):
                if index == 0:
                    draft = original
                else:
                    draft = _clone(template)
                    draft.extra_places = []
                    self.drafts.append(draft)
                    self.log.begin(draft)
                if draft.count is not None and draft.count == len(parts):
                    draft.count = 1
                self.attach(draft, mention, part, split=True)
            return
        for part in parts:
            match = next((d for d in members if part.place is not None and d.place is not None
                          and d.place.place_key == part.place.place_key), None)
            if match is None:
                self.create(mention, part, group=members[0].group)
            else:
                self.attach(match, mention, part, split=True)


BLASTS = frozenset({"bomb", "blast"})


def _clone(draft: Draft) -> Draft:
    return dataclasses.replace(draft, families=set(draft.families), extra_places=list(draft.extra_places),
                               sentences=list(draft.sentences), headlines=list(draft.headlines), acts=list(draft.acts),
                               aims=set(draft.aims))


def _same_place(mine: Toponym | None, theirs: Toponym | None) -> bool:
    return mine is not None and theirs is not None and mine.place_key == theirs.place_key


def extract_events(
    doc: Doc, toponyms: Sequence[Toponym], *, published: date | None = None, sents: list[Span] | None = None
) -> tuple[list[Event], list[Event]]:
    """(attacks, responses) reported in ``doc``, in order of first mention. ``sents``: the
    doc's ``syntax.sentences`` when the caller has them already."""
    linker = _Linker(published)
    headline_mentions: list[Mention] = []
    caption_mentions: list[Mention] = []
    last_event_sentence = -10
    sents = sentences(doc) if sents is None else sents
    located = toponym_tokens(doc, toponyms)
    located_in = toponyms_by_sentence(located, sents)  # each sentence's places
    header, captions = header_length(sents), caption_indices(sents)
    definitions: dict[int, Mention] = {}  # the mentions of an opening 'The X was an air attack by ...' sentence
    section: str | None = None
    subject_told: set[int] = set()  # where the sections telling the article's subject act by act stand
    answer_told: set[int] = set()  # and those telling the answer to it ("Counter-offensive")
    after_told: set[int] = set()  # and those telling what others did next ("Aftermath", "Rescue operation")
    for index, sent in enumerate(sents):
        if index >= max(header, 1) and is_section_heading(sent):
            section = section_kind(sent)
            linker.in_background = section == "background"
            last_event_sentence = -10  # the figures of a "Casualties" section are not of the act told just before it
            continue  # a section's heading ("Strike", "Aftermath"): no act, no evidence
        defining = not linker.drafts and not (index < header or is_headline(sent, index)) and defines_the_subject(sent)
        headline = defining or index < header or is_headline(sent, index)
        mentions = find_mentions(sent, located_in[index], published, headline=headline, caption=index in captions)
        if headline:
            headline_mentions.extend(mentions)
            definitions.update({id(m): m for m in mentions if defining})
            last_event_sentence = index if defining else last_event_sentence
            continue
        if index in captions:
            caption_mentions.extend(mentions)
            continue
        {"subject": subject_told, "response": answer_told, "aftermath": after_told}.get(section, set()).add(sent.start)
        linker.sentence_index = index
        reach = frames_as_answer(sent)  # (once a sentence: how far back the act it calls an answer may be told)
        told = [d for d in linker.log.recent() if 0 < index - d.last_sentence <= reach] if reach else []
        if told and not any(m.cue == "response" for m in mentions):
            latest = max(told, key=lambda d: d.last_seen)  # "presented the operation as retaliation for ..."
            latest.kind = latest.kind or "response"
        if mentions:
            for mention in mentions:
                if index and announces_an_answer(sents[index - 1]) and mention.cue is None:
                    mention.cue = "response"  # "The retaliation came two days later. Late Tuesday, jets struck ..."
                linker.link(mention)
            last_event_sentence = index
        elif index - last_event_sentence <= 2 and not linker.drafts and definitions:
            _add_figures(list(definitions.values())[-1], sent)  # "The X was an attack on ... At least 30 were killed"
        elif index - last_event_sentence <= 2 and linker.drafts:
            _add_casualty_sentence(linker, sent)
            if who := claimant(sent):  # "Gunmen shot nine passengers ... The X Army claimed responsibility"
                latest = linker.log.latest()
                if (latest.actor is None or armed_men(latest.actor)) and latest.kind != "response":
                    latest.actor = who
            if index - last_event_sentence == 1 and defends(sent):  # "... It presented an imminent threat."
                latest = linker.log.latest()
                latest.kind = latest.kind or "response"
    for mention in caption_mentions:
        link_caption(linker, mention)
    for mention in headline_mentions:
        link_headline(linker, mention, defining=id(mention) in definitions)
    linker.drafts = read_sections(fold_umbrellas(linker.drafts, sents), subject_told, answer_told, after_told)
    continue_sequels(linker.drafts, resolve_kinds(linker.drafts))
    place_interceptions(linker.drafts, located, sents)
    place_defended_attacks(linker.drafts, sents)
    place_by_sentence(linker.drafts, located, sents)
    place_by_reference(linker.drafts, located, sents)
    date_relative_days(linker.drafts, published)
    place_repulses(linker.drafts, sents)  # (an assault repelled takes its day, told "the previous evening")
    date_by_narrative(linker.drafts, sents, published, frozenset(captions))
    date_told_interceptions(linker.drafts, sents)
    date_by_report(linker.drafts, sents, published)
    place_interceptions(linker.drafts, located, sents)  # (again: the attack answered is placed and dated now)
    linker.drafts = merge_retold(linker.drafts)
    place_repulses(linker.drafts, sents)  # (again: the assault repelled may have been told twice)
    position = {id(d): i for i, d in enumerate(linker.drafts)}
    ordered = sorted(linker.drafts, key=lambda d: (min(s.start for s in d.sentences + d.headlines), position[id(d)]))
    fill_from_infobox(ordered, infobox_fields(sents, header))
    name_the_group(ordered)
    events = [to_event(d) for d in learned_kinds([d for d in ordered if not cited_cause(d)
                                                  and not denied_outright(d, sents)], sents)]
    return [e for e in events if e.kind == "attack"], [e for e in events if e.kind == "response"]


def _add_casualty_sentence(linker: _Linker, sent: Span) -> None:
    """'Five people were killed, the ministry said.' continues the latest event."""
    figures = casualty_figures(sent)
    if not figures or _opens_with_a_date(sent) or told_over_a_period(sent):
        return  # "On March 11, a teen killed 12 people ...": another episode; "... between January and March": a tally
    draft = max(linker.drafts, key=lambda d: d.last_seen)
    draft.sentences.append(sent)
    draft.last_sentence = linker.sentence_index
    for killed, injured, _token in figures:
        draft.killed = added_toll(draft.killed, killed, sent)
        draft.injured = added_toll(draft.injured, injured, sent)


def _add_figures(mention: Mention, sent: Span) -> None:
    """The toll told right after an article's defining sentence is its act's."""
    if _opens_with_a_date(sent) or told_over_a_period(sent):
        return
    for killed, injured, _token in casualty_figures(sent):
        mention.killed = settle_toll(mention.killed, killed, sent)
        mention.injured = settle_toll(mention.injured, injured, sent)


def _opens_with_a_date(sent: Span) -> bool:
    first = [t for t in sent[:3] if not t.is_punct]
    if not first or first[0].ent_type_ == "DATE":
        return bool(first)
    return first[0].lower_ in {"on", "in", "last", "earlier"} and len(first) > 1 and first[1].ent_type_ == "DATE"


__all__ = ["extract_events"]
