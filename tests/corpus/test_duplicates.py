"""Copies of one story: MinHash candidates confirmed on word 5-grams (geo.corpus.duplicates)."""

from __future__ import annotations

from geo.corpus.duplicates import copy_likeness, shingles, story_copies

STORY = " ".join(
    f"Sentence {n} of the report says that shelling hit the river port and the grain silos again today."
    for n in range(12)
)
OTHER = " ".join(f"Line {n}: the council met to discuss the new budget for schools and roads." for n in range(12))


def test_shingles_are_word_five_grams_without_case_or_punctuation() -> None:
    assert shingles("One, two THREE four five six.") == frozenset({"one two three four five",
                                                                   "two three four five six"})
    assert shingles("Too short.") == frozenset({"too short"}) and shingles("") == frozenset()


def test_a_copy_with_a_byline_and_share_links_is_a_copy_and_another_story_is_not() -> None:
    story = shingles(STORY)
    assert copy_likeness(story, shingles(f"By A. Writer\n\n{STORY}\n\nShare: Facebook | X")) is not None
    assert copy_likeness(story, shingles(OTHER)) is None


def test_a_trimmed_syndicated_copy_is_a_copy_by_containment() -> None:
    trimmed = STORY[: len(STORY) * 2 // 3]
    likeness = copy_likeness(shingles(STORY), shingles(trimmed))
    assert likeness is not None and likeness >= 0.9


def test_a_few_sentences_quoted_elsewhere_do_not_make_a_copy() -> None:
    quoting = OTHER + " " + STORY[:150]
    assert copy_likeness(shingles(STORY[:150]), shingles(quoting)) is None


def test_stories_group_copies_and_keep_the_one_chosen() -> None:
    texts = [("pasted", f"{STORY} Share this."), ("other", OTHER), ("file", STORY), ("page", f"Menu. {STORY}")]
    (story,) = story_copies(texts, choose=lambda members: "file" if "file" in members else members[0])
    assert story.kept == "file" and {a for a, _ in story.copies} == {"pasted", "page"}
    assert all(0.8 <= likeness <= 1.0 for _, likeness in story.copies)


def test_one_text_is_no_story_told_twice() -> None:
    assert story_copies([("a", STORY)]) == () and story_copies([]) == ()
