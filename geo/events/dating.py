"""The date of each event mention in a sentence: DATE and TIME entities owned by the mention (``geo.events.clauses``),
resolved against the publication date; the expression itself is kept as the mention's time ("last weekend") even
when it cannot be resolved; and a day told from another act's ("later that evening")."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from spacy.tokens import Span, Token

from geo.events import context_words as elx
from geo.events import lexicon as lx
from geo.events.clauses import ancestors_list, owner_of
from geo.events.dates import MONTHS, date_precision, resolve_date
from geo.events.day_headings import day_headings
from geo.events.draft import Draft, sentence_numbers
from geo.events.hours import clock_time, of_the_day_told, past_midnight
from geo.events.summary import DRONES, INTERCEPT
from geo.events.mentions import Mention, anchor_of, governor_of
from geo.events.weapons import is_event_noun
from geo.model import Toponym
from geo.syntax import dateline_length, span_text


def assign_dates(sent: Span, mentions: list[Mention], toponyms: list[tuple[Toponym, Span]],
                  published: date | None) -> None:
    taken = [(span.start, span.end) for _t, span in toponyms]
    unowned: list[tuple[Span, date]] = []
    dateline_end = sent.start_char + dateline_length(span_text(sent))
    for ent in _date_entities(sent):
        if any(s < ent.end and ent.start < e for s, e in taken) or ent.start_char < dateline_end:
            continue
        resolved = resolve_date(ent.text, published)
        owner = owner_of(ent.root, sent, mentions)
        if owner is not None and _of_a_reaction(ent.root) and (owner.trigger not in list(ent.root.ancestors) or (
                owner.anaphoric and ent.root.dep_ == "pobj" and _reacted_to(owner.trigger))):
            owner = None  # "claimed the attack on Monday": the day of the claim (not "Monday's attack", "condemns ... today")
        then = _told_then(ent.root, mentions) or _answered_just_before(ent, mentions)  # "since June, when ..."
        owner = then or owner or _condemned_act(ent.root, mentions, resolved, published)
        if owner is None:
            unowned.append((ent, resolved))
        elif then is not None or not _blocked_between(ent.root, owner, sent):
            timed = owner.when
            if not _is_duration(ent) or ent.text.lower() in elx.PERIOD_WORDS or DAYS_LATER_RE.fullmatch(ent.text) or (
                    ent.text.lower() in NIGHT_WORDS):
                owner.when = owner.when or _as_told_from(ent, owner)
            said = then is None and _day_of_saying(ent.root, owner)
            if owner.date is None and resolved is not None and not (said and timed):  # not "stormed it over the
                owner.date, owner.date_precision, owner.date_said = resolved, date_precision(ent.text), said  # weekend,
                # officials said Monday": a time of its own told, the day of saying is none of the act's
    if len(mentions) == 1:
        only = mentions[0]
        for ent, resolved in unowned:  # also "arrived the next morning and pursued them": a day after another
            later = DAYS_LATER_RE.fullmatch(ent.text) is not None and _in_the_acts_clause(ent.root, only)
            timed = only.when
            if (resolved is not None or later) and not _blocked_between(ent.root, only, sent) and (
                    not _of_a_reaction(ent.root)) and not _said_of_before(ent.root, only) and (
                    not _in_a_clause_of_its_own(ent.root, only)) and not only.anaphoric:  # 'said on Tuesday ... the clashes'
                only.when = only.when or _as_told_from(ent, only)
                said = _day_of_saying(ent.root, only)
                if only.date is None and resolved is not None and not (said and timed):
                    only.date, only.date_precision, only.date_said = resolved, date_precision(ent.text), said


DAYS_LATER_RE = re.compile(r"\b(?:on\s+)?(?:the\s+(?:following|next)\s+(?:day|morning|night|evening)|"
                           r"the\s+day\s+after|(?P<count>a|one|two|three|four|five|six|\d)\s+days?\s+(?:later|after|"
                           r"(?P<back>earlier))|(?P<hours>an?|one|two|three|\d{1,2}|a\s+few|several|some)\s+(?:hours?|"
                           r"minutes?)\s+(?:later|after|earlier)|(?P<soon>minutes|hours|moments)\s+(?:later|earlier)|"
                           r"(?P<same>(?:earlier|later)\s+(?:that|the\s+same|in\s+the)\s+"
                           r"(?:day|morning|afternoon|evening)|the\s+same\s+day)|"  # "later that evening"
                           r"(?P<prev>the\s+(?:previous|preceding)\s+(?:day|evening|night|morning|afternoon)|"
                           r"the\s+(?:day|night|evening)\s+before(?!\s+(?:the|a|an|its|his|her|their)\b)))\b", re.I)


def _as_told_from(ent: Span, owner: Mention) -> str:
    """The time as told from the act: 'the raid came two days after gunmen attacked the post' tells the attack
    two days before the raid ('two days earlier'), not two days after what was told before it."""
    when = ent.text.lower()
    last = ent[-1]
    if last.lower_ != "after" or DAYS_LATER_RE.fullmatch(when) is None or owner.trigger.i < last.i:
        return when
    clause = last.head if last.dep_ == "mark" else last  # "after gunmen attacked", "after the bombing"
    inside = owner.trigger == clause or clause in owner.trigger.ancestors
    return when[:-len("after")] + "earlier" if inside and clause.head not in owner.trigger.subtree else when


def told_as_earlier(draft: Draft) -> bool:
    """'Hours earlier, militants fired rockets ...', 'a day earlier': an act told after one that it came before."""
    return any((match := DAYS_LATER_RE.fullmatch(when)) is not None and (
        when.split()[-1] == "earlier" or when.startswith("earlier ") or match.group("prev")) for when in draft.whens)


_SMALL_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


NIGHT_WORDS = frozenset({"overnight", "during the night", "before dawn", "at dawn", "before daybreak", "at daybreak",
                         "the past night"})  # a bulletin's "over the past night" (not "the past 24 hours": a span)
NIGHT_RE = re.compile(r"\b(?:overnight|during the night|(?:before|at)\s+(?:dawn|daybreak)"
                      r"(?!\s+(?:on|of|this|yesterday|today|[a-z]+day)\b))\b", re.I)  # not "at dawn on Sunday"


def date_relative_days(drafts: list[Draft], published: date | None = None) -> None:
    """'... pursued the attackers the following day', 'two days later', 'a day after the bombing': an
    undated event told so is dated from the latest dated event told before it. An undated one told
    only as 'overnight' happened in the night into the day of the report (a morning update's)."""
    order = sorted(drafts, key=lambda d: min((s.start for s in d.sentences), default=0))
    for index, draft in enumerate(order):
        if draft.date is None and published is not None and draft.whens & NIGHT_WORDS:
            draft.date, draft.date_precision = published, "day"
        later = next((m for w in sorted(draft.whens) if (m := DAYS_LATER_RE.fullmatch(w))), None)
        if draft.date is not None or later is None:
            continue
        before = [d for d in order[:index] if d.date is not None and d.date_precision == "day"]
        if before:
            count = later.group("count")
            soon = later.group("hours") or later.group("soon") or later.group("same")
            days = 0 if soon else 1 if count is None else _SMALL_NUMBERS.get(count.lower()) or int(count)
            days = -1 if later.group("prev") else -days if later.group("back") else days
            draft.date, draft.date_precision = before[-1].date + timedelta(days=days), "day"


NARRATIVE_REACH = 2  # sentences: an undated act told right after a dated one goes on its story
CLOCK_REACH = 6  # sentences: an act told only by its hour goes on the day of the timeline it continues
LAUNCHED_WEAPONS = DRONES | {"missile", "rocket", "projectile"}  # what air defences stop (not shells)


def launched(draft: Draft) -> bool:
    """Whether the act sent what air defences stop (drones, missiles, rockets; not shells), or was told as a
    launch ('launched more than 300 drones and missiles')."""
    return draft.category in {"Air/drone strike", INTERCEPT} or draft.weapon in LAUNCHED_WEAPONS or (
        told_as_a_launch(draft))


def told_as_a_launch(draft: Draft) -> bool:
    """Told by a verb of launching ('launched 300 drones', 'fired rockets'): what air defences stop."""
    return bool({"launch", "fire", "send"} & set(draft.acts))  # ("sent 58 drones toward X")


def date_by_narrative(drafts: list[Draft], sents: list[Span], published: date | None = None,
                      captions: frozenset[int] = frozenset()) -> None:
    """'Militants stormed the post on Sunday night ... Two more attackers were shot dead by the
    guards': an act no word dates, told in the sentence of acts of one day or within two sentences after,
    happened that day (not a tally of several acts, nor an act told with a span of time or a day the rules
    did not give it); so did one told under a heading of its day."""
    ranks, rank = [], -1
    for index in range(len(sents)):  # a photo's caption between two sentences does not part them
        rank += index not in captions
        ranks.append(max(rank, 0))
    sentence_number = sentence_numbers(sents)
    headed = day_headings(sents, published)

    def narrated(draft: Draft) -> list[Span]:  # a caption shows the act; the story tells it
        return [s for s in draft.sentences if sentence_number(s.start) not in captions] or list(draft.sentences)

    told = {id(d): sorted(ranks[sentence_number(s.start)] for s in narrated(d)) for d in drafts}
    days: dict[int, set[tuple[int, date, bool]]] = defaultdict(set)  # the day-dated drafts told in each sentence
    for draft in drafts:
        if draft.date is not None and draft.date_precision == "day":
            for at in told[id(draft)]:
                days[at].add((id(draft), draft.date, launched(draft)))
    for draft in drafts:
        if draft.date is not None or any(not of_the_day_told(w) for w in draft.whens) or not told[id(draft)]:
            continue
        entities = [ent for s in narrated(draft) for ent in _date_entities(s)]
        if any(_a_span_of_time(ent) for ent in entities):
            continue  # 'dozens of missiles since November'
        stated = {resolve_date(ent.text, published) for ent in entities} - {None}  # not "6 a.m.", "the evening"
        heading = None if stated or not headed else headed.get(min(sentence_number(s.start) for s in narrated(draft)))
        if heading is None and (((draft.count or 1) > 1 and draft.category != INTERCEPT) or draft.umbrella):
            continue  # a tally spans days (not "shot down 40 of the drones": one act on many); so may "attacks",
            # unless told under a heading of its day
        first = told[id(draft)][0]  # its own sentence too: "attacked the post on Monday but were repelled"
        stopped = draft.category == INTERCEPT  # what was shot down was launched: dated by a launch, not a clash
        opening = min(narrated(draft), key=lambda s: s.start)  # "On July 15, at 3 p.m. ... At 6:40 p.m., they":
        hours = [e for e in entities if opening.start <= e.start < opening.end]  # told only by its hour
        reach = CLOCK_REACH if hours and all(clock_time(e.text.lower()) for e in hours) else NARRATIVE_REACH
        before = {day for at in range(first - reach, first + 1) for other, day, launch in days.get(at, ())
                  if other != id(draft) and (launch or not stopped)}
        if heading is not None or (len(before) == 1 and stated <= before):
            # told under a heading of its day ("May 17"); a day told and left in its sentences is another's (a
            # photo's, another act's), unless the same
            draft.date, draft.date_precision = heading or past_midnight(before.pop(), draft.whens, opening), "day"
            for at in told[id(draft)]:
                days[at].add((id(draft), draft.date, launched(draft)))  # it dates acts told after


SPAN_WORDS = frozenset({"since", "for", "over", "throughout", "during", "until", "between", "past"})
PERIOD_RE = re.compile(r"(?<![-\w])(?:weeks?|months?|years?|decades?)(?![-\w])", re.I)


def _a_span_of_time(ent: Span) -> bool:
    """'since November', 'over the past week', 'for months', 'this month': a time an act's span was told by."""
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if clock_time(ent.text.lower()):
        return False  # "between 8:10 a.m. and 9:35 a.m.": hours of one day
    period = PERIOD_RE.search(ent.text) is not None  # "just this month", "earlier this year" (not "a 15-year-old")
    return period or before in SPAN_WORDS or ent.root.head.lower_ in SPAN_WORDS or ent[0].lower_ in SPAN_WORDS


def _answered_just_before(ent: Span, mentions: list[Mention]) -> Mention | None:
    """'... in retaliation for a strike on its consulate in X on April 1' (the day hung on the main verb): a day
    told right after the act a response answers is that act's."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].pos_ != "ADP":
        return None
    for mention in mentions:
        trigger = mention.trigger
        if trigger.pos_ == "NOUN" and trigger.right_edge.i == ent.start - 2 and any(
                a.lemma_.lower() in lx.RESPONSE_NOUN_PREPS for a in trigger.ancestors):
            return mention
    return None


def told_over_a_period(sent: Span) -> bool:
    """'At least 1,600 people were killed between January and March': a sentence that counts over a span of
    time (a tally), not one act."""
    return any(_a_span_of_time(ent) for ent in _date_entities(sent)) or any(
        t.lower_ == "since" and t.dep_ in {"mark", "prep"} for t in sent)  # "... since the war began in 2023"


def _condemned_act(token: Token, mentions: list[Mention], resolved: date | None,
                   published: date | None) -> Mention | None:
    """'The United States condemns the attack in X on February 9': a reaction told in the present
    happens as the text is written, so a day before that is the day of the act it names."""
    verb = next((h for h in token.ancestors if h.pos_ in {"VERB", "AUX"}), None)
    if (verb is None or verb.lemma_.lower() not in lx.REACTION_VERBS or verb.tag_ not in {"VBZ", "VBP"}
            or resolved is None or published is None or resolved >= published):
        return None
    objects = {child.i for v in (verb, *verb.conjuncts) for child in v.children if child.dep_ == "dobj"}
    return next((m for m in mentions if m.trigger.i in objects), None)


def _told_then(token: Token, mentions: list[Mention]) -> Mention | None:
    """'since late June, when shelling killed five': a 'when' clause on a time tells an act of that time."""
    for clause in token.children:
        if clause.dep_ == "relcl" and any(c.lower_ == "when" for c in clause.children):
            inside = {t.i for t in clause.subtree}
            return next((m for m in mentions if m.trigger.i in inside), None)
    return None


def _in_a_clause_of_its_own(token: Token, mention: Mention) -> bool:
    """'... a cease-fire which paved the way for talks in April': a date in a relative clause that
    does not hold the event tells of something else."""
    for head in token.ancestors:
        if head.dep_ in {"relcl", "acl"} and mention.trigger not in head.subtree:
            launched = head.lemma_.lower() in {"launch", "fire"} and head.head.head == mention.trigger
            return not launched  # "shot down drones that the rebels launched on Saturday": then
    return False


def _in_the_acts_clause(token: Token, mention: Mention) -> bool:
    """'arrived the next morning and pursued them': a day told on the act's verb or one coordinated with it."""
    verb = next((h for h in token.ancestors if h.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and (verb == mention.trigger or verb in mention.trigger.conjuncts)


def _reacted_to(trigger: Token) -> bool:
    """'claimed the attack', 'condemned the bombing': the act is what a reaction is about."""
    return trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in lx.REACTION_VERBS and trigger.head.tag_ in {"VBD", "VBN"}


def _said_of_before(token: Token, mention: Mention) -> bool:
    """'The rebels said Tuesday they had targeted a warship': the day of the saying, of an act told as done
    before it (the past perfect)."""
    verb = token.head
    return verb.lemma_.lower() in lx.REPORTING_VERBS and mention.trigger.head.i == verb.i and any(
        c.dep_ == "aux" and c.lower_ == "had" for c in mention.trigger.children)


def _day_of_saying(token: Token, mention: Mention) -> bool:
    """'Gunmen killed 12 people, officials said Monday': the day a verb of saying tells, not the act's own."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "on" else token.head
    return verb.lemma_.lower() in lx.REPORTING_VERBS and verb.i != mention.trigger.i and token.dep_ in {
        "npadvmod", "pobj", "obl", "tmod"}


def _of_a_reaction(token: Token) -> bool:
    """'The envoy on Friday condemned the attack', 'claimed the attack in a statement on Monday': not its day."""
    return any(h.pos_ in {"VERB", "AUX"} and h.lemma_.lower() in lx.REACTION_VERBS for h in token.ancestors)


def _is_duration(ent: Span) -> bool:
    """'three days', 'in recent weeks', 'years': how long, not when."""
    return resolve_date(ent.text, None) is None and not any(t.lower_ in elx.POINT_IN_TIME_WORDS for t in ent)


def _date_entities(sent: Span) -> list[Span]:
    """DATE and TIME entities of a sentence (read from the tokens: ``Span.ents`` is slow)."""
    found: list[Span] = []
    start: int | None = None
    for token in sent:
        inside = token.ent_type_ in {"DATE", "TIME"}
        if start is not None and (not inside or token.ent_iob_ == "B"):
            found.append(sent.doc[start:token.i])
            start = None
        if inside and start is None:
            start = token.i
    if start is not None:
        found.append(sent.doc[start:sent.end])
    text = span_text(sent)
    for match in [*DAYS_LATER_RE.finditer(text), *NIGHT_RE.finditer(text)]:  # "A day after", not "A day"
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end())
        if span is not None:
            found = [f for f in found if f.end <= span.start or f.start >= span.end] + [span]
    covered = {t.i for span in found for t in span}
    for match in [*RELATIVE_DAY_RE.finditer(text), *EXPLICIT_DAY_RE.finditer(text)]:  # the tagger misses some:
        # "Last night, U.S. forces ...", "On the morning of 9 April 2025" (tagged a work of art)
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end())
        if span is not None and not any(t.i in covered for t in span):
            found.append(span)
    found = [span for span in found if not _a_first_name(span) and not _names_a_kind(span)]
    return sorted((_with_its_day(span) for span in found), key=lambda span: span.start)


PARTS_OF_DAY = frozenset({"night", "day", "morning", "evening", "afternoon"})  # (not "Friday prayers": a day)


def _names_a_kind(span: Span) -> bool:
    """'killing a night watchman', 'the day shift': a time word that says what kind of thing a noun is, no time."""
    last = span[-1]  # (not "a night raid", "the overnight shelling": the time of an act)
    return last.lower_ in PARTS_OF_DAY and last.dep_ == "compound" and last.head.pos_ == "NOUN" and (
        last.head.i == span.end and last.head.ent_type_ not in {"DATE", "TIME"} and not is_event_noun(last.head))


def _a_first_name(span: Span) -> bool:
    """'Monday Kassah, chairman of the council, said': a day's name that opens a person's name is no date."""
    token = span[0]
    return len(span) == 1 and token.dep_ == "compound" and token.head.i == token.i + 1 and token.head.pos_ == "PROPN"


DAY_OR_DAYS_RE = re.compile(r"^\d{1,2}(?:[-–—]\d{1,2})?$")  # one token: "19", "18–19"


def _with_its_day(span: Span) -> Span:
    """'the early hours of 19 November' tagged TIME + '19' + DATE 'November' (or 'November 2024'): the month
    takes its day back."""
    with_year = len(span) == 2 and span[1].text.isdigit() and len(span[1].text) == 4
    if not (len(span) == 1 or with_year) or span[0].lower_ not in MONTHS:
        return span
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and DAY_OR_DAYS_RE.match(before.text) and all(
            1 <= int(day) <= 31 for day in re.findall(r"\d+", before.text)):  # "19 November", "18–19 June 2023"
        return doc[span.start - 1:span.end]
    if not with_year and after is not None and after.like_num and after.text.isdigit() and 1 <= int(after.text) <= 31:
        return doc[span.start:span.end + 1]
    return span


RELATIVE_DAY_RE = re.compile(r"\b(?:(?:last|on|early|late|Saturday|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday)\s+)?"
                             r"(?:last night|yesterday|this morning|this afternoon|this evening|tonight|today|"
                             r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:morning|night|evening))?)\b", re.I)


_MONTH_NAMES = "|".join(m for m in MONTHS if len(m) > 3 or m == "may")
EXPLICIT_DAY_RE = re.compile(rf"\b(?:\d{{1,2}}\s+(?:{_MONTH_NAMES})(?:\s+\d{{4}})?|(?:{_MONTH_NAMES})\s+\d{{1,2}}"
                             rf"(?:,\s*\d{{4}})?)\b", re.I)


def _blocked_between(token: Token, owner: Mention, sent: Span) -> bool:
    """A 'since', 'until', 'before' or 'after' between a date and its event."""
    anchor = anchor_of(owner.trigger)
    governor = governor_of(anchor)
    stop = {owner.trigger.i, anchor.i} | ({governor.i} if governor is not None else set())
    below = token
    for head in [token, *ancestors_list(token, sent)]:
        if head.i in stop:
            return False
        if any(c.dep_ == "mark" and c.lower_ in {"since", "until", "till", "before"} for c in head.children):
            return True  # "attacks since the Taliban returned to power in August 2021": the clause's day
        if head.tag_ == "VBN" and head.dep_ == "advcl" and head.i > 1 and head.doc[head.i - 1].text == "," and (
                head.doc[head.i - 2].pos_ in {"NOUN", "PROPN"} and head.i - 2 not in stop):
            return True  # "the anniversary of the invasion, launched in February 2022": the noun's day, misparsed
        glued = head.i > 0 and head.doc[head.i - 1].text in {"-", "‐"}  # "a passer-by on Tuesday": no preposition
        place = head.lower_ == "from" and below.ent_type_ not in {"DATE", "TIME"}  # "from a camp ... on Tuesday"
        if head.lower_ in {"since", "until", "till", "before", "after", "by", "from"} and not (glued or place) and not any(
                c.lower_ in elx.TIMES_OF_DAY or (c.dep_ == "pobj" and c.ent_type_ == "TIME") for c in head.children):
            return True  # not "before dawn on Saturday", "shortly after 7 p.m. on Monday"
        below = head
    return False


def date_by_report(drafts: list[Draft], sents: list[Span], published: date | None) -> None:
    """An act of a news report no word dates, told as one act, happened on the day of the last act dated before
    it, else on the report's day; not in an encyclopedia article ('= Title =' first), which tells any time's."""
    if published is None or any(s.text.lstrip().startswith("=") for s in sents[:3]):
        return
    order = sorted(drafts, key=lambda d: min((s.start for s in d.sentences), default=0))
    for index, draft in enumerate(order):
        if draft.date is not None or draft.background or draft.umbrella or (draft.count or 1) > 1:
            continue
        ents = [e for s in draft.sentences for e in _date_entities(s)]
        if ents or draft.whens:
            continue
        before = [d.date for d in order[:index] if d.date is not None and d.date_precision == "day"]
        draft.date, draft.date_precision = (before[-1] if before else published), "day"
