"""PDFs cost little (geo.ingest.pdf): pypdf reads in a worker process stopped past its time budget, with a cap on
text; its limits, deep nesting and memory errors are one-line InputErrors; its warnings stay off stderr.

The hostile PDFs are made here (geo/bench/hostile_files.py), with a budget of a second or two.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import pytest

from geo.errors import InputError
from geo.ingest import pdf as pdf_module
from geo.ingest.pdf import pdf_text, read_pdf
from geo.settings import Settings
from geo.bench import hostile_files as pdf_samples
from geo.bench.hostile_files import STORY

QUICK = Settings(pdf_seconds=1.5)  # for the PDF that stalls: it must be stopped
ROOMY = Settings(pdf_seconds=20)  # for the others: they end on their own, even on a busy machine


def test_a_plain_pdf_is_read_in_the_worker() -> None:
    pdf = pdf_text(pdf_samples.pages_pdf(pdf_samples.text_content(), 2), "two.pdf", settings=ROOMY)
    assert pdf.text == f"{STORY.decode()}\n\n{STORY.decode()}"
    assert pdf == read_pdf(pdf_samples.pages_pdf(pdf_samples.text_content(), 2), "two.pdf")


def test_pages_sharing_a_stream_of_spaces_stop_at_the_time_budget() -> None:
    data = pdf_samples.spaces_pdf(pages=5, megabytes=70)  # ~70 KB; pypdf spends ~6 s a page on it
    assert len(data) < 100_000
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"^spaces\.pdf took more than 1\.5 s to read; .*GEOBRIEF_PDF_SECONDS") as info:
        pdf_text(data, "spaces.pdf", settings=QUICK)
    assert time.perf_counter() - started < 5
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: pdf_samples.bomb_pdf(megabytes=100), "goes past pypdf's safety limits"),
        (pdf_samples.nested_arrays_pdf, "nests its objects too deeply to read"),
        (pdf_samples.nested_object_pdf, "cannot be read as a PDF"),
    ],
    ids=["decompression-bomb", "nested-arrays-in-content", "nested-arrays-in-catalog"],
)
def test_hostile_pdfs_are_one_line_input_errors(make: Callable[[], bytes], message: str) -> None:
    data = make()
    for read in (lambda: pdf_text(data, "x.pdf", settings=ROOMY), lambda: read_pdf(data, "x.pdf")):
        with pytest.raises(InputError, match=f"^x\\.pdf {message}.*save its text as a .txt file") as info:
            read()
        assert "\n" not in str(info.value)


def test_memory_errors_are_input_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf

    def exhausted(*args: object, **kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr(pypdf, "PdfReader", exhausted)
    with pytest.raises(InputError, match=r"^big\.pdf needs too much memory to read"):
        read_pdf(pdf_samples.pages_pdf(pdf_samples.text_content()), "big.pdf")


def test_the_text_is_capped() -> None:
    data = pdf_samples.pages_pdf(pdf_samples.text_content(), 3)
    with pytest.raises(InputError, match=r"^long\.pdf holds more than 100 characters of text.*GEOBRIEF_MAX_TEXT_CHARS"):
        pdf_text(data, "long.pdf", settings=Settings(max_text_chars=100, pdf_seconds=5))
    assert len(pdf_text(data, "long.pdf", settings=Settings(max_text_chars=200, pdf_seconds=5)).text) > 100


def test_pypdf_warns_about_a_misplaced_xref_but_not_on_stderr(caplog: pytest.LogCaptureFixture,
                                                             capfd: pytest.CaptureFixture[str]) -> None:
    data = pdf_samples.misplaced_xref_pdf()
    with caplog.at_level(logging.WARNING, logger="pypdf"):
        assert read_pdf(data, "x.pdf").text == STORY.decode()  # in this process, pypdf warns
    assert any("startxref" in record.getMessage() for record in caplog.records)
    caplog.clear()
    capfd.readouterr()
    with caplog.at_level(logging.WARNING, logger="pypdf"):
        assert pdf_text(data, "x.pdf", settings=ROOMY).text == STORY.decode()  # in the worker, silently
    assert not caplog.records and capfd.readouterr().err == ""


def test_a_worker_that_dies_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "_WORKER", "import sys; print('first', file=sys.stderr); sys.exit('it broke')")
    with pytest.raises(InputError, match=r"^x\.pdf stopped the PDF reader \(exit code 1: it broke\); save its text"):
        pdf_text(pdf_samples.pages_pdf(pdf_samples.text_content()), "x.pdf", settings=ROOMY)


def test_the_time_budget_is_a_setting() -> None:
    assert Settings.from_env({}).pdf_seconds == 30
    assert Settings.from_env({"GEOBRIEF_PDF_SECONDS": " 2.5 "}).pdf_seconds == 2.5
    for wrong in ("soon", "0", "-3", "inf", "nan"):
        with pytest.raises(InputError, match="^GEOBRIEF_PDF_SECONDS must be a positive number of seconds"):
            Settings.from_env({"GEOBRIEF_PDF_SECONDS": wrong})
