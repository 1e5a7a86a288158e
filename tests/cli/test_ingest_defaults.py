"""``python -m geo ingest --outlet NAME --published DATE``: the analyst's outlet and date for the articles of a
folder that name none of their own (articles written for these tests)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from geo.corpus import ArticleDefaults, parse_published
from geo.errors import InputError
from geo.model import Article
from tests.corpus_helpers import run_geo

PLAIN = {
    "one.txt": "Shelling hit the town of Kupiansk on Wednesday, killing two people, regional officials said.\n",
    "two.txt": "A drone strike hit a fuel depot near Kherson on Tuesday, the regional governor said.\n",
}
WITH_HEADER = ("https://www.example.org/news/strike-on-the-port\n2024-04-20\n\n"
               "Missiles struck the port of Odesa on Friday, injuring four workers, the port authority said.\n")
WITH_OUTLET = ("---\ntitle: Clashes near Bakhmut\noutlet: Frontline Weekly\n---\n"
               "Heavy clashes continued near Bakhmut on Monday, the general staff said.\n")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    for name, text in PLAIN.items():
        (news / name).write_text(text, encoding="utf-8")
    return news


def _stored(db: Path) -> dict[str, dict]:
    articles = json.loads(run_geo("articles", "--format", "json", db=db).stdout)
    return {a["title"]: a for a in articles}


def test_the_folder_takes_the_outlet_and_date_where_its_articles_name_none(tmp_path: Path, folder: Path) -> None:
    (folder / "port.txt").write_text(WITH_HEADER, encoding="utf-8")
    (folder / "bakhmut.txt").write_text(WITH_OUTLET, encoding="utf-8")
    db = tmp_path / "corpus.duckdb"
    result = run_geo("ingest", str(folder), "--outlet", " Kyiv  Wire ", "--published", "2024-05-02", db=db)
    assert result.returncode == 0, result.stderr
    assert "ingested 4" in result.stderr
    stored = _stored(db)
    plain = [a for a in stored.values() if a["url"] is None and a["title"] != "Clashes near Bakhmut"]
    assert len(plain) == 2
    assert all((a["outlet"], a["published"]) == ("Kyiv Wire", "2024-05-02") for a in plain)
    port = next(a for a in stored.values() if a["url"])
    assert port["published"] == "2024-04-20"  # the header's own date is kept
    assert port["outlet"] == "example.org"  # and so is the outlet its URL names
    bakhmut = stored["Clashes near Bakhmut"]
    assert (bakhmut["outlet"], bakhmut["published"]) == ("Frontline Weekly", "2024-05-02")


@pytest.mark.parametrize("bad", ["2999-01-01", "2024-13-01", "02/05/2024", "yesterday"])
def test_a_bad_or_future_date_stores_nothing(tmp_path: Path, folder: Path, bad: str) -> None:
    db = tmp_path / "corpus.duckdb"
    result = run_geo("ingest", str(folder), "--outlet", "Kyiv Wire", "--published", bad, db=db)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--published" in result.stderr and "Traceback" not in result.stderr
    assert not db.exists()


def test_an_empty_outlet_is_refused(tmp_path: Path, folder: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    result = run_geo("ingest", str(folder), "--outlet", "  ", db=db)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and not db.exists()


def test_defaults_fill_only_what_is_missing() -> None:
    defaults = ArticleDefaults(outlet="Kyiv Wire", published=date(2024, 5, 2))
    bare = Article(text="Shelling hit Kupiansk.")
    assert (defaults.applied_to(bare).outlet, defaults.applied_to(bare).published) == ("Kyiv Wire", date(2024, 5, 2))
    own = Article(text="Shelling hit Kupiansk.", outlet="Own Outlet", published=date(2024, 4, 1))
    assert defaults.applied_to(own) is own
    assert ArticleDefaults().applied_to(bare) is bare
    assert defaults.applied_to(bare).text_sha256 == bare.text_sha256  # the same article, the same id


def test_parse_published() -> None:
    assert parse_published(" 2024-05-02 ") == date(2024, 5, 2)
    today = date(2024, 5, 2)
    assert parse_published("2024-05-02", today=today) == today
    with pytest.raises(InputError, match="in the future"):
        parse_published("2024-05-03", today=today)
    for bad in ("2024-5-2", "20240502", "2024-02-30", ""):
        with pytest.raises(InputError, match="YYYY-MM-DD"):
            parse_published(bad)
    with pytest.raises(InputError, match="in the future"):
        ArticleDefaults(published=date.today() + timedelta(days=2))
    with pytest.raises(InputError, match="empty"):
        ArticleDefaults(outlet=" ")
