"""The frame of a text (geo/events/frame.py): header lines, the issuer of a statement, transcript
turns; and the sources they give. Made-up texts in the layouts of official releases."""

from __future__ import annotations

from geo.events.extract import extract_events
from geo.events.frame import read_frame, speaker_label_length, speaker_of_label
from geo.events.sources import extract_sources
from geo.model import Source
from geo.nlp import load_pipeline
from geo.syntax import sentences
from tests.events.helpers import nlp, toponyms_for

RELEASE = """Press Release | March 3, 2025

Coalition Strike Hits Militant Depot

March 3, 2025

Release Number 20250303-02

TAMPA, Fla. – On March 2, coalition aircraft struck a militant weapons depot near the border.

"We will keep up the pressure," said the task force commander.
"""

STATEMENT = """Statement by Minister of Defence Jane Q. Doe on Strikes in the North

Today our forces carried out strikes on two launch sites used in recent attacks on our ships.
These strikes were a response to those attacks.
"""

PRESS_STATEMENT = """Attack on a Market
Press Statement by
Robert Smith

Department Spokesperson

The Department condemns the attack on the market that killed nine people.
"""

TRANSCRIPT = """Remarks to the Press

MINISTER OF DEFENCE ANNA BERG: Good afternoon. Our air defences shot down four drones overnight.

Q: Minister, were there casualties?

MIN. BERG: None that we know of.
"""

NEWS = """Five Killed in Market Blast

By John Writer, Staff Reporter

A bomb exploded at a market in the capital on Monday, killing five people, police said.
"""


def frame_of(text: str, url: str | None = None):  # type: ignore[no-untyped-def]
    doc = nlp()(text)
    return read_frame(doc, sentences(doc), url)


def names(sources: list[Source]) -> list[str]:
    return [s.name for s in sources]


def test_release_lines_are_the_header_and_the_domain_names_the_issuer() -> None:
    frame = frame_of(RELEASE, "https://www.centcom.mil/MEDIA/PRESS-RELEASES/1")
    assert frame.header == 4  # release line, title, date, release number (the dateline opens the first sentence)
    assert frame.author is not None and frame.author.name == "U.S. Central Command"


def test_without_an_official_domain_a_release_names_no_issuer_it_does_not_say() -> None:
    assert frame_of(RELEASE).author is None


def test_a_departments_news_story_is_no_statement_of_the_department() -> None:
    story = ("Strikes Follow Attack on Base\n\nU.S. aircraft struck two depots on Tuesday, a day after rockets hit a "
             "base in the west, the press secretary told reporters.")
    assert frame_of(story, "https://www.defense.gov/News/News-Stories/Article/Article/123/strikes").author is None
    assert frame_of(story, "https://www.defense.gov/News/Releases/Release/Article/123/strikes").author is not None


def test_statement_by_names_a_person_with_their_role() -> None:
    author = frame_of(STATEMENT).author
    assert author is not None and author.person and author.name == "Jane Q. Doe"
    assert author.role == "Minister of Defence"


def test_press_statement_by_takes_the_name_on_the_next_line() -> None:
    author = frame_of(PRESS_STATEMENT).author
    assert author is not None and author.name == "Robert Smith"


def test_a_journalists_byline_names_no_issuer() -> None:
    assert frame_of(NEWS).author is None
    assert "John Writer" not in names(extract_sources(nlp()(NEWS)))


def test_the_issuer_is_the_source_of_the_statement_and_its_sentences() -> None:
    sources = extract_sources(nlp()(STATEMENT))
    assert names(sources) == ["Jane Q. Doe"]
    assert sources[0].type == "official" and sources[0].role == "Minister of Defence"
    assert any(c.text.startswith("Today our forces carried out strikes") for c in sources[0].claims)


def test_the_release_issuer_from_the_domain_and_a_quoted_commander() -> None:
    doc = nlp()(RELEASE)
    sources = extract_sources(doc, url="https://www.centcom.mil/MEDIA/PRESS-RELEASES/1")
    assert names(sources)[0] == "U.S. Central Command"


def test_a_headline_is_never_the_actor_of_the_statements_strikes() -> None:
    attacks, responses = extract_events(nlp()(STATEMENT), [])
    assert [r.actor for r in responses] == ["our forces"]
    assert all("Statement" not in (e.actor or "") for e in attacks + responses)


def test_transcript_turns_and_speaker_labels() -> None:
    frame = frame_of(TRANSCRIPT)
    assert frame.header == 1
    assert speaker_of_label("MINISTER OF DEFENCE ANNA BERG") == ("Anna Berg", "Minister of Defence")
    assert speaker_of_label("Q") is None and speaker_of_label("MODERATOR") is None
    assert speaker_of_label("PRESS SECRETARY") == ("Press Secretary", None)  # the office speaks
    sources = extract_sources(nlp()(TRANSCRIPT))
    assert names(sources) == ["Anna Berg"]  # "MIN. BERG" is the same person; "Q" is a journalist
    assert len(sources[0].claims) >= 2


def test_a_press_statement_line_then_a_name_and_title_names_the_issuer() -> None:
    text = "Press Statement\nAnna Lind, Department Spokesperson\nMarch 3, 2024\n\nThe Department condemns the attack."
    author = frame_of(text).author
    assert author is not None and author.person and author.name == "Anna Lind"


def test_a_country_condemning_in_the_present_in_a_statement_is_its_issuer() -> None:
    text = PRESS_STATEMENT + "The United States strongly condemns this attack and stands with the victims.\n"
    assert names(extract_sources(nlp()(text))) == ["Robert Smith"]
    news = "The United States strongly condemns this attack, a State Department spokesman said on Monday."
    assert "the United States" in names(extract_sources(nlp()(news)))  # news: no issuer to speak for


def test_a_questioners_label_is_no_speaker() -> None:
    assert speaker_label_length("Q: Rebel commanders put out a statement overnight.") == len("Q:")
    assert speaker_label_length("QUESTION: Were there casualties?") == len("QUESTION:")


def test_the_body_a_release_title_says_acted_is_its_issuer() -> None:
    text = ("AFRICOM Conducts Strike Against Militants Near the Coast\n\nRelease Number: 20250101-01\n"
            "January 1, 2025\n\nSTUTTGART, Germany – Forces struck a militant camp on Dec. 30.\n")
    author = frame_of(text, url="https://newsroom.example.test/releases/1").author
    assert author is not None and author.name == "U.S. Africa Command"
    news = "Militants Attack Army Post Near the Coast\n\nBy Jane Roe\n\nMilitants attacked an army post on Monday.\n"
    assert frame_of(news).author is None  # a news story's headline names no issuer


def test_a_transcripts_title_names_who_briefs() -> None:
    briefing = ("Deputy Pentagon Press Secretary Jane Okoro Holds a Press Briefing\n\nMODERATOR: Good afternoon.\n\n"
                "SPOKESPERSON: Thanks. U.S. forces struck a depot in Syria last night.\n")
    author = frame_of(briefing).author
    assert author is not None and (author.name, author.role) == ("Jane Okoro", "Deputy Pentagon Press Secretary")
    remarks = "Secretary of Defense John Q. Smith Off-Camera, On-the-Record Remarks to Traveling Press\n\nSEC. SMITH: Hi.\n"
    author = frame_of(remarks).author
    assert author is not None and (author.name, author.role) == ("John Q. Smith", "Secretary of Defense")
    news = "Gunmen Kill Four in Raid on Village Market\n\nGunmen killed four people on Monday.\n"
    assert frame_of(news).author is None


def test_a_body_a_questioner_quotes_after_the_label_is_a_source() -> None:
    text = ("Press Briefing by the Spokesperson\n\nMODERATOR: First question.\n\nQ: Yemen's state news agency, SABA, "
            "says four civilians were killed in the strike near Hodeidah. Do you dispute that?\n\n"
            "SPOKESPERSON: We struck a radar site.\n")
    assert "SABA" in names(extract_sources(nlp()(text)))


def test_a_reporters_question_is_never_the_evidence_of_an_act() -> None:
    text = ("Press Briefing by the Spokesperson\n\nSPOKESPERSON: Two F-16s struck an ammunition depot near Kherson "
            "last night.\n\nQ: Local officials say five civilians were killed in the strike near Kherson. Do you "
            "dispute that?\n\nSPOKESPERSON: We struck a military facility.\n")
    attacks, responses = extract_events(nlp()(text), toponyms_for(text), published=None)
    assert all(not e.evidence.text.startswith("Q:") for e in attacks + responses) and attacks + responses


def test_a_release_title_naming_the_issuers_forces_names_the_issuer() -> None:
    text = ("CENTCOM Forces Conduct Strikes Against Militant Targets\n\nMarch 18, 2025\nRelease Number 20250318-01\n\n"
            "TAMPA, Fla. – On March 17, coalition aircraft struck a militant weapons depot near the border.\n")
    names = [s.name for s in extract_sources(nlp()(text))]
    assert names == ["U.S. Central Command"]


def test_a_newsrooms_byline_names_no_issuer_but_a_public_affairs_office_does() -> None:
    news = "Navy Ship Downs Drones Near the Coast\n\nBy Harbor Daily Staff\n\nA navy ship shot down two drones on Monday.\n"
    assert frame_of(news).author is None
    office = "Navy Ship Downs Drones Near the Coast\n\nBy Fleet Public Affairs\n\nA navy ship shot down two drones on Monday.\n"
    author = frame_of(office).author
    assert author is not None and author.name == "Fleet Public Affairs"


def test_a_release_title_whose_verb_the_tagger_takes_for_a_name_still_names_its_issuer() -> None:
    release = ("AFRICOM Forces Kill Senior Militant Leader in Somalia Raid\nRelease Number: 2025-0101\n\n"
               "STUTTGART, Germany -- On Jan. 4, U.S. Africa Command forces conducted a raid near Kismayo.\n")
    author = frame_of(release).author
    assert author is not None and author.name == "U.S. Africa Command"


def test_a_speakers_label_in_capitals_the_tagger_cuts_from_the_turn_still_names_who_speaks() -> None:
    text = ("Pentagon Press Secretary Holds a Press Briefing\n\n"
            "MAJ. GEN. SABRINA SINGH: Good afternoon, everyone. A couple of items to pass along at the top.\n\n"
            "Yesterday, our forces struck a depot near Kharkiv.\n\nQ: Thanks, General.\n")
    assert "Sabrina Singh" in names(extract_sources(load_pipeline()(text)))


def test_a_press_mark_in_capitals_before_a_colon_names_no_speaker() -> None:
    text = ("FULL TEXT: Army strikes rebel camp near Kharkiv after market blast\n\n"
            "The paper is publishing below a release issued by the army.\n\n"
            "Army jets struck a rebel camp near Kharkiv on Monday.\n")
    assert "Full Text" not in names(extract_sources(load_pipeline()(text)))


def test_a_statements_author_keeps_the_first_name_the_tagger_left_out() -> None:
    for heading, name, role in [
        ("Statement from Secretary of State Antony J. Blinken on the Attack in Kerman", "Antony J. Blinken",
         "Secretary of State"),
        ("Statement from Secretary of Defense Lloyd J. Austin III on U.S. Strikes in Iraq", "Lloyd J. Austin III",
         "Secretary of Defense"),
    ]:
        doc = load_pipeline()(heading + "\n\nJan. 23, 2024\n\nEarlier today, forces struck three facilities in Iraq.")
        author = read_frame(doc, sentences(doc)).author
        assert author is not None and (author.name, author.role) == (name, role)


def test_a_title_led_by_the_issuers_name_over_its_own_dateline_is_its_release() -> None:
    text = ("CENTCOM Forces Destroy Militant Drones\n\nTAMPA, Fla. – On March 17, coalition aircraft destroyed two "
            "drones near the border.\n")
    assert [s.name for s in extract_sources(nlp()(text))] == ["U.S. Central Command"]
    wire = ("CENTCOM Forces Destroy Militant Drones\n\nTAMPA, Fla. (Wire) – On March 17, coalition aircraft destroyed "
            "two drones near the border.\n")
    assert frame_of(wire).author is None  # an agency's story about the command


def test_a_known_commands_title_over_a_bare_dateline_is_its_release_a_groups_is_not() -> None:
    text = ("U.S. Africa Command conducts airstrike against militants\n\nSTUTTGART, Germany – Forces struck a militant "
            "camp near the coast on Dec. 30.\n")
    author = frame_of(text).author
    assert author is not None and author.name == "U.S. Africa Command"
    story = "Rebel Front claims attack on army base\n\nDORI — Rebels attacked an army base on Monday, residents said.\n"
    assert frame_of(story).author is None


def test_one_capitalised_word_and_a_colon_opening_a_story_is_a_dateline_not_a_speaker() -> None:
    text = "DORI: Troops killed six militants in a raid on Monday, the army's media wing said.\n"
    assert [(s.name, s.type) for s in extract_sources(nlp()(text))] == [("the army's media wing", "official")]
    briefing = "Press Briefing\n\nMODERATOR: First question.\n\nOKORO: Troops killed six militants on Monday.\n"
    assert frame_of(briefing).turn_at(len(sentences(nlp()(briefing))) - 1) == ("Okoro", None)


def test_a_label_of_titles_only_is_the_briefer_the_title_names_or_the_office() -> None:
    named = ("Deputy Pentagon Press Secretary Jane Okoro Holds a Press Briefing\n\nMODERATOR: Welcome.\n\n"
             "SPOKESPERSON: U.S. forces struck a depot in Syria last night.\n")
    last = len(sentences(nlp()(named))) - 1
    assert frame_of(named).turn_at(last) == ("Jane Okoro", "Deputy Pentagon Press Secretary")
    unnamed = "Press Briefing\n\nMODERATOR: Welcome.\n\nPRESS SECRETARY: U.S. forces struck a depot last night.\n"
    assert [(s.name, s.type) for s in extract_sources(nlp()(unnamed))] == [("Press Secretary", "official")]


def test_a_long_list_of_short_lines_is_no_header_past_its_first_lines() -> None:
    import spacy

    from geo.events.frame import MAX_HEADER_LINES, header_length
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("\n".join(f"Town{i}" for i in range(200)))
    sents = [doc[t.i:t.i + 1] for t in doc if not t.is_space]
    assert header_length(sents) <= MAX_HEADER_LINES


def test_a_photo_caption_is_no_speaker_of_the_release() -> None:
    text = ("Navy Strikes Rebel Boats\n\nBy Fleet Public Affairs\n\n"
            "FILE PHOTO: A patrol boat leaves port at dawn. (Navy photo by Petty Officer Ann Lee)\n\n"
            "On May 2, navy helicopters struck three rebel boats near the coast. No sailors were hurt.\n")
    frame = frame_of(text)
    assert frame.turns == {} or all(turn is None for turn in frame.turns.values())
    assert "File Photo" not in names(extract_sources(nlp()(text)))


def test_a_un_agencys_update_is_issued_by_the_agency_its_domain_names() -> None:
    text = ("Ruritania: Flash Update #3 - Hostilities in the east\n\nKEY POINTS\n- Shelling killed 4 civilians in "
            "Kestrelton on 2 June, according to local authorities.\n")
    sources = extract_sources(nlp()(text), url="https://www.unocha.org/publications/report/ruritania/flash-update-3")
    assert names(sources)[0] == "OCHA" and sources[0].type == "official"


def test_a_verbatim_records_speakers_are_named_by_their_labels() -> None:
    text = ("Security Council, 9000th meeting (excerpt)\n\nThe President: I give the floor to Ms. Anna Berg.\n\n"
            "Ms. Berg: Thank you. On Saturday, rockets struck a market near Kharkiv, killing six people.\n\n"
            "Mr. Lund (Norway): We condemn the rocket attack on the market without reservation.\n")
    assert speaker_label_length("Mr. Lund (Norway): We condemn it.") == len("Mr. Lund (Norway):")
    assert names(extract_sources(nlp()(text))) == ["Berg", "Lund"]
    assert speaker_label_length("Mr. Lund said: we condemn it.") == 0
