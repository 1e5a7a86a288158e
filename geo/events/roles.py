"""Attack or response: the cues in a sentence that say an act answers another ("in response to",
"retaliated", "self-defense strikes", "are a response to", an interception, taking back a base after
an attack) or is what was answered (the object of "in retaliation for")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from geo.events import actors, lexicon as lx
from geo.events.clauses import ancestors_list
from geo.events.context_words import STOP_VERBS
from geo.events.kinds import ARMED_GROUP_NOUNS, PERPETRATOR_NOUNS, perpetrators_fled
from geo.events.mentions import Mention, anchor_of
from geo.events.parse_repairs import hung_on_the_verb
from geo.events.phrasal import phrasal_family
from geo.events.triggers import trigger_family
from geo.events.weapons import lemma_of
from geo.syntax import children, doc_text, glued_before, phrase_tokens, prep_objects, span_text

def assign_roles(sent: Span, mentions: list[Mention]) -> None:
    """Set each mention's cue: 'response', 'attack' (what a response answers), or None (no cue)."""
    by_token: dict[int, Mention] = {}
    for mention in mentions:
        by_token[mention.trigger.i] = mention
        by_token[anchor_of(mention.trigger).i] = mention
        by_token.update({t.i: mention for t in mention.merged if t.i not in by_token})  # "in strikes X called a
        # response": what is said of a word merged into the act is said of the act
        modifiers = {c.lemma_.lower() for t in (mention.trigger, *mention.merged)  # "in a retaliatory strike, X shelled"
                     for c in t.children if c.dep_ in {"amod", "compound", "nmod"}}
        glued = glued_before(mention.trigger)  # "a counter-offensive", cut at its dash
        modifiers |= {glued.lower_} if glued is not None else set()
        if mention.family in RESPONSE_FAMILIES or modifiers & lx.RESPONSE_ADJECTIVES or _self_defence(mention.trigger):
            mention.cue = "response"
    for mention in [m for m in mentions if m.cue == "response"]:  # "a retaliatory operation against the militants
        aimed = {t.i for o in prep_objects(mention.trigger, "against", "on") for t in o.subtree}  # who attacked X"
        for other in mentions:
            if other.cue is None and other.trigger.dep_ == "relcl" and other.trigger.i in aimed:
                other.cue = "attack"
    for mention in mentions:  # "the strike targeted fighters who took part in an attack on a base": an answer
        for other in _told_of_its_targets(mention, mentions):
            mention.cue, other.cue = mention.cue or "response", other.cue or "attack"
    text = span_text(sent)
    called = CALLED_ANSWER_RE.search(text)
    if called and GRIEVANCE_RE.match(text[called.end():]):
        called = None  # "in what it said was a response to Israel's war in Gaza": a cause, no act answered
    if called:  # "struck a radar in what the army called 'a precise response' to the barrage"
        for mention in mentions:
            offset = mention.trigger.idx - sent.start_char
            if mention.cue is None:
                mention.cue = "response" if offset < called.start() else "attack" if offset >= called.end() else None
    answered = {t.i for token in sent if (found := _answered(token)) for o in found[0] for t in o.subtree}
    if threat := AIMED_AT_ATTACKERS_RE.search(text):  # "struck launchers that were readied to fire"
        for mention in mentions:  # (not "these attacks" of "in response to these attacks": what is answered)
            if mention.cue is None and mention.trigger.idx - sent.start_char < threat.start() and (
                    mention.trigger.i not in answered):
                mention.cue = "response"
    if _defensive_clause(sent):  # "forces destroyed, in self-defense, four drones", "... an imminent threat"
        defended = {t.i for token in sent if token.lower_ in {"defense", "defence"} for o in prep_objects(
            token, "of") for t in o.subtree}  # "in self-defense of forces who came under attack": that attack
        for mention in mentions:
            if mention.cue is None and mention.trigger.i not in answered:
                mention.cue = "attack" if mention.trigger.i in defended else "response"
    for mention in mentions:  # "regained control after rebels ambushed the compound": the ambush is an attack
        if mention.family == "defence":
            verbs = [mention.trigger, *(c for c in mention.trigger.children if c.dep_ == "conj")]
            answered = {t.i for v in verbs for c in v.children if c.dep_ in {"advcl", "prep"} for t in c.subtree}
            for other in mentions:
                if other is not mention and other.trigger.i in answered and other.cue is None:
                    other.cue = "attack"
                if other.family == "retaliation" and other.trigger.dep_ == "dobj" and other.trigger.head in verbs:
                    other.cue = "attack"  # "repelled two counterattacks": what was repelled, whatever it answered
    for token in sent:
        found = _answered(token)
        if found is None:
            continue
        objects, clause = found  # clause: the one a bare "in response," answers with
        object_ids = {t.i for obj in objects for t in obj.subtree}
        if _deters_only(token) and not any(m.trigger.i in object_ids for m in mentions) and not any(
                lemma_of(t) in ATTACK_WORDS for o in objects for t in o.subtree):  # "to degrade their ability to attack"
            continue  # "stop their car", "thwarting dialogue": deterring no attack is no response
        for mention in mentions:
            if mention.trigger.i in object_ids and mention.cue is None:
                mention.cue = "attack"
        responder = _responder(token, sent, by_token)
        if responder is not None and responder.trigger.i not in object_ids:
            responder.cue = "response"
        answering = token if token.pos_ == "VERB" else (clause if responder is None else None)
        if answering is not None:  # (not what describes a target: "struck the sites used to launch the attack")
            described = {d.i for t in answering.subtree if t.dep_ in {"acl", "relcl"} and t.i != answering.i
                         for d in t.subtree}
            inside = {t.i for t in answering.subtree} - object_ids - described
            for mention in mentions:  # (not "the sites the attacks came from", misparsed as a clause of the answer)
                said_of = mention.trigger.head
                told = mention.anaphoric and mention.trigger.dep_ == "nsubj" and not trigger_family(said_of)
                if mention.trigger.i in inside and mention.trigger is not token and not told:
                    mention.cue = "response"


def _told_of_its_targets(mention: Mention, mentions: list[Mention]) -> list[Mention]:
    """The acts a clause on the mention's targets tells they did ('struck fighters who attacked the base')."""
    trigger = mention.trigger
    verb = trigger.head if trigger.dep_ == "nsubj" and trigger.pos_ == "NOUN" else trigger  # "the strike targeted"
    targets = children(verb, "dobj", "nsubjpass") + prep_objects(verb, "against", "on") + (
        children(verb.head, "nsubjpass") if verb.dep_ == "conj" and not children(verb, "nsubj", "dobj") else [])
    clauses = {t.i for x in targets for c in x.children if c.dep_ == "relcl" and (
        x.lemma_.lower() in FIGHTER_NOUNS or _launched_from(c)) for t in c.subtree}
    return [o for o in mentions if o is not mention and o.trigger.i in clauses and o.cue is None
            and o.family in ATTACKING_FAMILIES]


def _launched_from(clause: Token) -> bool:
    """'the positions from which the attack was launched': a place the clause says an act came from."""
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(o.lower_ in {"which", "where"} for o in c.children)
               for c in clause.children)


FIGHTER_NOUNS = frozenset({"fighter", "militant", "insurgent", "gunman", "member", "operative", "attacker", "rebel",
                           "jihadist", "terrorist", "assailant"})
ATTACKING_FAMILIES = frozenset({"attack", "strike", "bomb", "shell", "shooting", "clash", "raid", "ambush", "blast"})
ATTACK_WORDS = frozenset({"attack", "strike", "assault", "raid"})  # what a deterrent act may be said to stop
RESPONSE_FAMILIES = frozenset({"intercept", "retaliation", "defence"})
# What an act is said to answer that is a cause, not an act told: 'a response to Israel's war in Gaza'.
GRIEVANCE_NOUNS = frozenset({"war", "aggression", "occupation", "genocide", "siege", "blockade", "policy", "crime",
                             "presence", "involvement", "support", "oppression", "persecution", "solidarity",
                             "defeat", "loss", "setback"})  # "to punish civilians for its defeats": no act answered
GRIEVANCE_PLURALS = frozenset({"wars", "crimes", "policies", "defeats", "losses", "setbacks"})
GRIEVANCE_RE = re.compile(r"\s*(?:to|for|against)\s+(?:(?!attacks?\b|strikes?\b|raids?\b|shelling\b|bombings?\b)"
                          rf"[\w'’-]+\s+){{0,3}}?(?:{'|'.join(sorted(GRIEVANCE_NOUNS | GRIEVANCE_PLURALS))})\b",
                          re.I)


def told_by_its_acts(mention: Mention, mentions: list[Mention]) -> bool:
    """'The rebels retaliated, shelling two villages': the shelling is the retaliation; 'retaliated'
    is an event of its own only when the sentence tells no act it was done with."""
    if mention.family != "retaliation":
        return False
    inside = {t.i for t in mention.trigger.subtree}
    return any(o is not mention and o.cue == "response" and o.trigger.i in inside for o in mentions)


DEFENSIVE_RE = re.compile(r"\bin (?:collective )?self[- ]defen[cs]e\b|\b(?:presented|posed|posing|presenting)"
                          r" (?:an|a clear and|an? immediate) (?:imminent )?threat\b|\bimminent threat\b", re.I)


# What a strike's target is said to be about to do, or to have done: "launchers that were being readied to fire on
# shipping", "a control station which we believe directed Wednesday's attack": a strike on it is an answer.
AIMED_AT_ATTACKERS_RE = re.compile(
    r"\b(?:which|that|who)\b[^.;]{0,40}?\b(?:(?:were|was|are|is)\s+(?:being\s+)?(?:readied|prepared|poised|preparing|"
    r"about|set)\s+to\s+(?:be\s+)?(?:fire|launch|attack|strike|used)|(?:directed|launched|carried out|conducted|"
    r"was behind|were behind|(?:was|were) used (?:in|for)|took part in)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:attacks?|strikes?|assaults?|raids?)\b)", re.I)


ANSWER_FRAMING_RE = re.compile(
    r"\b(?:the|this|that|its)\s+(?:\w+\s+)?(?:operation|raid|offensive|mission|strikes?|attack|assault)\b[^.;]{0,30}?"
    r"\b(?:as|was|were|is|are)\s+(?:an?\s+)?(?:retaliation|response|revenge|reprisal|retribution|payback)\b", re.I)


CALLED_ANSWER_RE = re.compile(  # (or ", an attack the ministry called retaliation for ...")
    r"(?:\bin what|,\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:attack|strike|barrage|assault|operation|raid|bombardment)s?)"
    r"\s[^.;]{0,60}?\b(?:called|described as|termed|said was|presented as)\W+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:response|retaliation|reprisal|revenge|retribution|payback|answer)\b", re.I)


# "Today's action answers a campaign of attacks", "These strikes were an act of self-defense", "The strike was
# conducted after militants assaulted an outpost": the act told before, named again by a word that points back to it
REFERRED_ANSWER_RE = re.compile(
    r"\b(?:this|these|today['’]s|tonight['’]s|yesterday['’]s|the|our|its|their)\s+(?:\w+\s+)?"
    r"(?:action|operation|strike|raid)s?\s+(?:answer(?:s|ed)?|respond(?:s|ed)? to|"
    r"(?:is|are|was|were)\s+(?:an?\s+)?(?:\w+\s+)?acts? of (?:collective )?self[- ]defen[cs]e|"
    r"(?:was|were)\s+(?:conducted|carried\s+out|launched|ordered)\s+(?:after|following)\s)", re.I)
ANSWER_REACH, REFERRED_ANSWER_REACH = 2, 6  # sentences


def frames_as_answer(sent: Span) -> int:
    """'The ministry presented the operation as retaliation for the bombing', 'the raid was revenge for
    ...', "Today's action answers ...": said of an act told before, it makes that act a response. How many
    sentences back that act may be told: the one just told, or one named again by 'these strikes' (0: no
    framing)."""
    text = span_text(sent)
    return REFERRED_ANSWER_REACH if REFERRED_ANSWER_RE.search(text) else ANSWER_REACH if (
        ANSWER_FRAMING_RE.search(text)) else 0


# "The retaliation came two days later.", "The response followed within hours.": a sentence that announces the
# answer the next one tells, without telling an act itself
ANNOUNCED_ANSWER_RE = re.compile(
    r"^\W*(?:the|a|an|its|their|our)\s+(?:\w+\s+)?(?:retaliation|response|reprisal|riposte|answer|counter-?attack)"
    r"\s+(?:came|followed|began|started|was\s+(?:swift|quick|not\s+long\s+in\s+coming))\b", re.I)


def announces_an_answer(sent: Span) -> bool:
    """Whether the sentence announces that the act told next answers the one told before ('The retaliation
    came two days later. Late Tuesday, U.S. aircraft struck 41 targets ...')."""
    return bool(ANNOUNCED_ANSWER_RE.search(span_text(sent)))


def defends(sent: Span) -> bool:
    """Whether a sentence calls an act defensive ('It was determined this system presented an imminent
    threat to U.S. forces'): said of the act just told, it makes that act a response."""
    return _defensive_clause(sent)


def _defensive_clause(sent: Span) -> bool:
    """The text says the act defended its forces: 'in self-defense', 'presented an imminent threat'."""
    return bool(DEFENSIVE_RE.search(span_text(sent)))


def _self_defence(trigger: Token) -> bool:
    """'self-defense strikes', 'a collective self-defence strike': a strike the text calls self-defence."""
    left = [t for c in trigger.children if c.i < trigger.i and c.dep_ in {"amod", "compound", "nmod"}
            for t in c.subtree]
    words = [t.lower_ for t in sorted(left, key=lambda t: t.i) if t.text not in {"-", "–"}]
    return any(w in {"self-defense", "self-defence"} or (
        w == "self" and i + 1 < len(words) and words[i + 1] in {"defense", "defence"}) for i, w in enumerate(words))


def answers_an_earlier_act(sent: Span) -> bool:
    """Whether the sentence names the act it answers ('in retaliation for the bombing in X', 'a cell it
    held responsible for the bombing in X'): that act, and its place, were before."""
    return any(found[0] and not _deters_only(token) for token in sent if (found := _answered(token)) is not None)


def _answered(token: Token) -> tuple[list[Token], Token | None] | None:
    """What a cue word says was answered ('retaliated for X', 'in response to X', 'a response to X', 'to deter
    X', 'a cell it held responsible for X'), with the clause a bare 'in response,' answers with; None when the
    word is no cue."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and (lemma in lx.COUNTER_VERBS or phrasal_family(token) == "retaliation"):  # "struck back"
        causes = prep_objects(token, "to", "for", "against")
        if causes and all(o.lemma_.lower() in GRIEVANCE_NOUNS for o in causes):
            return None  # "to punish civilians for its defeats": a cause, no act
        return ([] if lemma == "punish" else children(token, "dobj")) + causes, None  # (whom it punishes: no act)
    answered = prep_objects(token, "to", "for", "against") if lemma in lx.RESPONSE_NOUN_PREPS else []
    after = doc_text(token.doc)[token.idx + len(token):token.idx + 80] if lemma in lx.RESPONSE_NOUN_PREPS else ""
    if (answered and all(o.lemma_.lower() in GRIEVANCE_NOUNS for o in answered)) or GRIEVANCE_RE.match(after):
        return None  # "in response to the war in Gaza", "in retaliation for the occupation": a cause, no act
    if lemma in lx.RESPONSE_NOUN_PREPS and token.head.lower_ in {"in", "as"}:
        return answered or hung_on_the_verb(token, token.head.head, "to", "for", "against"), token.head.head
    if lemma in lx.RESPONSE_NOUN_PREPS and token.dep_ == "attr" and token.head.lemma_ == "be":
        return answered, None  # "the strikes are a response to ..."
    if lemma in lx.DETER_VERBS and token.pos_ == "VERB":
        return children(token, "dobj"), None
    if token.dep_ in {"relcl", "acl"} and (blamed := _blamed_for(token)):
        return blamed, None  # "a raid on a cell it held responsible for the bombing": the raid answers it
    return None


def _deters_only(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in lx.DETER_VERBS and lemma not in lx.COUNTER_VERBS


def the_perpetrators(target: str | None) -> bool:
    """'the attackers', 'seven of their captors': those who did the act already told (not 'two gunmen')."""
    target = re.sub(r"\s+(?:used|that|which|from which)\b.*$", "", target or "")  # "the launcher used in the attack"
    words = target.lower().split()
    if len(words) == 4 and words[1] == "of":  # "seven of their captors"
        words = words[2:]
    if len(words) == 3 and words[1] in {"attacking", "assaulting"} and words[2].removesuffix("s") in ARMED_GROUP_NOUNS:
        return True  # "an airstrike against the attacking fighters"
    if LAUNCH_POINTS_RE.fullmatch(" ".join(words)):
        return True  # "hit the launch sites near X": where the fire told of came from
    return len(words) == 2 and words[0] in {"the", "their"} and words[1].removesuffix("s") in PERPETRATOR_NOUNS


def struck_its_doers(doers: str | None, target: str | None, their_target: str | None, sent: Span) -> bool:
    """'Rebels attacked a post', then 'drone strikes hit columns of fighters' or 'struck the fighters as they
    withdrew' (``sent``): armed men struck after armed men of no state did an act, or told fleeing it, another act
    than theirs (not when theirs was on armed men too: 'troops clashed with militants', then 'the militants')."""
    def armed(phrase: str | None) -> bool:
        words = re.findall(r"[a-z]+", (phrase or "").lower())
        return bool(words) and (words[-1] in ARMED_GROUP_NOUNS or words[-1].removesuffix("s") in ARMED_GROUP_NOUNS)

    if not armed(target) or armed(their_target):
        return False  # (the cheap test first: this runs for every act a mention may join)
    return armed(doers) or actors.generic_side(doers) == "irregulars" or actors.actor_family(doers) in (
        actors.GROUP_NAMES) or perpetrators_fled(sent)


LAUNCH_POINTS_RE = re.compile(r"(?:the|their)\s+(?:(?:rocket|missile|drone)\s+)?(?:launch(?:ing)?\s+"
                              r"(?:sites?|positions?|pads?|points?|areas?|locations?)|launchers?|firing\s+positions|"
                              r"sources?\s+of\s+(?:the\s+)?fire)")


_TOLD_ACT_DETS = frozenset({"the", "that", "this", "these", "those"})


def _behind_the_act(verb: Token) -> bool:
    """Whether the verb's object is those behind, or responsible for, an act already told ('the cell behind the
    bombing', 'the militants responsible for that attack'; the parser may hang 'behind' on the verb)."""
    objects = [o for d in children(verb, "dobj") for o in (d, *d.conjuncts)]
    objects += [p for o in objects for p in prep_objects(o, "of")]  # "the hideout of the cell behind ..."
    holders = [*objects, *(c for o in objects for c in o.children if c.lower_ == "responsible"), verb]
    acts = [a for h in holders for a in prep_objects(h, *(("behind",) if h is verb else ("behind", "for")))]
    return bool(objects) and any(a.lemma_.lower() in lx.EVENT_NOUNS and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _TOLD_ACT_DETS) for c in a.children) for a in acts)


# Those who made an assault and nothing else: "40 assailants" are the attack's men, "40 militants" need not be.
ONLY_ASSAILANT_NOUNS = (PERPETRATOR_NOUNS - {"gunman", "bomber", "kidnapper", "abductor", "captor"}) | {"infiltrator"}


def ends_the_assault(act: Token) -> bool:
    """'air strikes neutralised about 40 assailants as they fled': an act whose verb kills or stops those who
    made the assault (named as such, or 'the gunmen' already told of) is the answer to it; so is one done to
    those behind an act told ('struck the people and the infrastructure behind that attack')."""
    if act.pos_ == "VERB" and (_behind_the_act(act) or _where_the_perpetrators_were(act)):
        return True
    verb = act.head
    if act.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in STOP_VERBS:
        return False
    victims = [next(iter(prep_objects(v, "of")), v) if v.pos_ == "NUM" else v for v in children(verb, "dobj")]
    return any(v.lemma_.lower() in ONLY_ASSAILANT_NOUNS or v.lemma_.lower() in PERPETRATOR_NOUNS and any(
        c.dep_ in {"det", "poss"} and c.lower_ in {"the", "their"} for c in v.children) for v in victims)


def _where_the_perpetrators_were(act: Token) -> bool:
    """'struck a camp on the fringe of the forest, where the attackers were said to have regrouped': a place
    told as the perpetrators' own."""
    return any(t.dep_ == "relcl" and any(c.lower_ == "where" for c in t.children) and any(
        the_perpetrators(span_text(t.doc[s.left_edge.i:s.right_edge.i + 1])) for s in children(t, "nsubj", "nsubjpass"))
        for t in act.subtree if t.i > act.i)


PURSUIT_VERBS = frozenset({"track", "pursue", "chase", "hunt", "engage", "intercept", "trace", "follow"})


def pursues_the_perpetrators(sent: Span) -> bool:
    """'Troops tracked the attackers to a forest and freed 14 hostages after a gunfight': the fight that
    follows a pursuit of those who did the act answers it."""
    return any(t.lemma_.lower() in PURSUIT_VERBS and t.pos_ == "VERB" and any(
        the_perpetrators(span_text(t.doc[o.left_edge.i:o.right_edge.i + 1])) for o in children(t, "dobj"))
        for t in sent)


BLAME_VERBS = frozenset({"blame", "accuse", "hold", "suspect"})


def _blamed_for(verb: Token) -> list[Token]:
    """What a clause blames on someone: 'whom the police blamed for an ambush', 'a gang it accuses of
    kidnapping pupils', 'a cell it held responsible for the bombing', 'men suspected of the attack'."""
    lemma = verb.lemma_.lower()
    if lemma not in BLAME_VERBS or verb.pos_ != "VERB":
        return []
    if lemma == "hold":
        blamed = [o for c in verb.children if c.lower_ == "responsible" for o in prep_objects(c, "for")]
    else:
        blamed = prep_objects(verb, "for" if lemma == "blame" else "of")
    return [o for o in blamed if lemma_of(o) in lx.EVENT_NOUNS or lemma_of(o) in lx.EVENT_VERBS]  # not "ties to X"


def _responder(cue: Token, sent: Span, by_token: dict[int, Mention]) -> Mention | None:
    """The event that does the responding: a trigger above the cue or the subject above it."""
    for head in [cue, *ancestors_list(cue, sent)]:
        if head is not cue and head.i in by_token:
            return by_token[head.i]
        for subject in children(head, "nsubj", "nsubjpass", *(("dobj",) if head is not cue else ())):
            if subject.i in by_token:
                return by_token[subject.i]  # (or the act a light verb carries out: "conducted airstrikes ... to deter")
        if head.dep_ in {"conj", "advcl"} and children(head, "nsubj", "nsubjpass"):
            break  # "militants attacked a tanker, and U.S. forces responded by ...", "..., as the army hit back with
            # airstrikes": a clause of its own
    return None


def aimed_families(mention: Mention) -> frozenset[str]:
    """The sides an act was aimed at, as its clause names them beyond its target ('an airstrike which
    the command said was against three suspected ISIS-K members', 'a drone strike ..., targeting a vehicle
    it suspected was carrying ISIS-K members'): groups and peoples named outside the actor's and the target's
    phrases (places are no aim: 'struck a depot in Russia'), not the actor's own."""
    from geo.events.actors import actor_family
    from geo.events.mentions import governor_of, target_heads

    anchor = anchor_of(mention.trigger)
    clause = governor_of(anchor) or anchor
    left_out = {t.i for s in children(clause, "nsubj", "nsubjpass") for t in s.subtree}  # the actor's side
    left_out |= {t.i for h in target_heads(mention.trigger, anchor) for t in phrase_tokens(h)}  # the target
    own = actor_family(mention.actor)
    found = {actor_family(t.text) for t in clause.subtree if t.i not in left_out and t.ent_type_ in {"ORG", "NORP"}}
    return frozenset(f for f in found if f is not None and f != own)
