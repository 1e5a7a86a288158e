"""Attach context to the event mentions of one sentence: response/attack role, place, date (``geo.events.dating``)
and casualty figures. Places come only from the given toponyms (never from spaCy's entity labels), attached to an
event through a locative preposition ("near the city of X", "west of X", "in X province")."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from geo.events import actors, context_words as elx, lexicon as lx
from geo.events.casualties import casualty_figures, dead_on_its_object
from geo.events.clauses import (a_reason_apart, addressed, ancestors_list, in_a_bodys_name, nearest_before, owner_of,
                                where_said)
from geo.events.dating import assign_dates
from geo.events.kinds import ORDINAL_WORDS, armed_men
from geo.events.roles import (ONLY_ASSAILANT_NOUNS, assign_roles, ends_the_assault,
                              pursues_the_perpetrators, the_perpetrators, told_by_its_acts)
from geo.events.inherited import inherit_places
from geo.events.one_act import merge_one_act, told_in_sequence
from geo.events.no_single_act import is_campaign, is_generic, is_tally, is_war
from geo.events.place_choice import part_at
from geo.events.placing import date_by_caption, place_by_caption, place_launches_by_origin, placed_elsewhere
from geo.events.mentions import Mention, Part, anchor_of, build_mention, target_heads
from geo.events.triggers import find_triggers, trigger_family
from geo.model import Toponym
from geo.syntax import (children, dateline_length, phrase_text, phrase_tokens, phrase_with_conjuncts, prep_objects,
                        span_text)

HIT_VERBS = frozenset({"hit", "strike", "target", "destroy", "damage", "pound", "rock", "raze", "level", "flatten"})
REPORTING = lx.REPORTING_VERBS | {"summon", "expel", "condemn", "denounce"}  # "summoned X's envoy in Baghdad"


def find_mentions(sent: Span, toponyms: list[tuple[Toponym, Span]], published: date | None,
                  *, headline: bool = False, caption: bool = False) -> list[Mention]:
    """All event mentions of one sentence, with role, places, date and casualties. A photo caption
    (``caption``) places what it shows where the photo was taken when nothing else does."""
    if span_text(sent).rstrip().endswith("?"):
        return []  # "Was that a U.S. strike?", "Did the strikes hit anything near X?": a question tells no act
    mentions = [build_mention(sent, t, f, headline) for t, f in find_triggers(sent)]
    if not mentions:
        return []
    mentions = merge_one_act(mentions)
    before = told_in_sequence(mentions)  # "the airstrike followed an assault on X on Monday": X, Monday the assault's
    referred = _after_the_act(mentions) + [m for m in mentions if id(m) in before]
    assign_roles(sent, mentions)
    mentions = [m for m in mentions if not told_by_its_acts(m, mentions)]
    _assign_places(sent, mentions, toponyms)
    pursuit = pursues_the_perpetrators(sent)  # "tracked the attackers to a forest ... after a gunfight"
    for mention in mentions:  # "drones struck the attackers as they withdrew": those who attacked were answered
        if mention.cue is None and mention.family in {"strike", "bomb", "shell", "clash", "attack"} and (pursuit or any(
                the_perpetrators(p.target) for p in mention.parts) or ends_the_assault(mention.trigger)):  # (police
            mention.cue = "response"
    assign_dates(sent, mentions, toponyms, published)
    for killed, injured, token in casualty_figures(sent):
        owner = owner_of(token, sent, mentions) or nearest_before(token, mentions)
        if (token.head if token.dep_ == "nummod" else token).lemma_.lower() in ONLY_ASSAILANT_NOUNS:
            owner = next((m for m in mentions if m.cue == "response"), owner)  # "killing four assailants": the answer's
        if killed is not None and owner.killed is None:
            owner.killed = killed
        if injured is not None and owner.injured is None:
            owner.injured = injured
    inherit_places(mentions)
    place_launches_by_origin(sent, mentions, toponyms)
    if caption:
        place_by_caption(mentions, [(t, span, near) for t, span in toponyms if sent.start <= span.start < sent.end
                                    for ok, near, _end in [_locative(t, span.root)] if ok])
        date_by_caption(sent, mentions, published)
    for mention in referred:  # "a day after the bombing, ... near X": X and the day are the raid's
        if (other := before.get(id(mention))) is not None and other.date is None:
            other.date, other.date_precision, other.when = mention.date, mention.date_precision, mention.when
        mention.parts, mention.date, mention.when, mention.killed, mention.injured = [], None, None, None, None
    return [m for m in mentions if not is_generic(m) and not is_campaign(m) and not is_tally(m) and not is_war(m)]


# --- places --------------------------------------------------------------------------------

def _locative(toponym: Toponym, root: Token) -> tuple[bool, bool, Token]:
    """Whether a toponym is tied to its clause by a locative word; whether it is 'near'; the token ending the phrase."""
    near = False
    token = root
    before = root.doc[root.i - 2] if root.i >= 2 else None
    if (before is not None and root.doc[root.i - 1].text == "," and before.lower_ in elx.PLACE_NOUNS
            and root.dep_ not in {"appos", "pobj", "nsubj", "nsubjpass", "dobj"}):
        token = before  # "in the capital, Makhachkala, police ...": an apposition the parser missed
    elif root.dep_ in {"compound", "nmod", "amod", "poss"}:
        if toponym.kind == "country" and root.head.lower_ not in elx.PLACE_NOUNS:
            return False, False, root
        if root.dep_ in {"compound", "nmod"} and root.pos_ == "PROPN" and root.head.pos_ == "NOUN" and (
                trigger_family(root.head)):
            return True, False, root.head  # "the 2017 Mogadishu bombings": the town names the act's place
        token = root.head
    for _ in range(12):
        head = token.head
        if head.i == token.i:
            return False, near, token
        modifier = token.dep_ in {"amod", "advmod", "npadvmod", "compound", "appos"}
        if modifier and token.lower_ in elx.PLACE_NOUNS | lx.NEAR_WORDS:
            near = near or token.lower_ in lx.NEAR_WORDS
            token = head
            continue
        if token.dep_ in {"appos", "conj"} or token.dep_ in {"compound", "nmod"} and head.lemma_ in elx.PLACE_NOUNS:
            token = head  # "over the A, B and C regions": B is A's conjunct, A names the regions
            continue
        if token.dep_ == "pobj":
            prep = head.lower_
            compass = head.head.lower_ in elx.COMPASS_WORDS
            if prep == "of" and compass and (head.head.dep_ not in {"pobj", "dobj", "nsubj", "nsubjpass"} or any(
                    c.dep_ == "compound" for c in head.head.children)):  # (and "by a bomb east of X", misparsed)
                return True, True, head.head  # "a shootout Thursday north of the capital": a place by itself
            # "the station of the city of X"
            site = head.head.lower_ in elx.SITE_NOUNS and token.lower_ in elx.PLACE_NOUNS
            if prep == "of" and (head.head.lower_ in elx.PLACE_NOUNS | lx.NEAR_WORDS or site
                                 or head.head.lemma_.lower() in elx.PLACE_NOUNS):  # "residential areas of X"
                near = near or head.head.lower_ in lx.NEAR_WORDS
                token = head.head
                continue
            if prep == "of" and token is root and head.head.tag_ in {"NN", "NNS", "VBG"} and trigger_family(head.head):
                return True, near, head  # "the shelling of X", "the bombing of X": where it fell
            if prep == "to" and head.head.lower_ in elx.CLOSE_WORDS:
                return True, True, head.head
            if prep in lx.LOCATIVE_WORDS and prep not in lx.BLOCKING_PREPS and not (
                    prep == "including" and _among_the_doers(head)):
                return True, near or prep in lx.NEAR_WORDS, head
            if prep == "against" and trigger_family(head.head) and token is root:
                return True, near, head  # "a missile strike against Ukraine": where it struck
            return False, near, head
        if token.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB" and (
                trigger_family(head) or head.lemma_.lower() in HIT_VERBS):
            return True, near, token
        if token.dep_ == "nsubj" and comes_under_attack(head):
            return True, near, head  # "the village of X came under attack"
        if token.dep_ == "pobj" or token.dep_ in {"nsubj", "dobj"}:
            return False, near, token
        if token.dep_ == "acl" and token.lemma_.lower() in {"locate", "situate", "base"}:
            token = head
            continue
        return False, near, token
    return False, near, token


def _among_the_doers(prep: Token) -> bool:
    """'intercepted by Israel and its allies, including the United States': those who did it, not where."""
    for token in prep.ancestors:
        if token.dep_ == "agent" or token.lemma_.lower() in {"ally", "partner", "member"}:
            return True
        if token.pos_ in {"VERB", "AUX"}:
            return False
    return False


def comes_under_attack(verb: Token) -> bool:
    """'came under attack', 'came under fire', 'was under heavy shelling'."""
    return verb.lemma_.lower() in {"come", "be", "remain"} and any(
        trigger_family(o) for o in prep_objects(verb, "under"))


def _after_the_act(mentions: list[Mention]) -> list[Mention]:
    """'After the bombing, police raided a hideout': what someone did after an act the sentence refers
    back to is another act (but 'soon after the bombings, gunfire was reported' or 'gunmen stormed the
    gate after the blast' may tell the same one).
    The acts referred back to, which take nothing else of the sentence, are returned."""
    referred = [m for m in mentions if m.anaphoric and m.trigger.dep_ == "pobj"
                and m.trigger.head.lower_ in {"after", "following"}]
    if referred:
        for mention in mentions:
            if mention not in referred and mention.actor and not armed_men(mention.actor):
                mention.new_event = True  # not "the attackers tried to storm the gate after the blast"
    return referred


def _assign_places(sent: Span, mentions: list[Mention], toponyms: list[tuple[Toponym, Span]]) -> None:
    owned: dict[int, list[tuple[Toponym, Span, bool]]] = {id(m): [] for m in mentions}
    pool: list[tuple[Toponym, Span, bool]] = []
    dateline_end = sent.start_char + dateline_length(span_text(sent))
    for toponym, span in toponyms:
        if span.start < sent.start or span.end > sent.end or span.start_char < dateline_end:
            continue  # "KHARTOUM, Sudan (Wire) — ...": where the story was filed, not where it happened
        ok, near, end = _locative(toponym, span.root)
        if not ok or _describes_another_place(end, sent, toponym.kind == "region") or _a_border_of(toponym, span) or (
                _across_from(span) or names_something_else(span)) or _in_a_purpose(end) or placed_elsewhere(span.root):
            continue
        owner = owner_of(end, sent, mentions)
        if owner is not None:
            owned[id(owner)].append((toponym, span, near))
        elif not any(h.lemma_.lower() in REPORTING for h in ancestors_list(end, sent)):
            pool.append((toponym, span, near))
    for mention in mentions:
        mine = [item for item in owned[id(mention)] if not _in_another_clause(item[1].root, mention)]
        if len(mentions) == 1:
            pool = [item for item in pool if not _in_another_clause(item[1].root, mention)]
        places = mine or (pool if len(mentions) == 1 else [])
        mention.parts = _parts(mention, places)


def _a_border_of(toponym: Toponym, span: Span) -> bool:
    """'near the Iraq border': a country's border lies between two; the act is not in that country."""
    doc = span.doc
    return toponym.kind == "country" and span.end < len(doc) and doc[span.end].lower_ in {"border", "frontier", "borders"}


def names_something_else(span: Span) -> bool:
    """'at 11:40 p.m. (Baghdad time)', 'the Gaza war', 'the UN Mission in X', 'call on Ankara': part of or for what."""
    doc = span.doc
    return span.end < len(doc) and (doc[span.end].lower_ == "time" or doc[span.end].lemma_.lower() in (
        lx.CONFLICT_NAME_NOUNS)) or in_a_bodys_name(span) or addressed(span.root)


def _across_from(span: Span) -> bool:
    """'areas of Omdurman, across the Nile from the capital': what lies between, not where it happened."""
    doc = span.doc
    prep = span.root.head
    return (prep.lower_ == "across" and span.root.dep_ == "pobj"
            and any(t.lower_ == "from" for t in doc[span.end:min(span.end + 2, len(doc))]))


def _describes_another_place(token: Token, sent: Span, sea: bool = False) -> bool:
    """'near Dvani, which is south-west of Tskhinvali', 'in Tamarasheni, a town near X': a place describing another
    is not where it happened (a sea a ship sailed, told in apposition to it, is: 'the M/V X, a ship in the Red Sea')."""
    for head in [token, *ancestors_list(token, sent)]:
        if trigger_family(head):
            return False  # the clause of the event itself ("came on Tuesday, when drones were launched at X")
        if head.dep_ in {"relcl", "appos"} and head.head.ent_type_ not in {"DATE", "TIME"} and (
                head.head.pos_ == "PROPN" or head.head.lower_ in elx.PLACE_NOUNS):
            return not (sea and head.lemma_ in lx.SHIP_NOUNS)
        if head.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _clause_verb(token: Token) -> Token | None:
    for candidate in (token, *token.ancestors):
        if candidate.pos_ in {"VERB", "AUX"} and candidate.dep_ != "prep":  # not "including", "following"
            return candidate
    return None


def _in_another_clause(place: Token, mention: Mention) -> bool:
    """'shot the ambassador ... and appeared to condemn Russia's role in Syria': a place in a
    clause of its own, modifying a noun there, is not where the event happened."""
    prep, trigger = (place.head if place.dep_ == "pobj" else None), mention.trigger
    verb = None if prep is None else prep.head if prep.head.pos_ == "VERB" else _clause_verb(prep.head)
    if a_reason_apart(place, [trigger.i]) or verb is not None and verb.dep_ == "xcomp" and children(
            verb.head, "dobj") and trigger not in verb.subtree and verb is not trigger:
        return True  # "the attacks pushed firms to send (their ships) around Africa" (where the ships go), "struck
        # a depot because its owner sold parts to plants in X" (a reason)
    if prep is None or prep.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    theirs, mine = _clause_verb(prep.head), _clause_verb(trigger)
    if theirs is None or mine is None or theirs == mine or trigger in theirs.subtree or theirs in mention.merged:
        return False
    if mine not in theirs.ancestors or where_said(theirs):  # (a clause on where someone spoke)
        return True
    if theirs.lemma_.lower() in HIT_VERBS and theirs.dep_ == "conj" and not children(theirs, "nsubj", "nsubjpass"):
        return False  # "the strikes happened overnight and hit five areas in X": what they hit tells where
    path = [theirs]
    for ancestor in theirs.ancestors:
        if ancestor == mine:
            break
        path.append(ancestor)
    return any(t.dep_ == "conj" for t in path)  # a coordinated clause is a predication of its own


PURPOSE_VERBS = frozenset({"aim", "intend", "design", "seek", "mean"})


def _in_a_purpose(token: Token) -> bool:
    """'the attack was aimed at disrupting exports through the Black Sea': a place of what an act was for."""
    verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    return verb is not None and verb.tag_ in {"VBG", "VB"} and not trigger_family(verb) and any(
        a.lemma_.lower() in PURPOSE_VERBS for a in verb.ancestors)


def _parts(mention: Mention, places: list[tuple[Toponym, Span, bool]]) -> list[Part]:
    heads = target_heads(mention.trigger, anchor_of(mention.trigger))
    for verb in mention.merged:
        heads = heads or target_heads(verb, verb)
    place_tokens = {p[1].root.i for p in places}
    if len(heads) >= 2 and not any(h.i in place_tokens for h in heads):
        split: list[Part] = []
        for head in heads:
            inside = {t.i for t in head.subtree} - {t.i for c in head.conjuncts if c.i > head.i for t in c.subtree}
            here = [p for p in places if p[1].root.i in inside]
            if here:
                split.append(part_at(_target_text(head), here))
        distinct = {p.place.place_key for p in split if p.place is not None and p.place.kind != "country"}
        if len(split) >= 2 and len(distinct) == len(split):
            return split
    target = _target_text(heads[0], with_conjuncts=True) if heads else None
    part = part_at(target, places)
    if heads:
        part.target_names = frozenset(t.text for t in phrase_tokens(heads[0])  # "Camp X", "Camp Y": not one name
                                      if t.pos_ == "PROPN" and t.ent_type_ in {"GPE", "LOC", "FAC", "ORG", "PERSON"}
                                      and t.lower_ not in elx.SITE_NOUNS | elx.PLACE_NOUNS)
    return [part]


def _target_text(head: Token, *, with_conjuncts: bool = False) -> str | None:
    if head.pos_ == "PRON":
        return None
    if head.lower_ in ORDINAL_WORDS:  # "The second, a compound near X, was hit": the compound
        head = next((c for c in head.children if c.dep_ == "appos"), head)
    text = phrase_with_conjuncts(head) if with_conjuncts else phrase_text(phrase_tokens(head))
    if head.dep_ == "dobj" and dead_on_its_object(head.head):
        text = text.replace("dead ", "", 1)  # "shot dead two men": the men were shot, 'dead' is what befell them
    opener = head.doc[min(t.i for t in head.subtree)]
    if opener.is_sent_start and opener.pos_ in {"DET", "ADJ", "NUM", "PRON", "NOUN"} and text.startswith(
            opener.text) and opener.ent_type_ not in {"NORP", "GPE"} and not actors.named_exactly(opener.text):
        text = opener.lower_ + text[len(opener.text):]  # "Most of the projectiles were ...", not "Somali forces ..."
    return lx.clean_phrase(text, drop_article=False) or None
