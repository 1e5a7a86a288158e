"""Whether a mention tells the event a draft is assembling (used by ``geo.events.extract``).

``compatible``: nothing contradicts it (kind, category, actors, date, place). ``agrees``: a mention with a place of
its own says the same (place, target or actor). ``may_continue``: a bare mention ("heavy shooting continued", "the
gunman got into a shootout") continues the latest event unless something sets it apart: another time ("last weekend"
after "yesterday"), another death toll, another attacker or another target named outright. A mention that names its
own time, actor or figures continues only an event told in the last few sentences.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from spacy.tokens import Token

from geo.events import actors, lexicon as lx
from geo.events.category_fit import categories_fit
from geo.events.clauses import another_doers_time
from geo.events.dating import NIGHT_WORDS, told_over_a_period
from geo.events.hours import another_hour, clock_time
from geo.events.draft import Draft, said_after
from geo.events.introduced import heard_by_a_witness, its_day_told, named_again, told_in_full
from geo.events.kinds import other_sides
from geo.events.mentions import NEW_EVENT_MARKERS, Mention
from geo.events.phrasal import came_under
from geo.events.place_fit import (at_the_site_told, launched_at_the_country, names_the_place_near, no_conflict,
                                   off_the_coast, one_of_its_places, place_fits, struck_the_country)
from geo.events.roles import struck_its_doers, the_perpetrators
from geo.events.summary import INTERCEPT
from geo.syntax import PRONOUNS, doc_text

RECENT_SENTENCES = 3  # how far back a mention with details of its own may continue an event
GROUP_NOUNS = frozenset({"group", "movement", "organisation", "organization"})  # "the group said its fighters ..."
SOLDIER_NOUNS = frozenset({"soldier", "troop", "force", "army", "military", "commando", "paratrooper"})


def bare(mention: Mention, kind: str | None = None) -> bool:
    """No place, date, count, new-event marker or response cue of its own (a response cue may go on telling a
    response: ``kind``, the event's)."""
    return (not mention.new_event and mention.date is None and (mention.count is None or heard_by_a_witness(mention))
            and not any(p.place for p in mention.parts) and (mention.cue != "response" or kind == "response"))


def adds_details(mention: Mention) -> bool:
    """It names a time, actor, named target or casualty figure."""
    return (mention.when is not None or mention.actor is not None or mention.killed is not None
            or mention.injured is not None or any(p.target_names for p in mention.parts))


def head_word(phrase: str) -> str:
    words = [w for w in (w.strip("’'") for w in phrase.lower().split()) if w.isalpha()]
    return words[-1] if words else phrase.lower()


def _same_time(a: str, b: str) -> bool:
    """'yesterday' and 'yesterday evening' may be one time; 'last weekend' and 'yesterday' are not."""
    words_a, words_b = set(a.split()), set(b.split())
    return words_a <= words_b or words_b <= words_a


def refers_back(actor: str | None, indefinite: bool) -> bool:
    """'the gunman', 'the attacker', 'he': the actor of the event being told."""
    if actor is None:
        return False
    indefinite = indefinite or actor.lower().startswith(("a ", "an ", "another "))
    head = head_word(actor)
    return not indefinite and (head in PRONOUNS or head in lx.ATTACKER_NOUNS or head.removesuffix("s") in lx.ATTACKER_NOUNS
                               or head in GROUP_NOUNS or head == "enemy")  # "the enemy again attacked our grid"


def marked_another(mention: Mention, draft: Draft | None = None) -> bool:
    """'Another group attacked a hotel', 'gunmen struck a second checkpoint': the actor or the target opens with a
    word that marks a new event; 'jets also hit a house', 'In addition, jets hit a house': a doer's other act."""
    target = mention.parts[0].target if mention.parts else None
    if mention.actor and target and (lx.ADDED_RE.match(mention.sentence.text) or any(
            c.lower_ == "also" for c in mention.trigger.children)):
        return True
    for phrase in (mention.actor, target):
        words = [w for w in (phrase or "").lower().split() if w not in {"a", "an", "the"}][:1]
        if words and words[0] in NEW_EVENT_MARKERS - {"earlier"}:
            return True
    subjects = [s for s in mention.trigger.children if s.dep_ == "nsubj" and s.lower_ not in NEW_EVENT_MARKERS and not (
        draft and any(t.i in draft.triggers for t in s.subtree))]  # "a second wave of strikes hit" (not the draft of
    # those strikes; not "one hit X, and another exploded near Y": one of the drones told)
    return any(next((t.lower_ for t in s.subtree if t.lower_ not in {"a", "an", "the"}), "") in (
        NEW_EVENT_MARKERS - {"earlier"}) for s in subjects)


def _different(mine: str | None, theirs: str | None) -> bool:
    """Two actors differ when their families or their head nouns do ('police' and 'insurgents');
    'rebels', 'militants' and 'fighters' may all be the armed group a text names, 'troops' and 'soldiers' its army."""
    if not mine or not theirs:
        return False
    a, b = actors.actor_family(mine), actors.actor_family(theirs)
    if a and b:
        return a != b
    armed = {_armed_head(mine), _armed_head(theirs)}
    if armed == {True} or (True in armed and (a or b)):
        return False
    return not {head_word(mine).removesuffix("s"), head_word(theirs).removesuffix("s")} <= SOLDIER_NOUNS and (
        head_word(mine) != head_word(theirs))  # (not "soldiers" and "troops": one army's men)


def _armed_head(phrase: str) -> bool:
    head = head_word(phrase)
    return head in lx.ATTACKER_NOUNS or head.removesuffix("s") in lx.ATTACKER_NOUNS or head in {"militias", "militia"}


def _different_targets(mine: str | None, names: frozenset[str], draft: Draft) -> bool:
    """Two targets differ when they are different actors or name different places or people
    ('Tamarasheni' and 'the village of Prisi'); 'targets' and 'insurgents' may be the same."""
    if not mine or not draft.target:
        return False
    a, b = actors.actor_family(mine), actors.actor_family(draft.target)
    if a and b:
        return a != b
    return bool(names and draft.target_names and not names & draft.target_names)


MANY_WORDS = frozenset({"dozens", "hundreds", "scores", "thousands", "numerous"})


def told_apart(draft: Draft, mention: Mention) -> bool:
    """Another time ('Friday' after 'Saturday'), another death toll, or a tally of many acts after one
    act ('more than 40 attacks since November' after 'struck a ship on Monday'): another event."""
    trigger = mention.trigger
    if trigger.dep_ == "pobj" and trigger.head.head.lower_ in MANY_WORDS and (draft.count or 1) == 1:
        return True  # "has carried out dozens of attacks on mosques" after one bombing: many acts, not it
    if (mention.count is not None and mention.count > 1 and (draft.count or 1) == 1 and not mention.anaphoric
            and not heard_by_a_witness(mention)
            and ((draft.date is not None and draft.date_precision == "day" and mention.date is None)
                 or (told_over_a_period(mention.sentence) and not draft.umbrella))):
        return True  # a dated act, then a tally of many; one act, then "since October, there have been 10 attacks"
    if (mention.date is None and not mention.anaphoric and not draft.umbrella and _counted_weapons(trigger)
            and told_over_a_period(mention.sentence) and not any(told_over_a_period(s) for s in draft.sentences)):
        return True  # "fired 134 drones overnight", then "had launched more than 1,000 drones over the past week"
    if draft.count is not None and draft.count > 1 and draft.date is None and (mention.count or 1) == 1 and (
            not mention.anaphoric and mention.parts and (mention.parts[0].target or mention.parts[0].place)
            and draft.category != INTERCEPT):  # "shot down five drones": five things stopped, not five acts
        return True  # a tally of many over a span, then one act with a target or place of its own
    when = mention.when
    dated = mention.date is not None or bool(when and not clock_time(when) and when not in NIGHT_WORDS)
    if draft.date is None and dated and not mention.anaphoric and (mention.count or 1) == 1 and any(
            told_over_a_period(s) for s in draft.sentences):
        return True  # "have attacked more than 100 ships since November", then "In July, boats attacked a carrier"
    days = [w for w in draft.whens if not clock_time(w) and w not in NIGHT_WORDS]  # "overnight" fits any day
    if mention.when and days and not said_after(draft, mention) and not clock_time(mention.when) and (
            mention.when not in NIGHT_WORDS) and not any(_same_time(mention.when, w) for w in days) and (
            mention.date is None or mention.date != draft.date):  # (not "before dawn on May 13" after "May 13")
        return True
    return another_hour(draft.sentences, mention.sentence, mention.trigger.i) or another_doers_time(
        draft.triggers, draft.actor, mention) or (
        mention.killed is not None and draft.killed is not None and mention.killed != draft.killed
        and not claimed_version(mention))


def _counted_weapons(trigger: Token) -> bool:
    """'launched more than 1,000 attack drones': an act told by the number of weapons it sent."""
    return trigger.pos_ == "VERB" and any(c.dep_ == "nummod" for o in trigger.children if o.dep_ == "dobj"
                                          for c in o.children)


def claimed_version(mention: Mention) -> bool:
    """'The group said its fighters had killed more than 30 soldiers', 'X claimed that its fighters had killed
    47': the claimant's own account of the act it claimed, with its own figures, not another act."""
    if refers_back(mention.actor, mention.actor_indefinite) and head_word(mention.actor or "") in GROUP_NOUNS:
        return True
    claim = next((h for h in mention.trigger.ancestors if h.pos_ == "VERB" and h.lemma_.lower() == "claim"), None)
    family = actors.actor_family(mention.actor)
    return claim is not None and family is not None and any(
        actors.actor_family(s.text) == family for s in claim.children if s.dep_ == "nsubj")


def sets_apart(draft: Draft, mention: Mention) -> bool:
    """Whether the mention names something that differs from the draft."""
    if told_apart(draft, mention) or marked_another(mention, draft) or nationwide_after_a_town(draft, mention) or (
            later_by_another_side(draft, mention)):
        return True
    target = mention.parts[0].target if mention.parts else None
    if _turned_round(draft, mention):
        return True  # 'U.S. forces struck militants', then 'armed militants attacked the force': the other side's act
    if refers_back(mention.actor, mention.actor_indefinite) or refers_back(target, indefinite=False):
        return False  # 'the gunman fled', 'police shot the attacker': the same event
    if _different(mention.actor, draft.actor) and head_word(mention.actor or "") not in PRONOUNS:
        return True
    names = mention.parts[0].target_names if mention.parts else frozenset()
    trigger = mention.trigger
    accused = trigger.dep_ in {"pcomp", "pobj"} and trigger.head.lower_ == "of" and (
        trigger.head.head.lemma_.lower() in {"accuse", "blame"})  # "accused X of shelling its positions"
    if accused and target and draft.target and head_word(target) != head_word(draft.target):
        return True  # the act the accuser tells, on another target than the one told before
    return _different_targets(target, names, draft)


SCOPE_WORDS = ("across", "throughout", "all over")


def nationwide_after_a_town(draft: Draft, mention: Mention) -> bool:
    """'Drones hit a plant in X overnight ... Across Ukraine, Russia launched 131 drones': the whole
    night's barrage over a country or province is more than the one town's hit told before it."""
    place = next((p.place for p in mention.parts if p.place is not None), None)
    if place is None or place.kind not in {"country", "admin1"} or draft.place is None or (
            draft.place.kind in {"country", "admin1"}):
        return False
    before = doc_text(mention.sentence.doc)[max(0, place.start - 24):place.start].rstrip().lower()
    return before.endswith(SCOPE_WORDS) or before.endswith(tuple(f"{w} the" for w in SCOPE_WORDS))


def later_by_another_side(draft: Draft, mention: Mention) -> bool:
    """'Rockets were fired from Lebanon ... Israeli artillery later shelled two border villages': what a
    named side did later is its own act, unless it is the side that did the first."""
    family = actors.actor_family(mention.actor)
    later = any(c.lower_ in {"later", "afterwards", "subsequently"} for c in mention.trigger.children)
    return later and family is not None and family != actors.actor_family(draft.actor)


def _flown_against_the_group(draft: Draft, mention: Mention) -> bool:
    """'PKK fighters attacked a base ... F-16s flew 19 sorties against caves nearby': an air strike by no drone is
    not told of a ground attack by an armed group (groups fly no warplanes)."""
    family = actors.actor_family(draft.actor)
    group = (family is not None and family not in actors.STATES) or actors.generic_side(draft.actor) == "irregulars"
    return group and mention.category == "Air/drone strike" and draft.category != mention.category and (
        mention.weapon in {None, "aircraft", "jet", "warplane", "helicopter"})


def _turned_round(draft: Draft, mention: Mention) -> bool:
    """Whether the mention's actor is the target of a response (the side that was struck acting: the
    attack the response answered, not the response). After an attack, the side it struck acting is
    the assault quelled, told as part of it ('police shot the attacker')."""
    if draft.kind != "response" or not mention.actor or not draft.target or head_word(mention.actor) in PRONOUNS:
        return False
    family = actors.actor_family(mention.actor)
    same = (family is not None and family == actors.actor_family(draft.target)) or (
        head_word(mention.actor) == head_word(draft.target))
    mine = actors.actor_family(draft.actor)
    return same and (mine != family if family is not None else head_word(draft.actor or "") != head_word(mention.actor))


def may_continue(draft: Draft, mention: Mention, sentence_index: int) -> bool:
    """A bare mention continues the latest event unless it sets itself apart; one that names
    details of its own does so only close to the event's last sentence."""
    gap = sentence_index - draft.last_sentence
    if not (bare(mention, draft.kind) or its_day_told(draft, mention, gap)) or sets_apart(draft, mention):
        return False
    if refers_back(mention.actor, mention.actor_indefinite):
        return True  # "the gunman stormed into her room"
    return not adds_details(mention) or gap <= RECENT_SENTENCES


def same_date(a: date, a_precision: str, b: date, b_precision: str) -> bool:
    """The same day, or the same month when one of them is known only to the month."""
    if "month" in {a_precision, b_precision}:
        return (a.year, a.month) == (b.year, b.month)
    return a == b


def compatible(draft: Draft, mention: Mention, *, lenient_place: bool = False, same_toll: bool = False,
               referred: bool = False) -> bool:
    """Nothing tells the mention and the draft apart. ``same_toll``: a headline giving the draft's own
    death toll ('troops kill six militants') may call a raid an ending of an assault; ``referred``: a mention
    pointing back ('the strike near B') fits an act told at several places ('strikes near A and B')."""
    if mention.cue and draft.kind and mention.cue != draft.kind:
        return False
    if mention.cue == "response" and draft.kind is None and other_sides(mention.actor, draft.actor):
        return False  # "rebels attacked a post in X, and troops responded by shelling ...": the answer, by another
    if (mention.family == "defence") != ("defence" in draft.families) and draft.families and not same_toll:
        return False  # ending an assault is another act than the assault
    if not categories_fit(draft, mention):
        return False
    mention_target = mention.parts[0].target if mention.parts else None
    if the_perpetrators(mention_target) and not the_perpetrators(draft.target) and mention.cue == "response" and (
            draft.kind != "response"):  # (but "troops fought off an assault ... killed 17 of the attackers")
        return False  # "jets hit the launch sites": those who did the act told, not that act
    for mine, theirs in ((draft.actor, mention.actor), (draft.target, mention_target)):
        a, b = actors.actor_families(mine), actors.actor_families(theirs)
        if a and b and not a & b:  # "U.S. jets" and "U.S. and British warplanes" may be one side
            return False
    if came_under(mention.trigger) and draft.actor and draft.target and head_word(mention_target or "") != (
            head_word(draft.target)):  # "forces raided a compound", then "a helicopter came under fire": an attack
        return False  # on those forces
    if (draft.actor and (mention_target or "").lower().startswith("the ") and head_word(mention_target) == head_word(
            draft.actor)) or struck_its_doers(draft.actor, mention_target, draft.target, mention.sentence):  # "X
        return False  # fighters ambushed a patrol", then "the command struck the fighters", "drones hit fighters"
    if mention.cue == "response" and draft.kind != "response" and not draft.actor and _NEW_THING_RE.match(
            mention_target or "") and (
            head_word(mention_target) != head_word(draft.target or "")):  # "rockets were fired at base X", then "in
        return False  # response to the attacks, jets struck a depot near Y": the answer, not that attack
    for doer, struck in ((draft.actor, mention_target), (mention.actor, draft.target)):
        if actors.actor_families(doer) & actors.actor_families(struck) or (
                (side := actors.generic_side(doer)) is not None and side == actors.generic_side(struck)
                and not the_perpetrators(mention_target)):  # (police who shot "the attacker" ended its attack)
            return False  # "RSF drones struck the city", then "air strikes on RSF positions": the other side's act
    home = actors.COUNTRY_FAMILY.get(draft.place.country or "") if draft.place is not None else None
    if draft.actor is None and home in actors.actor_families(mention.actor) and (
            actors.actor_families(mention_target) - {home}):
        return False  # "a missile hit a plant in X (Ukraine) ... Ukrainian forces struck a Russian depot": the other side
    if draft.date and mention.date and not same_date(draft.date, draft.date_precision, mention.date,
                                                     mention.date_precision) and not said_after(draft, mention):
        return False
    fits = [place_fits(draft.place, p.place) or (lenient_place and no_conflict(draft.place, p.place))
            or names_the_place_near(draft, p.place) or launched_at_the_country(draft, p)
            or off_the_coast(draft.place, p.place, doc_text(mention.sentence.doc))
            or (referred and one_of_its_places(draft, p.place)) for p in mention.parts]
    return any(fits) if len(fits) > 1 else all(fits)


FAR_SENTENCES = 3  # a town's act told this far after an act on its whole country is told for itself


def agrees(draft: Draft, mention: Mention, gap: int = 0) -> bool:
    """Positive evidence that a non-anaphoric mention reports the same event; ``gap``: how many
    sentences after the event's last one the mention comes."""
    part = mention.parts[0]
    if nationwide_after_a_town(draft, mention) or later_by_another_side(draft, mention) or (
            _flown_against_the_group(draft, mention)):
        return False
    if named_again(draft, part.target):
        return True  # "killed 26 people in a raid on a village", then "stormed the village of X": that village
    family = actors.actor_family(mention.actor)
    if draft.umbrella and draft.count is None and (mention.count or 0) > 1 and family is not None and (
            family == actors.actor_family(draft.actor)):
        return True  # "continued Houthi attacks on shipping", then "the Houthis have attacked ships 100 times"
    if told_in_full(draft, mention, gap):
        return True  # "X fighters attacked Y forces near A on May 13", then "on May 13, X fighters assaulted a Y post"
    if _retold_on_its_day(draft, mention) or (gap <= 2 and at_the_site_told(draft, mention)):
        return True  # "a May 3 attack by X fighters on an army post", then "the militants hit the outpost on May 3"
    if draft.kind == mention.cue == "response" and "retaliation" in draft.families and draft.target is None and (
            draft.place is None and gap <= 1 and not _different(mention.actor, draft.actor)):
        return True  # "the military announced it had struck back", then "jets hit the launcher used in the barrage"
    if draft.place is not None and part.place is not None:
        if mention.singular and draft.target and part.target and head_word(draft.target) != head_word(part.target) and (
                not part.target.lower().removeprefix("the ").startswith(part.place.text.lower())):
            return False  # (but "fire at troops at the X garrison", then "the X garrison came under fire")
        if draft.place.kind == "country" and part.place.kind in {"city", "facility", "other"} and gap > 1 and (
                mention.date is not None or mention.when is not None or gap > FAR_SENTENCES):
            return False  # 'forces attacked positions near X on Monday' after strikes on X's country: an act of its own
        if draft.place.kind == "country" and part.place.kind in {"city", "facility"} and struck_the_country(draft) and (
                part.target and part.target != part.place.text and not actors.actor_family(part.target)):
            return False  # "Russia attacked Ukraine overnight ... drones hit a grain warehouse in X": one hit of many
        return True
    if draft.families == {"defence"} and mention.cue == "response" and the_perpetrators(part.target) and not (
            _different(mention.actor, draft.actor)):
        return True  # "soldiers fought off an assault on their base", then "troops killed 17 of the attackers"
    target_family = actors.actor_family(part.target)
    if target_family is not None and target_family == actors.actor_family(draft.target):
        return True
    if (mention.date is not None and draft.date is not None and mention.date_precision == "month"
            and draft.date_precision == "day" and same_date(draft.date, "day", mention.date, "month")):
        return True  # "a bombing in October 2017" after "the 14 October 2017 bombings"
    mine, theirs = (set((x or "").lower().removeprefix("the ").split()) for x in (mention.actor, draft.actor))
    if (part.target or "").lower().startswith("the ") and draft.target and mine and mine <= theirs and (
            head_word(part.target) == head_word(draft.target)):
        return True  # "the command struck the fighters" after "U.S. Africa Command struck al-Shabaab fighters"
    actor_family = actors.actor_family(mention.actor)  # no place, no target: the same actor's same kind of event
    return (part.place is None and part.target is None and actor_family is not None
            and actor_family == actors.actor_family(draft.actor)
            and (mention.category == draft.category or mention.family in draft.families))


_NEW_THING_RE = re.compile(r"(?:an?|one|two|three|four|five|several)\s", re.I)  # "a depot", "two launchers"


def _retold_on_its_day(draft: Draft, mention: Mention) -> bool:
    """The mention tells its own day, the draft's, and names no one new: its doer refers back ('the militants')
    and its target is a definite noun with no name ('the outpost')."""
    target = mention.parts[0].target if mention.parts else None
    return (mention.when is not None and mention.date is not None and mention.date == draft.date
            and mention.date_precision == draft.date_precision == "day" and draft.target is not None
            and refers_back(mention.actor, mention.actor_indefinite) and target is not None
            and target.lower().startswith("the ") and target[4:].islower())


def continues(draft: Draft, mention: Mention) -> bool:
    """Whether a bare mention goes on telling the last event: compatible with it, save
    that the words may differ ('shelling' after 'airstrikes' on the same city)."""
    if compatible(draft, mention):
        return True
    if (draft.category == INTERCEPT) != (mention.category == INTERCEPT) or draft.kind == "response":
        return False
    relaxed = dataclasses.replace(mention, category=draft.category)
    return compatible(draft, relaxed)


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def one_of_counted(drafts: list[Draft], mention: Mention) -> Draft | None:
    """The event of several acts that 'the second explosion' is one of ('a double car bombing', 'two
    blasts'): a counted event, of the same kind, with at least that many acts."""
    ordinal = next((ORDINALS[c.lower_] for c in mention.trigger.children
                    if c.lower_ in ORDINALS and c.dep_ in {"amod", "advmod"}), None)
    if ordinal is None or mention.actor or (mention.parts and mention.parts[0].target_names):
        return None
    latest = next((d for d in drafts if not d.reference), None)
    if latest is not None and (latest.count or 1) < ordinal and categories_fit(latest, mention):
        return None  # "Two F-16s struck a depot. A second strike destroyed ...": the next of a sequence
    return next((d for d in drafts if d.count is not None and d.count >= ordinal and categories_fit(d, mention)
                 and not d.reference), None)
