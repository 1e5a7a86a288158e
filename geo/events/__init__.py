"""Events and sources in a parsed Doc: attacks and responses (who, on whom, where, when, how many,
casualties) and the sources cited, each with the sentence that says it.

    attacks, responses = extract_events(doc, toponyms, published=date(2023, 11, 9))
    sources = extract_sources(doc)

Modules: ``extract`` (the entry point: mentions linked into events), ``mentions``, ``triggers``, ``phrasal`` ('beat
back an assault', 'hit back'), ``parse_repairs`` (the parser's slips they repair) and ``not_events`` (which words
tell an act), ``no_single_act`` (a kind of act, a tally, a campaign, a war: no one event), ``roles`` (attack or
response by its cues), ``actors``, ``actor_phrases`` and ``pronouns`` (who is who), ``context``, ``clauses``,
``one_act`` (mentions of one act), ``inherited`` (the place and day a mention takes from the act whose phrase tells
it), ``linking``, ``place_fit``, ``category_fit``, ``introduced`` and ``retold`` (one event or two; a lead's vague
act told in full later; one act told twice far apart), ``draft`` (an event being assembled), ``finish`` (a draft
made an event), ``umbrella`` (a heading of acts), ``headlines`` (which lines are captions; what a headline, a
caption or an article's defining sentence adds), ``kinds`` (what answers what), ``placing`` (places and days told
indirectly), ``sentence_places`` (the last resort: the town an act's own sentence or a reference back names),
``infobox``, ``summary``, ``dating``, ``hours`` (times of day), ``day_headings`` (a text told day by day under date
lines) and ``dates`` (an event's date), ``casualties`` (counts, killed, injured), ``frame`` (a text's header and
issuer), ``sources``, ``source_registry``, ``source_naming``, ``speaker_phrase``, ``person_names`` and
``attribution`` (who says so), ``source_links`` (which of them an event rests on), ``lexicon`` and ``context_words``
(the word lists).
A new event rule goes into the module of its step; its words into ``lexicon``.

May import: the core (``geo.model``, ``geo.syntax``, ``geo.errors``) and, to read them only,
``geo.places``.
"""

from geo.events.extract import extract_events
from geo.events.source_links import link_sources
from geo.events.sources import extract_sources

__all__ = [
    "extract_events",
    "extract_sources",
    "link_sources",
]
