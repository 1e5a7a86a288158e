"""The corpus commands end to end: ingest, events, articles (real analysis, a temporary database)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.corpus_helpers import run_geo, write_articles

# One strike, three outlets, three wordings (written for this test).
REPORTS = {
    "wire.html": ("Northern Wire", "Drone strike hits weapons depot near Albu Kamal", """
<p>A drone strike hit a weapons depot near the Syrian town of Albu Kamal on Tuesday, killing four fighters,
the Syrian Observatory for Human Rights said.</p>
<p>The depot had been used by armed groups to store rockets and ammunition, the monitor added. No group claimed
responsibility for the strike, and there was no immediate comment from officials.</p>"""),
    "daily.html": ("The Daily Ledger", "Depot struck by drones on Syrian border", """
<p>Unidentified drones struck an arms depot outside Albu Kamal on Tuesday, according to local residents.
Four militiamen were killed in the attack, a war monitor said.</p>
<p>Residents described several loud explosions that shook windows across the border town late in the evening,
and smoke rose over the area for hours afterwards.</p>"""),
    "radio.html": ("Radio Meridian", "Airstrike on militia depot in eastern Syria", """
<p>An air strike destroyed a militia ammunition depot in Abu Kamal near the Iraqi border on Tuesday night,
killing four people, the Observatory reported.</p>
<p>The town lies on the main road between Syria and Iraq, a route that armed groups have long used to move
people and supplies across the frontier.</p>"""),
}


def page(outlet: str, title: str, body: str) -> str:
    return (
        f'<html><head><title>{title}</title><meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="2024-03-06"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


@pytest.fixture()
def three_reports(tmp_path: Path) -> Path:
    folder = tmp_path / "strike"
    folder.mkdir()
    for name, (outlet, title, body) in REPORTS.items():
        (folder / name).write_text(page(outlet, title, body), encoding="utf-8")
    return folder


def test_three_outlets_make_one_corroborated_event(tmp_path: Path, three_reports: Path) -> None:
    db = tmp_path / "corpus.duckdb"
    ingest = run_geo("ingest", str(three_reports), db=db)
    assert ingest.returncode == 0, ingest.stderr
    assert "ingested 3, unchanged 0" in ingest.stderr

    articles = json.loads(run_geo("articles", "--format", "json", db=db).stdout)
    assert sorted(a["outlet"] for a in articles) == ["Northern Wire", "Radio Meridian", "The Daily Ledger"]
    assert all(a["attacks"] >= 1 and a["places"] >= 1 and a["published"] == "2024-03-06" for a in articles)

    events = json.loads(run_geo("events", "--format", "json", db=db).stdout)
    strikes = [e for e in events if e["category"] == "Air/drone strike"]
    assert len(strikes) == 1, strikes
    strike = strikes[0]
    assert strike["corroboration"] == 3 and len(strike["articles"]) == 3 and len(strike["mentions"]) == 3
    assert strike["kind"] == "attack" and strike["place"] == "Albu Kamal" and strike["killed"] == 4
    assert {m["outlet"] for m in strike["mentions"]} == {"Northern Wire", "Radio Meridian", "The Daily Ledger"}
    assert len(strike["sources"]) >= 3
    text = run_geo("events", db=db).stdout
    assert "3 outlet(s)" in text

    again = run_geo("ingest", str(three_reports), db=db)
    assert again.returncode == 0 and "ingested 0, unchanged 3" in again.stderr


def test_explain_says_why_reports_merged_and_which_articles_repeat_a_story(tmp_path: Path, three_reports: Path) -> None:
    outlet, title, body = REPORTS["wire.html"]
    syndicated = body + "<p>Reporting by the Northern Wire desk.</p>"  # the wire's story on another site
    (three_reports / "reprint.html").write_text(page("Valley Herald", title, syndicated), encoding="utf-8")
    db = tmp_path / "corpus.duckdb"
    assert run_geo("ingest", str(three_reports), db=db).returncode == 0

    explained = json.loads(run_geo("events", "--format", "json", "--explain", db=db).stdout)
    (strike,) = [e for e in explained["events"] if e["category"] == "Air/drone strike"]
    assert strike["corroboration"] == 3 and len(strike["articles"]) == 4  # the reprint adds no outlet
    assert "Northern Wire" in strike["outlets"]  # the reprint credits the wire: the wire's report stands
    assert len(strike["merge_reasons"]) == 2 and all("Albu Kamal" in r for r in strike["merge_reasons"])
    assert strike["grade"] == "F1"  # nobody graded: reliability cannot be judged; three outlets confirm
    (story,) = explained["copies"]
    assert len(story["copies"]) == 1 and story["copies"][0]["likeness"] >= 0.8
    assert explained["merged_events"] >= 1
    assert explained["reports"] == sum(len(e["events"]) for e in explained["events"])

    text = run_geo("events", "--explain", db=db).stdout
    assert "      merged: " in text and "1 article(s) repeat another's story" in text
    assert f"copies of \u201c{title}\u201d" in text


def test_folder_twice_and_a_run_stopped_halfway(tmp_path: Path) -> None:
    paths = write_articles(tmp_path / "news", 20)
    db = tmp_path / "corpus.duckdb"
    half = run_geo("ingest", *[str(p) for p in paths[:10]], db=db)
    assert half.returncode == 0 and "ingested 10" in half.stderr
    rest = run_geo("ingest", str(tmp_path / "news"), db=db)
    assert rest.returncode == 0 and "ingested 10, unchanged 10" in rest.stderr, rest.stderr
    assert "articles/s" in rest.stderr  # the progress line of a run of 10 or more
    again = run_geo("ingest", str(tmp_path / "news"), db=db)
    assert "ingested 0, unchanged 20" in again.stderr
    articles = json.loads(run_geo("articles", "--format", "json", db=db).stdout)
    assert len(articles) == 20 and len({a["id"] for a in articles}) == 20


def test_failures_are_summarised_and_do_not_stop_the_run(tmp_path: Path, three_reports: Path) -> None:
    (three_reports / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = run_geo("ingest", str(three_reports), str(tmp_path / "notes.docx"), db=tmp_path / "c.duckdb")
    assert result.returncode == 0
    assert "ingested 3" in result.stderr and "failed 2" in result.stderr
    assert "empty.txt" in result.stderr and "Unsupported file type (.docx)" in result.stderr


def test_all_failed_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run_geo("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "missing.md"), db=tmp_path / "c.duckdb")
    assert result.returncode == 2 and "failed 2" in result.stderr and "No such file" in result.stderr
    assert result.stdout == ""


def test_db_from_the_environment_and_a_corrupt_db(tmp_path: Path) -> None:
    env_db = tmp_path / "from_env.duckdb"
    listing = run_geo("articles", env={"GEOBRIEF_DB": str(env_db)})  # read-only: nothing is created
    assert listing.returncode == 0 and listing.stdout.startswith("Articles (0)") and not env_db.exists()

    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"not a database" * 100)
    result = run_geo("events", db=corrupt)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "left untouched" in result.stderr and "Traceback" not in result.stderr
    assert corrupt.read_bytes() == b"not a database" * 100


def test_reanalyze_rebuilds_rows_of_an_older_analyzer(tmp_path: Path, three_reports: Path) -> None:
    import duckdb

    db = tmp_path / "corpus.duckdb"
    assert run_geo("ingest", str(three_reports / "wire.html"), db=db).returncode == 0
    before = json.loads(run_geo("articles", "--format", "json", db=db).stdout)
    connection = duckdb.connect(str(db))  # pretend an older GeoBrief analysed it, and lost its events
    connection.execute("DELETE FROM events")
    connection.close()
    upgraded = {"GEOBRIEF_ANALYZER_VERSION": "geobrief test analyzer, upgraded"}
    result = run_geo("reanalyze", db=db, env=upgraded)
    assert result.returncode == 0 and "reanalysed 1" in result.stderr, result.stderr
    after = json.loads(run_geo("articles", "--format", "json", db=db).stdout)
    assert after[0]["attacks"] == before[0]["attacks"] >= 1
    assert after[0]["analyzer_version"] == "geobrief test analyzer, upgraded"
    assert "Articles (1)" in run_geo("articles", db=db).stdout
    assert "ingested 0, unchanged 0, reanalysed 0" in run_geo("reanalyze", db=db, env=upgraded).stderr
