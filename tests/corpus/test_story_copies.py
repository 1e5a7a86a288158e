"""Issue 19's corpus test: one story in three forms and a second strike in the same city weeks later.

The story is made up for the test. It reaches the corpus pasted (the Brief page's shared link), uploaded as a
.txt with a header and as an HTML page with metadata; none of the three is a byte copy of another (the pasted
one has a byline and share links, the page its own extraction). The corpus must hold four articles, one report
of the first strike (its three copies), and two events, each reported by one outlet, named.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

STORY = (
    "Two missiles struck a warehouse district in Kharkiv early on Sunday, March 3, 2024, killing four people "
    "and wounding eleven, the regional governor said. Firefighters worked through the morning to put out the "
    "blaze at the warehouses, which stored food for the city's shops. The governor said the missiles were "
    "launched from the Belgorod region across the border. Residents of nearby apartment blocks said the blasts "
    "shattered windows several streets away. Ukraine's air force said it could not intercept the missiles "
    "because they flew too low and too fast."
)
LATER = (
    "Russian drones hit a power substation in Kharkiv on April 14, 2024, killing two workers, the city's mayor "
    "said. Repair crews restored electricity to most homes by the evening, the mayor said on his Telegram "
    "channel, and schools in the district will stay closed on Monday."
)
HEADER = "Title: Missiles hit Kharkiv warehouses, four killed\nURL: https://kharkivdaily.com.ua/news/warehouses\n"
HEADER += "Date: 2024-03-03\nOutlet: Kharkiv Daily\n\n"
HTML = """<!doctype html><html><head><title>Four killed as missiles hit Kharkiv warehouses | East Ukraine News</title>
<meta property="og:title" content="Four killed as missiles hit Kharkiv warehouses">
<meta property="og:site_name" content="East Ukraine News">
<meta property="article:published_time" content="2024-03-03T09:30:00+02:00">
<link rel="canonical" href="https://eastukrainenews.com/2024/03/03/kharkiv-warehouses"></head>
<body><nav>Home | World | Sport</nav><article><h1>Four killed as missiles hit Kharkiv warehouses</h1>
<p>{story}</p></article><footer>Copyright East Ukraine News</footer></body></html>"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import geo
    from geo.corpus import ingest_into
    from geo.dashboard import pasted_article, save_for_link

    path = tmp_path_factory.mktemp("copies") / "corpus.duckdb"
    pasted = f"By Olena Koval, Kharkiv\n\n{STORY}\n\nShare this story: Facebook | X | Telegram"  # copied off a page
    save_for_link(geo.analyze_article(pasted_article(pasted)), path)
    uploads = [
        ("kharkiv-warehouses.txt", (HEADER + STORY).encode()),
        ("kharkiv.html", HTML.format(story=STORY).encode()),
        ("substation.txt", ("Title: Drones hit Kharkiv substation\nDate: 2024-04-15\nOutlet: Kharkiv Daily\n\n"
                            + LATER).encode()),
    ]
    summary = ingest_into(path, uploads=uploads)
    assert not summary.failures, summary.failures
    return path


def test_three_forms_of_one_story_are_one_report_and_two_strikes_two_events(corpus: Path) -> None:
    from geo.dashboard import load_view, stored_articles

    articles = stored_articles(corpus)
    assert len(articles) == 4  # four texts: none is a byte copy of another
    view = load_view(corpus)
    kharkiv = [e for e in view.attacks if e.to_dict()["place"] == "Kharkiv"]
    assert len(kharkiv) == 2, [e.to_dict()["summary"] for e in view.attacks]
    first, later = sorted(kharkiv, key=lambda e: e.date or date.max)
    assert first.date == date(2024, 3, 3) and later.date == date(2024, 4, 14)
    assert len(first.reports) == 1 and len(first.articles) == 3  # one report, held by its three copies
    assert first.corroboration == 1 and later.corroboration == 1
    assert first.outlets and later.outlets == ("Kharkiv Daily",)
    assert all(len(outlet) < 40 for e in view.events for outlet in e.outlets)  # names, not digests


def test_the_files_give_the_articles_their_titles_dates_and_outlets(corpus: Path) -> None:
    from geo.dashboard import stored_articles

    by_title = {a.title: a for a in stored_articles(corpus)}
    assert by_title["Missiles hit Kharkiv warehouses, four killed"].published == date(2024, 3, 3)
    assert by_title["Missiles hit Kharkiv warehouses, four killed"].outlet == "Kharkiv Daily"
    html = by_title["Four killed as missiles hit Kharkiv warehouses"]
    assert html.published == date(2024, 3, 3) and html.outlet == "East Ukraine News"
    assert by_title["Drones hit Kharkiv substation"].published == date(2024, 4, 15)


def test_the_same_text_arriving_again_with_a_header_gives_the_stored_article_its_identity(tmp_path: Path) -> None:
    import geo
    from geo.corpus import ingest_into
    from geo.dashboard import pasted_article, save_for_link, stored_articles

    path = tmp_path / "corpus.duckdb"
    save_for_link(geo.analyze_article(pasted_article(LATER)), path)
    assert [(a.title, a.published) for a in stored_articles(path)] == [(None, None)]
    ingest_into(path, uploads=[("later.txt", f"Title: Substation hit\nDate: 2024-04-14\n\n{LATER}".encode())])
    (article,) = stored_articles(path)
    assert (article.title, article.published) == ("Substation hit", date(2024, 4, 14))


def test_the_sources_of_a_story_told_three_times_are_counted_once(corpus: Path) -> None:
    from geo.dashboard import load_view

    rows = {row["name"]: row for row in load_view(corpus).source_rows()}
    governor = rows["the regional governor"]
    assert governor["articles"] == 1 and governor["claim_count"] == 2  # its two claims in one telling


def test_the_corpus_exports_list_a_told_again_storys_sources_once(corpus: Path) -> None:
    from geo.dashboard import load_view
    from geo.exports import brief_from_corpus

    view = load_view(corpus)
    (governor,) = [s for s in brief_from_corpus(view.reports).report.sources if s.name == "the regional governor"]
    assert len(governor.claims) == 2
