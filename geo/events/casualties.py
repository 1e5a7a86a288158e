"""Casualty figures in a sentence: 'killing five', '12 were wounded', 'injuries to 56 personnel',
'stabbed 11 students to death'."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from geo.events import lexicon as lx
from geo.events.context_words import PERSON_NOUNS
from geo.events.parse_repairs import number_of
from geo.syntax import children, span_text

_NUM = (
    r"((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+|\d[\d,]*|(?:a\s+)?dozen|one|two|both|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
_QUAL = (
    r"(?:at\s+least\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|"
    r"up\s+to\s+|approximately\s+|an\s+estimated\s+|as\s+many\s+as\s+|roughly\s+|upwards\s+of\s+|all\s+)?"
)
_BE = r"(?:(?:were|was|have\s+been|had\s+been|are|being)\s+)?"
_NOT_TIME = r"(?!(?:days?|hours?|weeks?|months?|years?|minutes?|times)\b)"  # "two days later have killed": no toll
# "23 civilians, eight of them children, were killed": an aside between the counted people and the verb
_ASIDE = r"(?:[a-z-]+,\s+[^,.;:()]{3,40}?,\s+)?"
# "three soldiers were treated for minor injuries", "one sailor sustained minor wounds"
_HURT_HOW = r"(?:(?:treated|hospitali[sz]ed)\s+for\s+(?:[a-z-]+\s+){0,2}?|(?:sustained|suffered)\s+(?:[a-z-]+\s+){0,2}?)?"
_RANGE = rf"(?:between\s+{_NUM}\s+and|{_NUM}\s*(?:–|-|to))\s*(?P<upper>\d[\d,]*)\s+(?:[a-z-]+\s+){{0,3}}?{_BE}"  # the lower bound
KILLED_PATTERNS = (
    re.compile(rf"\b{_RANGE}(?:killed|dead|died|deaths|fatalities|slain)\b", re.I),
    # "neutralized 18 terrorists", "eliminated 30 militants": a military communique's words for killing
    re.compile(rf"\b(?:killing|killed|kills|kill|massacred|massacring|neutrali[sz](?:ed|ing)|eliminat(?:ed|ing))\s+"
               rf"{_QUAL}{_NUM}\b", re.I),
    re.compile(rf"\b{_QUAL}{_NUM}\s+{_NOT_TIME}(?:[a-z-]+\s+){{0,3}}?{_ASIDE}{_BE}"
               rf"(?:killed|dead|died|deaths|fatalities|fatally|slain)\b", re.I),
    re.compile(rf"\bdeath\s+toll\s+(?:\w+\s+){{0,4}}?(?:to|of|at)\s+{_QUAL}{_NUM}\b", re.I),
    # "the death toll from Thursday's strikes on a town near the border has risen to 71"
    re.compile(rf"\bdeath\s+toll\b[^.;:]{{0,120}}?\b(?:risen|rose|climbed|reached|increased|jumped|stands|stood)\s+"
               rf"(?:to\s+|at\s+)?{_QUAL}{_NUM}\b", re.I),
    re.compile(rf"\bleaving\s+{_QUAL}{_NUM}\s+(?:\w+\s+)?dead\b", re.I),
    re.compile(rf"\bfatally\s+(?:shot|stabbed|wounded|injured)\s+{_QUAL}{_NUM}\b", re.I),
    # "stabbed 11 students to death", "shot four men dead"
    re.compile(rf"\b(?:stabbed|shot|beaten|hacked|burned|burnt|gunned)\s+(?:down\s+)?{_QUAL}{_NUM}\s+"
               rf"(?:[a-z-]+\s+){{0,2}}?(?:to\s+death|dead)\b", re.I),
)
INJURED_PATTERNS = (
    re.compile(rf"\b{_RANGE}(?:injured|wounded|hurt)\b", re.I),
    re.compile(rf"\b(?:wounding|wounded|injuring|injured|injures|wounds)\s+{_QUAL}{_NUM}\b", re.I),
    re.compile(rf"\binjur(?:y|ies)\s+to\s+{_QUAL}{_NUM}\b", re.I),
    re.compile(rf"\b{_QUAL}{_NUM}\s+{_NOT_TIME}(?:[a-z-]+\s+){{0,3}}?{_ASIDE}{_BE}{_HURT_HOW}"
               rf"(?:injured|wounded|hurt|injuries|wounds)\b", re.I),
)

# Every pattern above holds one of these words: a sentence without any is passed over at once.
_CASUALTY_WORD = re.compile(r"kill|dead|died|death|fatal|slain|wound|injur|hurt|massacr|neutrali|eliminat", re.I)


SINGLE_VICTIM_TAGS = frozenset({"NN", "NNP", "PRP"})
PEOPLE_WITH_WEAPONS = frozenset({"gunman", "gunmen", "bomber", "sniper"})
PLURAL_PRONOUNS = frozenset({"it", "they", "we", "them", "us", "those", "these"})  # "shot them dead": not one
# Who a bare "died" counts as one of the dead ("a woman died after ...", "two children died").
DYING_PEOPLE = PERSON_NOUNS | {"civilian", "child", "resident", "villager", "farmer", "shepherd", "fisherman", "driver",
                               "baby", "infant", "mother", "daughter", "wife", "brother", "sister", "fighter", "sailor"}
UNCOUNTED = frozenset({"number", "handful", "dozen", "score", "host", "lot", "majority", "toll"})  # "a number of"


def parsed_deaths(sent: Span) -> list[tuple[int | None, int | None, Token]]:
    """Deaths read off the parse when the wording is too loose for the patterns: one death
    told without a number ('he was killed in a drone strike', 'fatally shot the ambassador'),
    or a counted subject far from its verb ('Four members of the forces and a woman ... were
    killed')."""
    found: list[tuple[int | None, int | None, Token]] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if lemma == "kill" and token.tag_ == "VBN":
            victims = [c for c in token.children if c.dep_ == "nsubjpass"]
        elif lemma == "kill" and token.tag_ in {"VBD", "VBZ", "VBP", "VBG"}:  # "a blast that killed a soldier"
            victims = [c for c in token.children if c.dep_ == "dobj" and (c.tag_ == "NNP" or any(
                d.dep_ in {"det", "poss"} and d.lower_ not in {"no", "some", "any"} for d in c.children))]
        elif lemma in {"shoot", "stab"} and any(c.lower_ == "fatally" for c in token.children):
            victims = [c for c in token.children if c.dep_ == "dobj"]
        elif lemma in {"shoot", "gun", "beat", "stab"} and any(
                c.lower_ == "dead" or (c.lower_ == "to" and any(o.lower_ == "death" for o in c.children))
                for c in (*token.children, *dead_on_its_object(token))):  # "two attackers ... were shot dead",
            # "gunmen shot dead a policeman", "shot dead two men" (the parser hangs 'dead' on the men)
            victims = [c for c in token.children if c.dep_ == ("nsubjpass" if token.tag_ == "VBN" else "dobj")]
        elif lemma == "die" and token.pos_ == "VERB" and token.dep_ != "relcl":  # "a 67-year-old man died after a
            victims = [c for c in token.children if c.dep_ == "nsubj" and c.lemma_.lower() in DYING_PEOPLE and not any(
                d.lower_ in {"no", "some", "any", "another"} for d in c.children)]  # shell struck his courtyard"
        else:
            continue
        for victim in victims:
            counted = [c for c in victim.children if c.dep_ == "nummod"]
            if counted and number_of(counted[0]):
                # "Four members of the forces and a woman were killed": 4 + 1
                found.append((number_of(counted[0]), None, token))
                found[-1] = (found[-1][0] + conjoined_victims(counted[0]), None, token)
            elif victim.lower_ == "them" and (counted_before := _counted_before(token)):
                found.append((counted_before, None, token))  # "forced nine passengers off and shot them dead": 9
            elif victim.tag_ in SINGLE_VICTIM_TAGS and victim.lower_ not in PLURAL_PRONOUNS | UNCOUNTED and not any(
                    c.dep_ == "conj" for c in victim.children):  # not "an unspecified number of fighters"
                found.append((1, None, token))
            elif victim.tag_ in {"NN", "NNP"} and victim.conjuncts:  # "a farmer and his daughter were killed": 2
                people = [_people_in(v) for v in (victim, *victim.conjuncts)]
                if all(people):
                    found.append((sum(people), None, token))
    return found


def _counted_before(verb: Token) -> int | None:
    """The number of the object of the verb this one is conjoined to ('forced nine passengers off and shot them')."""
    head = verb
    while head.dep_ == "conj" and head.head.pos_ == "VERB":
        head = head.head
        for obj in children(head, "dobj"):
            counted = [c for c in obj.children if c.dep_ == "nummod"]
            if counted and number_of(counted[0]):
                return number_of(counted[0])
    return None


def dead_on_its_object(verb: Token) -> list[Token]:
    """'shot dead two men': the 'dead' the parser hangs on the object as its adjective."""
    return [a for o in verb.children if o.dep_ == "dobj" for a in o.children
            if a.dep_ == "amod" and a.lower_ == "dead" and a.i == verb.i + 1]


def _people_in(noun: Token) -> int:
    """One for 'a farmer', 'his daughter'; the number of 'two civilians'; 0 when it cannot tell."""
    counted = [c for c in noun.children if c.dep_ == "nummod"]
    if counted:
        return number_of(counted[0]) or 0
    return 1 if noun.tag_ in {"NN", "NNP"} and noun.lower_ not in {"people", "family", "group"} else 0


MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                    "oct", "nov", "dec"})
TOLD_TOLL_NOUNS = frozenset({"death", "dead", "fatality", "casualty", "killing"})


def casualty_figures(sent: Span) -> list[tuple[int | None, int | None, Token]]:
    """(killed, injured, number token) for each casualty figure in a sentence; one death told
    without a number counts when the sentence gives no other toll."""
    found = _numbered_figures(sent)
    if not any(killed for killed, _injured, _token in found):
        found += parsed_deaths(sent)
    if not any(injured for _killed, injured, _token in found):
        found += _parsed_wounded(sent)
    return found


INJURY_NOUNS = frozenset({"injury", "wound", "burn"})
SUFFERING_VERBS = frozenset({"sustain", "suffer", "receive"})


def _wounded_people(verb: Token) -> list[Token]:
    """Who the verb says were hurt: 'three fighters were wounded', 'three service members sustained minor
    injuries', 'two were treated for minor wounds', 'lightly injuring one service member', 'left two soldiers
    with minor injuries'."""
    lemma, tag = verb.lemma_.lower(), verb.tag_
    told_injured = any(o.lemma_.lower() in INJURY_NOUNS for c in verb.children if c.dep_ == "prep"
                       and c.lower_ in {"for", "with"} for o in c.children if o.dep_ == "pobj")
    if (lemma in {"wound", "injure", "hurt"} and tag == "VBN") or (lemma == "treat" and told_injured):
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    if lemma in SUFFERING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in INJURY_NOUNS for c in verb.children):
        return [c for c in verb.children if c.dep_ == "nsubj"]
    if (lemma in {"wound", "injure"} and tag == "VBG") or (lemma == "leave" and told_injured):
        return [c for c in verb.children if c.dep_ == "dobj"]
    return []


def _parsed_wounded(sent: Span) -> list[tuple[int | None, int | None, Token]]:
    """'three fighters of the militia were wounded', 'three service members sustained minor injuries': a counted
    subject too far from its verb for the patterns, or told by what they suffered."""
    found: list[tuple[int | None, int | None, Token]] = []
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} or token.tag_ == "VBN":
            for victim in _wounded_people(token):
                counted = next((c for c in victim.children if c.dep_ == "nummod" and number_of(c)), None)
                if counted is not None:
                    found.append((None, (number_of(counted) or 0) + conjoined_victims(counted), token))
                elif any(c.lower_ == "no" for c in victim.children):
                    continue  # "no one was hurt"
                elif victim.like_num and number_of(victim):  # "two of the crew suffered burns"
                    found.append((None, number_of(victim), token))
                elif (people := _one_or_more_told(victim)) is not None:
                    found.append((None, people, token))
    return found


GROUPS = frozenset({"people", "family", "group", "crowd", "population", "community", "unit", "patrol", "convoy",
                    "crew", "team", "force", "battalion"})


def _one_or_more_told(victim: Token) -> int | None:
    """'wounding a 43-year-old woman' (1), 'her grandson was injured' (1), 'a farmer and his son were hurt' (2):
    people told one by one without a number; None for a plural, a group or a pronoun ('injuring the crew')."""
    if victim.tag_ not in {"NN", "NNP"} or victim.lower_ in PLURAL_PRONOUNS | UNCOUNTED or (
            victim.lemma_.lower() in GROUPS):
        return None
    if victim.tag_ == "NN" and not any(c.dep_ in {"det", "poss"} and c.lower_ not in {"no", "some", "any"}
                                       for c in victim.children):
        return None
    people = [_people_in(v) if v.lemma_.lower() not in GROUPS else 0 for v in (victim, *victim.conjuncts)]
    return sum(people) if all(people) else None


def _numbered_figures(sent: Span) -> list[tuple[int | None, int | None, Token]]:
    found: list[tuple[int | None, int | None, Token]] = []
    text = span_text(sent)
    if not _CASUALTY_WORD.search(text):
        return found
    seen: set[int] = set()
    for patterns, is_killed in ((KILLED_PATTERNS, True), (INJURED_PATTERNS, False)):
        for pattern in patterns:
            for match in pattern.finditer(text):
                group = next(i for i in range(1, len(match.groups()) + 1) if match.group(i))  # a range's lower bound
                if match.groupdict().get("upper"):
                    seen.add(sent.start_char + match.start("upper"))  # "56–59": not a second toll of 59
                number = lx.parse_number(re.sub(r"^a\s+", "", match.group(group).lower()))
                offset = sent.start_char + match.start(group)
                if number is None or offset in seen:
                    continue
                token = sent.doc.char_span(offset, offset + len(match.group(group)), alignment_mode="expand")
                if token is None:
                    continue
                seen.add(offset)
                before = sent.doc[token.start - 1].text.rstrip(".").lower() if token.start > 0 else ""
                if before in MONTHS or match.group(group).endswith(",") or before in {"no", "not"}:
                    continue  # "on February 9, in which gunmen killed ...": a day, not a toll; "no one was hurt"
                if PART_OF_TOLL_RE.match(text, match.end(group)):
                    continue  # "four of the wounded were in critical condition": some of a told toll
                counted = token.root.head if token.root.dep_ == "nummod" else token.root
                lemma = counted.lemma_.lower()
                if (lemma in lx.WEAPON_CATEGORY and lemma not in PEOPLE_WITH_WEAPONS) or lemma in lx.EVENT_NOUNS:
                    continue  # "two bombs killed ...", "three attacks left ...": acts, not victims
                if lemma in TOLD_TOLL_NOUNS and any(c.dep_ == "det" and c.lower_ in {"the", "these", "those"}
                                                    for c in counted.children):
                    continue  # "The two deaths came after ...": a toll told already, of another act
                first = None if _described_by_toll(counted) else _first_conjunct(counted)
                if first is not None:  # "Two servicemen and one resident were injured": 2 + 1
                    number = (number_of(first) or 0) + conjoined_victims(first)
                else:
                    number += conjoined_victims(token.root)
                found.append((number, None, token.root) if is_killed else (None, number, token.root))
    return found


def _described_by_toll(victims: Token) -> bool:
    """'24 bodies and 51 injured people': the toll word qualifies its own noun only."""
    return any(c.dep_ == "amod" and _CASUALTY_WORD.match(c.lower_) for c in victims.children)


def _first_conjunct(victims: Token) -> Token | None:
    """The number of the first of coordinated victims, when ``victims`` is a later one."""
    head = victims
    while head.dep_ == "conj" and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    if head.i == victims.i:
        return None
    return next((c for c in head.children if c.dep_ == "nummod" and number_of(c)), None)


def conjoined_victims(number: Token) -> int:
    """How many more victims the phrase names after 'and': 'six police officers and a
    civilian' adds 1, 'four soldiers and two civilians' adds 2."""
    victims = number.head if number.dep_ == "nummod" else number
    extra = 0
    speaking = _list_then_speaks(victims)
    for conj in victims.conjuncts:
        if conj.i < victims.i or conj.pos_ not in {"NOUN", "PROPN"} or (speaking and conj.lemma_.lower() in _SPEAKERS):
            continue  # "killing 15 soldiers, a local official and a security source told AFP": two speakers
        counted = [c for c in conj.children if c.dep_ == "nummod"]
        if counted:
            extra += number_of(counted[0]) or 0
        elif any(c.dep_ == "det" and c.lower_ in {"a", "an", "one"} for c in conj.children):
            extra += 1
    return extra


_SPEAKERS = lx.OFFICIAL_HEADS | lx.ANONYMOUS_HEADS | lx.WITNESS_HEADS


def _list_then_speaks(victims: Token) -> bool:
    """Whether the list of nouns ``victims`` opens is followed at once by a verb of saying (the parser hung the
    speakers of 'X, an official and a source told AFP' on the list)."""
    end = max(t.i for c in (victims, *victims.conjuncts) for t in c.subtree) + 1
    return end < len(victims.doc) and victims.doc[end].lemma_.lower() in lx.REPORTING_VERBS


PART_OF_TOLL_RE = re.compile(r"\s+of\s+(?:the|those)\s+(?:\w+\s+)?(?:dead|killed|wounded|injured)\b", re.I)
TOLL_UPDATE_RE = re.compile(r"\btoll\b.{0,40}\b(?:rose|risen|rises|climbed|climbs|increased|reached|jumped|mounted|"
                            r"now stands)\b|\bbringing the (?:death )?toll\b|\b(?:rose|risen|climbed) to\b", re.I)


def settle_toll(current: int | None, new: int | None, sent: Span) -> int | None:
    """The first toll a text gives stands (sources disagree: 'the authorities said 85 ... Amnesty said
    120'); a later one replaces it when told as an update ('the death toll rose to 14')."""
    if new is None:
        return current
    if current is None or (new > current and TOLL_UPDATE_RE.search(span_text(sent))):
        return new
    return current


# "Two soldiers were also killed in the exchange of fire": more victims of the act just told, not another toll of it
ALSO_RE = re.compile(r"\b(?:was|were|have been|had been)\s+also\s+(?:killed|wounded|injured|hurt)\b|"
                     r"\balso\s+(?:killed|wounded|injured|died)\b", re.I)


def added_toll(current: int | None, new: int | None, sent: Span) -> int | None:
    """The toll after a sentence that tells victims of the act just told: added to it when the sentence tells them as
    more ('were also killed'), else settled as :func:`settle_toll` does."""
    if current is not None and new and ALSO_RE.search(span_text(sent)):
        return current + new
    return settle_toll(current, new, sent)
