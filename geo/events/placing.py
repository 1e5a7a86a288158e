"""Places and days for what a sentence does not tie to a place by a locative word: where a launch
came from, where a captioned photo was taken (and that its date is the photo's), and where an
interception happened (over the interceptor's country, else where the attack it stopped was), and
where an attack was that forces defended themselves against on the spot.

Used by ``geo.events.context`` (one sentence) and ``geo.events.extract`` (the whole text).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from geo.events import lexicon as lx
from geo.events.dates import resolve_date
from geo.events.dating import launched, told_as_a_launch
from geo.events.draft import Draft, toponyms_by_sentence
from geo.events.mentions import Mention, Part
from geo.events.place_choice import Located, part_at
from geo.events.place_fit import TOWN_KINDS
from geo.events.summary import DRONES
from geo.model import Toponym
from geo.syntax import CAPTION_END_RE, prep_objects


def _place_unplaced(mentions: list[Mention], found: Part) -> None:
    for mention in mentions:
        if not any(p.place for p in mention.parts):
            for part in mention.parts or [Part(target=None)]:
                part.place, part.place_prep, part.extra_places = found.place, found.place_prep, list(found.extra_places)
            mention.parts = mention.parts or [Part(target=None, place=found.place, place_prep=found.place_prep)]


def launched_from(token: Token) -> bool:
    """'fired missiles from bombers flying over the Caspian Sea': a place in where a launch came from, not where
    it struck (not "launched from Lebanon toward X", nor "artillery fire from across the river")."""
    for head in token.ancestors:
        if head.dep_ == "prep" and head.lower_ in AIMED_PREPS:
            return False
        if head.dep_ == "prep" and head.lower_ == "in" and head.i > 0 and _ends_a_launch_origin(head.doc[head.i - 1]):
            return True  # "launched missiles from rebel-held territory in Yemen", "in Yemen" hung on the verb
        if head.lower_ == "from" and head.dep_ == "prep" and head.head.pos_ == "VERB" and (
                head.head.lemma_.lower() in lx.WEAPON_OBJECT_VERBS):
            return True
        if _where_the_doers_stood(head) or _flown_over(head):
            return True
        if head.dep_ in {"ROOT", "ccomp"}:
            return False
    return False


def _flown_over(head: Token) -> bool:
    """'cruise missiles launched by bombers over the Caspian Sea': where the launchers flew, not the target."""
    verb = head.head
    if verb.dep_ == "pobj" and verb.head.dep_ == "agent":  # "over" hung on the bombers
        verb = verb.head.head
    return head.lower_ == "over" and head.dep_ == "prep" and verb.lemma_.lower() in lx.WEAPON_OBJECT_VERBS and any(
        c.dep_ == "agent" for c in verb.children)


# (not "take" or "carry": "a convoy carrying fuel to the garrison in X" came under fire near X)
CARRY_VERBS = frozenset({"fly", "evacuate", "airlift", "medevac", "transport", "transfer", "rush"})


def placed_elsewhere(token: Token) -> bool:
    """A place in where a launch came from, or where people were taken afterwards ('two of them were flown to
    a hospital in Germany'): not where the act was."""
    if launched_from(token):
        return True
    preps: list[str] = []
    for head in token.ancestors:
        if head.dep_ == "prep":
            preps.append(head.lower_)
        if head.pos_ in {"VERB", "AUX"}:
            return head.lemma_.lower() in CARRY_VERBS and "to" in preps
    return False


POSITION_VERBS = frozenset({"position", "station", "deploy", "base", "emplace", "mass", "dig"})


def _where_the_doers_stood(head: Token) -> bool:
    """'artillery positioned in X shelled Y', 'troops stationed in X fired on Y': where the doers stood (not
    'attacked soldiers stationed in X', where the target was)."""
    if head.tag_ != "VBN" or head.lemma_.lower() not in POSITION_VERBS:
        return False
    return head.dep_ == "nsubj" or (head.dep_ == "acl" and head.head.dep_ == "nsubj")  # (the first misparsed)


def _ends_a_launch_origin(token: Token) -> bool:
    """The last word of the place a launch came from ('from rebel-held territory')."""
    origin = next((h for h in [token, *token.ancestors] if h.dep_ == "pobj" and h.head.lower_ == "from"), None)
    return origin is not None and origin.head.head.lemma_.lower() in lx.WEAPON_OBJECT_VERBS and (
        max(t.i for t in origin.subtree) == token.i)


AIMED_PREPS = frozenset({"at", "toward", "towards", "on", "into", "against", "onto"})


def place_launches_by_origin(sent: Span, mentions: list[Mention], toponyms: list[tuple[Toponym, Span]]) -> None:
    """'a ballistic missile launched from Yemen': where a launch came from places it when nothing else does."""
    for mention in mentions:
        if mention.family == "intercept":
            continue  # an interception happens where the missile was going, not where it came from
        launches = [t for t in mention.trigger.subtree if t.lemma_.lower() in lx.WEAPON_OBJECT_VERBS]
        origins = {o.i for verb in launches for o in prep_objects(verb, "from")}
        found = [(t, span, False) for t, span in toponyms if sent.start <= span.start < sent.end
                 and span.root.i in origins]
        if found:
            origin = part_at(None, found)
            origin.place_prep = "from"  # "Missile attack from Yemen"
            _place_unplaced([mention], origin)


def place_by_caption(mentions: list[Mention], places: list[Located]) -> None:
    """'A view shows a depot damaged by a missile strike, in Kherson, Ukraine, Oct. 31, 2023.': a caption
    tells where the photo was taken, which places what it shows. ``places``: the caption's locatives."""
    if places:
        _place_unplaced(mentions, part_at(None, places))


def date_by_caption(sent: Span, mentions: list[Mention], published: date | None) -> None:
    """'..., in Kherson, Ukraine, Oct. 31, 2023.': the day the photo was taken, not the day of the act."""
    match = CAPTION_END_RE.search(" ".join(sent.text.split()))
    photo = resolve_date(match.group("date"), published) if match else None
    for mention in mentions:
        mention.photo_date = photo
        if photo is not None and mention.date == photo:
            mention.date, mention.when = None, None  # the photo's day is no time of the act


INTERCEPTED_WITHIN = 2  # sentences: the attack an interception stopped is told just before it


def _drafts_by_sentence(drafts: list[Draft], index: dict[int, int]) -> dict[int, list[tuple[int, Draft]]]:
    """Per sentence number, the drafts one of whose sentences it is (with their position in ``drafts``)."""
    told: dict[int, list[tuple[int, Draft]]] = {}
    for position, draft in enumerate(drafts):
        for number in {index.get(s.start, -9) for s in draft.sentences}:
            told.setdefault(number, []).append((position, draft))
    return told


def _told_within(told: dict[int, list[tuple[int, Draft]]], first: int, last: int) -> list[Draft]:
    """The drafts told in sentences ``first`` to ``last``, in their order (what scanning every draft gave)."""
    found = {id(d): (position, d) for number in range(first, last + 1) for position, d in told.get(number, ())}
    return [d for _position, d in sorted(found.values(), key=lambda item: item[0])]


def _places_of(draft: Draft, places_in: list[list[tuple[Toponym, Span]]], index: dict[int, int],
               located: list[tuple[Toponym, Span]]) -> list[tuple[Toponym, Span]]:
    """The places that may be named in a draft's sentences, in text order (all, if one is not a sentence)."""
    if any(s.start not in index for s in draft.sentences):
        return located
    numbers = sorted({index[s.start] for s in draft.sentences})
    found = {id(span): (t, span) for n in numbers for t, span in places_in[n]}
    return sorted(found.values(), key=lambda item: item[1].start)


# "38 of the rockets were intercepted": the ones a launch told before sent, however far back it was told.
TOLD_WEAPONS_RE = re.compile(r"\bof\s+(?:the\s+(?:rockets|missiles|drones|projectiles)|them)\b", re.I)  # ("47 of them")
TALLY_LEAST = 10  # what a night's tally over a country counts ("shot down 81 of the drones"), not "seven of them"
SEPARATELY_RE = re.compile(r"\W*(?:separately|elsewhere|in (?:a|another) (?:separate|different|other) "
                           r"(?:incident|development|attack))\b", re.I)


def place_interceptions(drafts: list[Draft], located: list[tuple[Toponym, Span]], sents: list[Span]) -> None:
    """An interception no word places happened over the country that intercepted ('Saudi Arabia
    intercepted a missile'), else where the attack it answered was, told in its sentence or just before;
    one no word dates happened on the day of that attack ('Rockets were fired at X on Monday ... Most
    were intercepted')."""
    index = {s.start: i for i, s in enumerate(sents)}
    told_in = _drafts_by_sentence(drafts, index)
    places_in = toponyms_by_sentence(located, sents)
    for draft in drafts:
        if "intercept" not in draft.families or not draft.sentences:
            continue
        first = min(index.get(s.start, -1) for s in draft.sentences)
        # "Separately, Jordan said it had shot down a drone near X": not the attack told before, only one its
        # own sentence tells ("Separately, ... shot down drones that the RSF launched at a plant outside X")
        separate = first >= 0 and SEPARATELY_RE.match(sents[first].text) is not None
        reach = 0 if separate else INTERCEPTED_WITHIN
        stopped = [d for d in _told_within(told_in, first - reach, first) if d is not draft and (
                       "intercept" not in d.families) and (
                       d.kind != "response" or told_as_a_launch(d))  # "Iran launched 300 drones in retaliation"
                   and any(first - reach <= index.get(s.start, -9) <= first for s in d.sentences)
                   and not _other_weapons(draft, d)]
        just_before = [d for d in stopped if any(first - min(reach, 1) <= index.get(s.start, -9) <= first
                                                 for s in d.sentences)]
        launches = [d for d in just_before if told_as_a_launch(d)]  # not the strike it answered, told beside it
        nearest = just_before[-1] if len(just_before) == 1 else launches[0] if len(launches) == 1 else None
        if (draft.date is None and not draft.whens and nearest is not None and nearest.date is not None
                and nearest.date_precision == "day"):
            draft.date, draft.date_precision = nearest.date, "day"
        if draft.place is not None:
            continue
        own_places = _places_of(draft, places_in, index, located)
        own = [(t, span.text == draft.actor or _national_arm(span.text, draft.actor)) for t, span in own_places
               if draft.actor and t.kind == "country" and _names_the_side(span.text, draft.actor) and any(
                   s.start <= span.start < s.end for s in draft.sentences) and (
                   _a_place_of_the_story(t, located) or all(
                       d.place is not None and d.place.country == t.country for d in stopped
                       if d.target or d.place is not None and d.place_prep != "from"))]  # (not a drone that
        # struck near a town abroad; but "a missile launched from Yemen" says where it came from)
        # (not "U.S. systems intercepted two of the rockets" fired at a base abroad: where they were aimed)
        if own and own[0][1] and not separate:  # (told apart, its sentence's own words place it)
            draft.place, draft.place_prep = own[0][0], "in"
            continue
        aimed = [t for t, span in own_places if any(s.start <= span.start < s.end for s in draft.sentences)
                 and _aimed_at(span.root)]
        if aimed:
            draft.place, draft.place_prep = aimed[0], "near"  # "drones the RSF launched at a plant outside X"
            continue
        if own and not separate and not any(d.place is not None and not _spread(d) for d in stopped):
            draft.place, draft.place_prep = own[0][0], "in"  # "Ukraine's air force shot down 58" of a barrage on towns
            continue
        beside = [d for d in launches if any(index.get(s.start, -9) == first for s in d.sentences)]
        attacks = [d for d in beside or stopped if d.place is not None]  # (a launch its own sentence tells, if any:
        attacks = [d for d in attacks if told_as_a_launch(d)] or attacks  # not a strike told before it elsewhere)
        if attacks and (draft.count or 0) >= TALLY_LEAST and (country := _tally_country(
                attacks[-1], drafts, located, places_in[max(0, first - 1):first + 1], sents[first])) is not None:
            draft.place, draft.place_prep = country, "in"
        elif attacks:
            draft.place, draft.place_prep = attacks[-1].place, attacks[-1].place_prep


def _tally_country(attack: Draft, drafts: list[Draft], located: list[tuple[Toponym, Span]],
                   near: list[list[tuple[Toponym, Span]]], sentence: Span) -> Toponym | None:
    """A night's tally: 'Russia launched 126 drones ... Air defences shot down 81 of the drones', with no town
    named in it or just before, after a barrage that hit two towns or more of one country, was over the country,
    not over the one town the first hit was told at."""
    if attack.place is None or not TOLD_WEAPONS_RE.search(sentence.text) or any(
            t.kind in TOWN_KINDS for told in near for t, _span in told):
        return None
    country = attack.place.country
    towns = {d.place.place_key for d in drafts if d.kind == "attack" and d.place is not None
             and d.place.kind in TOWN_KINDS and d.place.country == country and d.place_prep != "from"}
    named = sorted((t for t, _span in located if t.kind == "country" and t.country == country and not t.demonym),
                   key=lambda t: t.text.isupper())  # (as the text names it, not a dateline's capitals)
    return named[0] if len(towns) >= 2 and named else None


HOME_PREPS = (lx.LOCATIVE_WORDS - lx.BLOCKING_PREPS) | AIMED_PREPS  # "over X", "launched at X"


def _a_place_of_the_story(country: Toponym, located: list[tuple[Toponym, Span]]) -> bool:
    """Whether the text tells of anything at the country itself ('drones launched at Russia', 'over Saudi
    Arabia'): one named only as a side ('U.S. counter-rocket systems intercepted two of the rockets') defends its
    people abroad, not its own sky."""
    return any(t.place_key == country.place_key and span.root.dep_ == "pobj" and span.root.head.lower_ in HOME_PREPS
               for t, span in located)


def _spread(attack: Draft) -> bool:
    """An attack told at several places of one kind ('missiles struck plants in Lviv and Odesa')."""
    return attack.place is not None and any(p.kind == attack.place.kind for p in attack.extra_places)


def _national_arm(country: str, actor: str) -> bool:
    """"Ukraine's air force", "Russia's air defences": the country's own arm, which reports for all of it."""
    return re.fullmatch(rf"{re.escape(country)}['’]s (?:air force|air defen[cs]es?)", actor) is not None


def _names_the_side(name: str, actor: str) -> bool:
    """'Saudi Arabia' for the actor 'Saudi Arabia' or "Ukraine" for "Ukraine's air force": the country that intercepted."""
    return actor == name or actor.startswith((f"{name}'s ", f"{name}’s "))


def date_told_interceptions(drafts: list[Draft], sents: list[Span]) -> None:
    """'38 of the rockets were intercepted', told sections after 'That evening Hezbollah fired about 50 rockets':
    an interception no word dates of weapons a launch told before sent happened on that launch's day."""
    index = {s.start: i for i, s in enumerate(sents)}
    for draft in drafts:
        if "intercept" not in draft.families or draft.date is not None or draft.whens or not draft.sentences:
            continue
        first = min(index.get(s.start, -1) for s in draft.sentences)
        if first < 0 or not TOLD_WEAPONS_RE.search(sents[first].text):
            continue
        launch = next((d for d in reversed(drafts) if d is not draft and told_as_a_launch(d) and d.date is not None
                       and d.date_precision == "day" and not _other_weapons(draft, d)
                       and 0 <= min(index.get(s.start, -1) for s in d.sentences) <= first), None)
        if launch is not None:
            draft.date, draft.date_precision = launch.date, "day"


def _other_weapons(interception: Draft, attack: Draft) -> bool:
    """Drones shot down do not answer a missile strike, nor missiles a drone attack ('61 of the drones were shot
    down, while the missiles struck a plant in X')."""
    stopped = {w.rstrip("s") in DRONES for w in (interception.target or "").lower().split()  # not "air" of "air
               if w.rstrip("s") in DRONES | {"missile", "rocket"}}  # defences"; "five of the missiles and 88 drones"
    doc = attack.sentences[0].doc if attack.sentences else None
    acts = [v for i in attack.triggers if doc is not None and i < len(doc) for v in (doc[i], *doc[i].conjuncts)]
    told = {o.lemma_.lower() in DRONES for v in acts for o in v.subtree if o.dep_ in {"dobj", "nsubjpass"} and (
        o.lemma_.lower() in DRONES | {"missile", "rocket"})}  # "(an attack when they) fired six rockets and launched
    # three drones"
    return bool(stopped) and attack.weapon is not None and (attack.weapon in DRONES) not in stopped and not (
        stopped <= told)


SELF_DEFENCE_RE = re.compile(r"\bself[- ]defen[cs]e\b", re.I)


LAUNCH_VERBS = frozenset({"launch", "fire", "aim", "direct", "send"})


def _aimed_at(token: Token) -> bool:
    """A place a projectile was launched at: 'launched at a power station outside X', 'fired toward X'."""
    preps = []
    for head in token.ancestors:
        if head.pos_ == "ADP":
            preps.append(head.lower_)
        if head.pos_ == "VERB":
            return head.lemma_.lower() in LAUNCH_VERBS and bool(preps) and preps[-1] in {"at", "toward", "towards"}
    return False


def place_defended_attacks(drafts: list[Draft], sents: list[Span]) -> None:
    """An attack no word places, that forces defended themselves against within the next two sentences by a
    strike at a town ('al-Shabaab fighters attacked the force ... In response, U.S. forces conducted
    self-defense strikes near X'), happened there and then: a self-defence strike answers an attack on the spot."""
    index = {s.start: i for i, s in enumerate(sents)}
    defences = [d for d in drafts if d.kind == "response" and d.place is not None and d.place.kind in TOWN_KINDS
                and ({"intercept", "defence"} & d.families or any(SELF_DEFENCE_RE.search(s.text) for s in d.sentences))]
    for draft in drafts:
        if draft.kind != "attack" or draft.place is not None or not draft.sentences:
            continue
        told = {index.get(s.start, -9) for s in draft.sentences}
        near = [d for d in defences if any(0 <= index.get(s.start, 99) - i <= 2 for s in d.sentences for i in told)
                and (launched(draft) if "intercept" in d.families else not launched(draft))]  # a shelling is not
        # what was shot down; drones sent at a ship were not where the strikes on their launchers hit
        if near:
            draft.place, draft.place_prep = near[0].place, "near"
            if draft.date is None and near[0].date is not None:
                draft.date, draft.date_precision = near[0].date, near[0].date_precision  # on the spot, that day


__all__ = ["date_by_caption", "place_by_caption", "place_defended_attacks", "place_interceptions",
           "place_launches_by_origin", "placed_elsewhere"]
