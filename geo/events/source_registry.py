"""The sources of one article, one entry per source however the text names it.

A text names a source several ways: "U.S. Secretary of Defense Lloyd J. Austin III", then "Austin";
"the U.S. State Department", then "the State Department"; "international envoy Lakhdar Brahimi",
then "the envoy"; "the Syrian Observatory for Human Rights", then "the observatory" or "the group";
and news writing often describes a source before naming it ("A monitoring group says ... The Syrian
Observatory for Human Rights said ..."). The registry folds these into one entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from geo.events import actors, lexicon as lx
from geo.events.source_crowds import CROWD_WORDS, raw_words, same_crowd
from geo.events.source_words import KNOWN_ACRONYMS, name_words
from geo.model import Source, TextSpan

GENERIC_NAME_WORDS = frozenset({"officials", "official", "group", "ministry", "government", "forces", "force",
                                "military", "army", "police", "spokesman", "spokesperson", "sources", "source",
                                "office", "department", "agency", "command", "authorities", "organization",
                                "organisation", "network", "monitor", "mission"})
OFFICIALDOM = frozenset({"officials", "authorities"})
MINISTRY_WORDS = frozenset({"ministry", "officials", "official"})
PORTFOLIO_WORDS = frozenset({"health", "defence", "defense", "interior", "foreign", "information"})
CATAPHORA_CHARS = 450  # "A monitoring group says ... The Syrian Observatory for Human Rights said": within ~2 sentences


@dataclass
class Speaker:
    """Who a text credits with a statement. ``described``: named only by what it is ("a monitoring
    group", "the envoy"), ``indefinite``: with 'a', 'an' or 'some'."""

    name: str
    type: str
    key: str
    person: bool = False
    role: str | None = None
    described: bool = False
    indefinite: bool = False
    head: str = ""  # the head noun's lemma ("spokesman" for "a spokesman for the mission")


@dataclass
class _Entry:
    speaker: Speaker
    via: str | None = None
    claims: list[TextSpan] = field(default_factory=list)


def _bare_side(words: set[str]) -> bool:
    """'Russia' is not 'Russia's Defense Ministry': a side's bare name contains none of its bodies."""
    return len(words) == 1 and actors.actor_family(next(iter(words))) is not None


def _head(name: str) -> str:
    words = re.findall(r"[a-z]+", name.casefold())
    return words[-1] if words else ""


_DESCRIBED_BY_RE = re.compile(r"\b[\w.]+-(?:led|backed|aligned|allied|linked|affiliated|sponsored)\b", re.I)
class Registry:
    """Sources by key, in order of first appearance. ``acronyms``: those the text defines
    (``defined_acronyms``), so that "JNIM" is the group named in full before; well-known ones
    (``KNOWN_ACRONYMS``) unless the text defines them otherwise."""

    def __init__(self, acronyms: dict[str, set[str]] | None = None) -> None:
        self.entries: dict[str, _Entry] = {}  # in order of first mention (the order sources are listed in)
        self.acronyms = {**{short: name_words(name) for short, name in KNOWN_ACRONYMS.items()}, **(acronyms or {})}
        self._cited: dict[str, None] = {}  # keys in order of their latest claim ("he said" is the latest one)
        self._spoken_to: dict[str, Speaker] = {}  # outlets only told things ("told the station X"), by key

    def spoken_to(self, outlet: Speaker, noun: str = "") -> None:
        """An outlet someone told something: no source for that, but "the station reported" later is it
        (``noun``: what the text called it, "the local station Radio X")."""
        if outlet.key not in self.entries and outlet.key not in self._spoken_to:
            self._spoken_to[outlet.key] = replace(outlet, head=outlet.head or noun)

    def add(self, speaker: Speaker, claim: TextSpan, via: str | None = None) -> None:
        key = self._existing_key(speaker)
        entry = self.entries.get(key)
        if entry is None:
            speaker = self._spoken_to.pop(key, speaker)
            entry = self.entries[key] = _Entry(speaker=speaker, via=via)
        elif speaker.role and not entry.speaker.role:
            entry.speaker.role = speaker.role
        officials_then_ministry = "ministry" in name_words(speaker.name) and _head(entry.speaker.name) in {
            "officials", "official"} and not entry.speaker.person  # "X's health officials", then "X's Health Ministry"
        named_now = not (speaker.described or speaker.person) and not any(  # "the defense ministry", then "the
            w[:1].isupper() for w in entry.speaker.name.split()) and any(w[:1].isupper() for w in speaker.name.split())
        if same_crowd(entry.speaker.name, [(key, speaker.name)]) or officials_then_ministry or named_now:  # Ministry
            entry.speaker = replace(speaker, key=key)  # of Defense and ..."; "residents", then "residents of X"
        if via and not entry.via:
            entry.via = via
        if claim not in entry.claims:
            entry.claims.append(claim)
        self._cited.pop(key, None)
        self._cited[key] = None

    def _existing_key(self, speaker: Speaker) -> str:
        if speaker.key in self.entries:
            return speaker.key
        same = [k for k, e in self.entries.items() if e.speaker.name.casefold() == speaker.name.casefold()
                and not speaker.described and not e.speaker.described]
        if same:
            return same[0]  # "Vance said" twice, once tagged a person and once not: one source
        officialdom = None if speaker.person or speaker.indefinite else (
            self._same_officialdom(speaker) or self._same_ministry(speaker))
        if found := officialdom or same_crowd(speaker.name, [(k, e.speaker.name) for k, e in self.entries.items()]):
            return found  # "Puntland officials" after "Puntland authorities"; "residents" after "residents of X"
        tail = [k for k, e in self.entries.items() if e.speaker.person and not speaker.described and " " in speaker.name
                and e.speaker.name.casefold().endswith(" " + speaker.name.casefold())]
        if tail:
            return tail[0]  # "Abu Jaafar said" after "Mohammed Abu Jaafar, head of forensics, said"
        if speaker.person or (" " not in speaker.name and (not speaker.described or speaker.name[:1].isupper())):
            # (a family name the tagger took for a common noun: '"...," Kessing said' after 'Dale Kessing')
            found = self._same_person(speaker)
            if found:
                return found
        if speaker.described and not speaker.indefinite:
            found = self._described_earlier(speaker)
            if found:
                return found
        if not speaker.person and not speaker.described:
            found = self._described_body(speaker) or self._same_body(speaker) or self._abbreviated(speaker)
            if found:
                return found
        return speaker.key

    def _same_ministry(self, speaker: Speaker) -> str | None:
        """'Yemen's Health Ministry' and 'Yemeni health officials': one side's ministry, named either way."""
        mine = name_words(speaker.name)
        portfolio = mine - MINISTRY_WORDS
        if not mine & MINISTRY_WORDS or not portfolio & PORTFOLIO_WORDS or len(portfolio) < 2:
            return None
        return next((k for k, e in self.entries.items() if not e.speaker.person and name_words(e.speaker.name) & (
            MINISTRY_WORDS) and name_words(e.speaker.name) - MINISTRY_WORDS == portfolio), None)

    def _same_officialdom(self, speaker: Speaker) -> str | None:
        """'Puntland officials' after 'Puntland authorities': one place's officials, however called."""
        mine = name_words(speaker.name)
        if _head(speaker.name) not in OFFICIALDOM or not mine - OFFICIALDOM:
            return None
        return next((k for k, e in self.entries.items() if _head(e.speaker.name) in OFFICIALDOM
                     and name_words(e.speaker.name) - OFFICIALDOM == mine - OFFICIALDOM), None)

    def _same_person(self, speaker: Speaker) -> str | None:
        """'Austin' after 'Lloyd Austin'; 'Hassan Sheikh' after 'Hassan Sheikh Mohamud'; 'Ilunga' after
        'Marc Ilunga Kasongo' (a family name need not come last)."""
        mine = speaker.name.casefold().split()
        for key, entry in self.entries.items():
            theirs = entry.speaker.name.casefold().split()
            shorter, longer = sorted((set(mine), set(theirs)), key=len)
            known = entry.speaker.person or (speaker.person and len(mine) == 1 and not entry.speaker.described and all(
                w[:1].isupper() for w in entry.speaker.name.split()))  # "Mukiza" after "Jean-Baptiste Mukiza, who ..."
            if known and (theirs[-1] == mine[-1] or (len(shorter) >= 2 and shorter <= longer) or (
                    len(mine) == 1 and mine[0] in theirs[1:])):
                return key
        return None

    def _described_earlier(self, speaker: Speaker) -> str | None:
        """'the envoy' after 'international envoy Lakhdar Brahimi'; 'the observatory' after 'the Syrian
        Observatory for Human Rights'; 'the group' after the latest group that spoke."""
        head = speaker.head or _head(speaker.name)
        words = speaker.name.casefold().split()  # "aid groups" are new, not the group that spoke before;
        one = words[-1:] == [head] or (len(words) == 2 and words[0] in {"these", "those"})  # "these groups" are it
        for key, entry in reversed(list(self.entries.items())):
            earlier = entry.speaker
            if earlier.person and head in lx.OFFICIAL_TITLES and earlier.role and head in name_words(earlier.role):
                return key
            if (earlier.role or "").casefold().split()[-1:] == [head]:
                return key  # "the agency" after "the regional disaster agency SEMA"
            if one and not earlier.person and not earlier.described and head in name_words(earlier.name) and (
                    head not in {"government", "military", "army", "police"} or (
                        len(raw_words(speaker.name)) >= 2 and name_words(speaker.name) <= name_words(earlier.name))):
                return key  # "State police" after "Arkansas State Police"; not a bare "the police"
            unnamed = earlier.type == "anonymous"  # named on purpose by what it is only: not named later
            bare = raw_words(speaker.name) == {head} and _is_person_noun(speaker)  # "the spokesman" after "a Houthi
            if earlier.described and (unnamed or bare or not earlier.indefinite) and (  # military spokesman"
                    bare or earlier.type in {speaker.type, "anonymous"}) and (
                    head == (earlier.head or _head(earlier.name)) and raw_words(speaker.name) <= (
                        raw_words(earlier.name))):
                return key  # "the activists" after "Syrian activists"; "the official" after "an official who ..."
        for key, entry in reversed(list(self.entries.items())):
            if not entry.speaker.person and not entry.speaker.described and _described_by_name(speaker, entry.speaker):
                return key  # "the doctors' group" after "the Sudan Doctors Network"
        kinds = {"ngo", "other"} if head in {"group", "organisation", "organization", "monitor"} else {
            "official", "ngo"} if head in {"agency", "body"} else set()  # "the agency" after the U.N.'s OCHA
        return found.key if one and (found := self.last_body(kinds)) else None

    def _described_body(self, speaker: Speaker) -> str | None:
        """'the agency' after 'the British maritime security agency UKMTO': the latest source whose description
        ends with the noun."""
        words = speaker.name.casefold().split()
        if len(words) != 2 or words[0] != "the":
            return None
        for key, entry in reversed(list(self.entries.items())):
            role = (entry.speaker.role or "").casefold().split()
            if role and role[-1] == words[1]:
                return key
        return next((k for k, o in reversed(self._spoken_to.items()) if o.head == words[1]), None)  # "the station"

    def _abbreviated(self, speaker: Speaker) -> str | None:
        """'CJTF-OIR' after 'Combined Joint Task Force-Operation Inherent Resolve', the text never saying so: a
        name in capitals made of the initials of an earlier body's capitalised words."""
        letters = speaker.name.replace("-", "")
        if not (speaker.name.isupper() and letters.isalpha() and len(letters) >= 3):
            return None
        return next((k for k, e in self.entries.items() if not e.speaker.person and "".join(
            w[0] for w in re.split(r"[\s\-–—]+", e.speaker.name) if w[:1].isupper()) == letters), None)

    def _same_body(self, speaker: Speaker) -> str | None:
        """'the State Department' after 'the U.S. State Department': one name's words within the other's."""
        mine = self._spelled_out(speaker.name)
        if not mine - GENERIC_NAME_WORDS:
            return None
        acronym = mine != name_words(speaker.name)  # the text spelled it out: its type there may differ
        for key, entry in self.entries.items():
            earlier = entry.speaker
            unnamed = earlier.described and (earlier.indefinite or earlier.type == "anonymous")
            if earlier.person or unnamed or (earlier.type != speaker.type and not acronym):
                continue  # 'the health ministry' is 'the Ukrainian health ministry', not 'a ministry official'
            theirs = self._spelled_out(earlier.name)
            shorter = mine if len(mine) <= len(theirs) else theirs
            if (mine <= theirs or theirs <= mine) and shorter - GENERIC_NAME_WORDS and not _bare_side(shorter):
                return key
        return None

    def _spelled_out(self, name: str) -> set[str]:
        """The words of a name, an acronym the text defines read as what it stands for (also behind a word of who
        leads or backs it: 'the Kurdish-led SDF')."""
        words = name_words(name)
        bare = name_words(_DESCRIBED_BY_RE.sub("", name))
        joined = "".join(sorted(bare, key=name.casefold().find))  # "CJTF-OIR": the letters of "cjtf" and "oir"
        return self.acronyms.get(joined, words) if 0 < len(bare) <= 2 else words

    def last(self, *, person: bool) -> Speaker | None:
        """The source of that kind cited last ('the governor added. He said ...': the governor, named earlier)."""
        for key in reversed(self._cited):
            entry = self.entries[key]
            if entry.speaker.person == person and entry.speaker.type != "wire":
                return entry.speaker
        return None

    def last_body(self, kinds: frozenset[str] | set[str] = frozenset({"ngo", "other"})) -> Speaker | None:
        """The latest source of those types named as a body (no person; the group is not "residents of X")."""
        return next((e.speaker for e in reversed(list(self.entries.values())) if not e.speaker.person and (
            e.speaker.type in kinds and not e.speaker.described and not raw_words(e.speaker.name) & CROWD_WORDS)), None)

    def named_with(self, noun: str) -> Speaker | None:
        """The latest body whose name ends with the noun: 'the network' after 'the Sudan Doctors Network'."""
        return next((e.speaker for e in reversed(list(self.entries.values()))
                     if not e.speaker.person and not e.speaker.described and _head(e.speaker.name) == noun), None)

    def last_outlet(self) -> Speaker | None:
        """The latest media or wire source."""
        for entry in reversed(list(self.entries.values())):
            if entry.speaker.type in {"media", "wire"}:
                return entry.speaker
        return None

    def sources(self, skip: tuple[str, ...] = (), home: str | None = None) -> list[Source]:
        """The sources, but those named in ``skip`` (lower case: the text's own outlet); a bare "the army"
        named after ``home``, the story's country ("the Sudanese army")."""
        kept = [e for e in self.entries.values() if re.sub(r"^the\s+", "", e.speaker.name.casefold()) not in skip]
        entries = _fold_military(_fold_into_specific(_fold_cataphora(kept)), home)
        return [Source(name=_of_home(e.speaker.name, home), type=e.speaker.type, via=e.via, role=e.speaker.role,
                       claims=tuple(sorted(e.claims, key=lambda c: c.start))) for e in entries]


HOME_BODIES_RE = re.compile(r"(?:the\s+)?(army|military|navy|air force|(?:armed forces )?general staff|armed forces|"
                            r"government)", re.I)


def _of_home(name: str, home: str | None) -> str:
    """'the army' in a story set in Sudan is 'the Sudanese army'."""
    match = HOME_BODIES_RE.fullmatch(name.strip())
    return f"the {home} {match.group(1).lower()}" if home and match else name


MILITARY_BODIES_RE = re.compile(r"(?:the\s+)?(?:(?P<side>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)(?:['’]s)?\s+)?"
                                r"(?:army|military|(?:armed forces\s+)?general staff|armed forces|defen[cs]e forces)"
                                r"(?:\s+\([A-Z]+\))?", re.I)


def _fold_military(entries: list[_Entry], home: str | None) -> list[_Entry]:
    """'the Israeli army said', 'a statement from the Israel Defense Forces (IDF)', 'the military said'; 'the
    armed forces', 'the general staff', 'the army' of a story set in Mali: one side's army speaking under
    several names is one source, under its most proper name (a navy or an air force is another). A bare
    'the army' is the home country's, else the one side whose army the text names."""
    from geo.events.actors import actor_family

    groups: dict[str, list[_Entry]] = {}
    bare: list[_Entry] = []
    for entry in entries:
        match = MILITARY_BODIES_RE.fullmatch(entry.speaker.name.strip())
        if match is None or entry.speaker.person:
            continue
        named = match.group("side") if (match.group("side") or "")[:1].isupper() else None  # ("armed forces general
        side = actor_family(named) if named else None  # staff": no side named)
        if named and side is None:
            continue  # "the Wagner army": not a state's
        (groups.setdefault(side, []) if side else bare).append(entry)
    home_side = actor_family(home) if home else None
    for entry in bare:
        owner = home_side if home_side else next(iter(groups)) if len(groups) == 1 else _last_named(groups, entry)
        if owner is not None or not groups:
            groups.setdefault(owner or "", []).append(entry)
    folded: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda e: min(c.start for c in e.claims))
        keeper = max(members, key=lambda e: (sum(w[:1].isupper() for w in e.speaker.name.split()[1:]), len(
            raw_words(e.speaker.name))))  # the most proper name, else the fullest ("the armed forces general staff")
        keeper.speaker.type = "official"
        for other in members:
            if other is not keeper:
                keeper.claims = sorted(set(keeper.claims) | set(other.claims), key=lambda c: c.start)
                keeper.via = keeper.via or other.via
                folded.add(id(other))
    return [e for e in entries if id(e) not in folded]


def _last_named(groups: dict[str, list[_Entry]], bare: _Entry) -> str | None:
    """The side whose army spoke last before a bare 'the military said' (None when none did)."""
    start = min(c.start for c in bare.claims)
    spoken = [(max(c.start for c in e.claims if c.start < start), side) for side, members in groups.items()
              for e in members if any(c.start < start for c in e.claims)]
    return max(spoken)[1] if spoken else None


def _fold_cataphora(entries: list[_Entry]) -> list[_Entry]:
    """'A monitoring group says ...' then 'The Syrian Observatory for Human Rights said ...', 'A spokesman
    for the mission told VOA ...' then 'Colonel Ali Hamoud said ...': a source first described, then named
    within two sentences, is the named one; so is 'the governor of X state' before 'X Governor Jane Doe'.
    Anonymous sources stay apart: they are unnamed on purpose."""
    kept: list[_Entry] = []
    for index, entry in enumerate(entries):
        speaker = entry.speaker
        head = speaker.head or _head(speaker.name)
        following = entries[index + 1:index + 4]
        titled = [e for e in following if e.speaker.person and e.speaker.role and head in name_words(e.speaker.role)]
        nxt = entries[index + 1] if speaker.indefinite and index + 1 < len(entries) else (titled or [None])[0]
        if nxt is not None and head not in lx.OFFICIAL_TITLES and (
                name_words(nxt.speaker.role or "") & lx.OFFICIAL_TITLES):
            nxt = None  # 'a doctor said', then 'the police spokesman, X, said': another person
        press = [e for e in following[:2] if lx.PRESS_OFFICE_RE.search(e.speaker.name) and not e.speaker.described]
        if speaker.described and lx.PRESS_OFFICE_RE.search(speaker.name) and press:
            nxt = press[0]  # "the military's media wing said", then "the ISPR said"
        if (speaker.described and (speaker.indefinite or titled or press) and speaker.type != "anonymous"
                and nxt is not None
                and not nxt.speaker.described and nxt.speaker.person == _is_person_noun(speaker)
                and (nxt.speaker.type == speaker.type or _described_by_name(speaker, nxt.speaker))  # not "an adviser
                # to its commander" (RSF's) and a UN official; "a doctors' group", then "the Sudan Doctors Network"
                and entry.claims and nxt.claims
                and 0 <= min(c.start for c in nxt.claims) - max(c.end for c in entry.claims) <= CATAPHORA_CHARS):
            nxt.claims = entry.claims + [c for c in nxt.claims if c not in entry.claims]
            nxt.via = nxt.via or entry.via
            continue
        kept.append(entry)
    return kept


_FORCES_BY_PLACE = frozenset({"police"})  # "Kandahar provincial police" ... "police said": one force


def _fold_into_specific(entries: list[_Entry]) -> list[_Entry]:
    """'activists said', then 'Syrian activists say': a group named by a bare noun joins the one group
    the text names more precisely with that noun; bare 'police' joins the one police force the text names
    by its place."""
    kept: list[_Entry] = []
    for entry in entries:
        speaker = entry.speaker
        bare = speaker.described and not speaker.person and len(raw_words(speaker.name)) == 1
        precise = [o for o in entries if bare and o is not entry and (o.speaker.described or _head(
                       speaker.name) in _FORCES_BY_PLACE) and not o.speaker.person
                   and o.speaker.type == speaker.type and raw_words(speaker.name) < raw_words(o.speaker.name)
                   and _head(o.speaker.name) == _head(speaker.name)]
        if len(precise) != 1:  # none, or several ("U.S. officials", "Iraqi officials"): which is unsaid
            kept.append(entry)
            continue
        precise = precise[0]
        precise.claims = sorted(set(precise.claims) | set(entry.claims), key=lambda c: c.start)
        precise.via = precise.via or entry.via
    return kept


def _described_by_name(described: Speaker, named: Speaker) -> bool:
    """'the doctors' group' of 'the Sudan Doctors Network': the description's words but its head are the name's."""
    plain = {"the", "a", "an", described.head or _head(described.name)}
    told = {w.rstrip("s") for w in name_words(described.name) - plain
            if not actors.actor_family(w)}  # (not "the Ukrainian command" of "the Ukrainian Ministry of Defence")
    return bool(told) and not _is_person_noun(described) and told <= {w.rstrip("s") for w in name_words(named.name)}


def _is_person_noun(speaker: Speaker) -> bool:
    head = speaker.head or _head(speaker.name)
    return head in lx.OFFICIAL_TITLES or head in {"witness", "resident", "survivor", "doctor", "founder", "director"}
