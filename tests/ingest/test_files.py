"""Files to articles: .txt, .md, .html and .pdf (geo.ingest.files)."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from geo.errors import InputError
from geo.ingest import (article_from_text, article_from_upload, clean_text, decode_bytes, guess_title, markdown_to_text,
                        read_path)
from geo.settings import Settings


def test_sample_boilerplate_and_credit_are_removed(sample_text: str) -> None:
    article = article_from_text(sample_text)
    assert "Please enter" not in article.text
    assert "Credit:" not in article.text
    assert article.credits == ("US Department of Defense",)
    assert article.title == "US Takes Responsibility for Strikes in Syria Targeting Iranian-Backed Groups"
    assert article.text.startswith(article.title)
    assert article.text.rstrip().endswith("volatile Middle East.")


@pytest.mark.parametrize(
    "line",
    [
        "Share this:",
        "Click to share on Twitter (Opens in new window)",
        "Sign up for our newsletter to get the latest news",
        "You have entered an incorrect email address!",
        "Advertisement",
        "© 2023 Example Media. All rights reserved.",
    ],
)
def test_boilerplate_lines_are_dropped(line: str) -> None:
    body = "Rockets hit the town of Sderot on Monday, officials said.\n"
    cleaned, _ = clean_text(f"{body}\n{line}\nMore of the story follows here, police said.")
    assert line not in cleaned
    assert "Sderot" in cleaned and "More of the story" in cleaned


def test_comment_section_tail_is_cut() -> None:
    story = "Shelling killed three people in Kharkiv, the governor said.\n" * 5
    cleaned, _ = clean_text(story + "\nLeave a Reply\nGreat article, John from Paris wrote.\n")
    assert "John from Paris" not in cleaned
    assert cleaned.count("Kharkiv") == 5


def test_credit_variants() -> None:
    text = "Photo: Reuters/John Smith\nA drone struck Odesa.\n(Image credit: AFP)\nThe port was hit."
    cleaned, credits = clean_text(text)
    assert credits == ["Reuters/John Smith", "AFP"]
    assert cleaned == "A drone struck Odesa.\nThe port was hit."


def test_guess_title() -> None:
    assert guess_title("Headline Here\n\nBody text.") == "Headline Here"
    assert guess_title("A sentence that ends.\n\nBody.") is None
    assert guess_title("Only one line") is None


@pytest.mark.parametrize("text", ["", "   \n\t  ", "!!! ??? ..."])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(InputError, match="empty|no words"):
        article_from_text(text)


def test_too_long_text_is_refused() -> None:
    with pytest.raises(InputError, match="limit is 1,000"):
        article_from_text("word " * 300, settings=Settings(max_text_chars=1000))


def test_decode_bytes_variants() -> None:
    assert decode_bytes("Zürich".encode("utf-8")) == "Zürich"
    assert decode_bytes(codecs.BOM_UTF8 + b"Aleppo") == "Aleppo"
    assert decode_bytes("Homs".encode("utf-16")) == "Homs"
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match=r"not UTF-8 text \(invalid byte 0xe9"):
        decode_bytes("café in Beirut".encode("latin-1"))


def test_upload_checks_extension_and_content() -> None:
    with pytest.raises(InputError, match=r"Unsupported file type \(\.docx\)"):
        article_from_upload("report.docx", b"PK\x03\x04")
    with pytest.raises(InputError, match="empty"):
        article_from_upload("a.txt", b"  \n")
    article = article_from_upload("a.md", b"# Strike on Kherson\n\nA **drone** hit [Kherson](http://x).\n")
    assert article.title == "Strike on Kherson"
    assert "**" not in article.text and "http://x" not in article.text
    assert "A drone hit Kherson." in article.text


def test_markdown_to_text_keeps_prose() -> None:
    text, title = markdown_to_text("## Title\n\n> quoted `code` and *emphasis*\n- item one\n")
    assert title == "Title"
    assert text.split("\n") == ["Title", "", "quoted code and emphasis", "item one", ""]


def test_html_upload_extracts_main_text() -> None:
    paragraph = "Israeli air strikes hit the city of Khan Younis on Tuesday, the health ministry said. " * 3
    html = f"""<html><head><title>Strikes on Khan Younis</title><meta charset="utf-8">
    <script>alert('x')</script><style>p {{color: red}}</style></head>
    <body><nav>Home | World | Sport</nav><article><h1>Strikes on Khan Younis</h1>
    <p>{paragraph}</p><p>{paragraph}</p></article>
    <footer>Please enter your comment! Copyright 2023</footer></body></html>"""
    article = article_from_upload("page.html", html.encode())
    assert "Khan Younis" in article.text
    assert "alert(" not in article.text and "color: red" not in article.text
    assert "Home | World" not in article.text
    assert article.title == "Strikes on Khan Younis"


def test_html_without_text_is_refused() -> None:
    with pytest.raises(InputError, match="No article text"):
        article_from_upload("empty.html", b"<html><body><script>var a=1;</script></body></html>")


def test_read_path_errors(tmp_path) -> None:
    with pytest.raises(InputError, match="No such file"):
        read_path(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="folder"):
        read_path(tmp_path)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")  # .pdf is read since PDF support came
    with pytest.raises(InputError, match="Unsupported"):
        read_path(tmp_path / "notes.docx")
    (tmp_path / "ok.txt").write_text("Clashes in Tripoli killed four people.", encoding="utf-8")
    assert read_path(tmp_path / "ok.txt").text == "Clashes in Tripoli killed four people."


# -- PDF (geo.ingest.pdf): PDFs made here with pypdf, never downloaded --------------------------------------


def _blank_pdf(encrypt: str | None = None) -> bytes:
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    if encrypt:
        writer.encrypt(encrypt, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_upload_reads_text_and_title() -> None:
    from tests.corpus_helpers import pdf_bytes

    data = pdf_bytes(["A drone hit Kherson on Tuesday, the governor said.", "Two people were killed."],
                     title="Drone strike on Kherson")
    article = article_from_upload("strike.pdf", data)
    assert article.title == "Drone strike on Kherson"
    assert "A drone hit Kherson on Tuesday, the governor said." in article.text
    assert "Two people were killed." in article.text


def test_pdf_file_is_read_from_disk(tmp_path) -> None:
    from tests.corpus_helpers import pdf_bytes

    path = tmp_path / "Report.PDF"
    path.write_bytes(pdf_bytes(["Shelling hit Kharkiv overnight."]))
    article = read_path(path)
    assert article.text == "Shelling hit Kharkiv overnight."
    assert article.title == "Report" and article.published is None  # no metadata: the file names it


def test_a_pdfs_metadata_dates_it_unless_its_clock_was_wrong() -> None:
    from tests.corpus_helpers import pdf_bytes

    lines = ["Shelling hit Kharkiv overnight."]
    assert article_from_upload("a.pdf", pdf_bytes(lines, created="D:20240503120000Z")).published == date(2024, 5, 3)
    assert article_from_upload("a.pdf", pdf_bytes(lines, created="D:29990101000000Z")).published is None
    typed = article_from_upload("a.pdf", pdf_bytes(lines, created="D:20240503120000Z"), published=date(2024, 5, 4))
    assert typed.published == date(2024, 5, 4)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"just some text, not a PDF", "not a PDF file"),
        (b"%PDF-1.7\n%%garbage with no objects", "cannot be read as a PDF"),
        (None, "no text layer"),
        ("encrypted", "encrypted"),
    ],
)
def test_bad_pdfs_are_refused_in_one_line(data: bytes | str | None, message: str) -> None:
    if data is None:
        data = _blank_pdf()
    elif data == "encrypted":
        data = _blank_pdf(encrypt="secret")
    with pytest.raises(InputError, match=message) as caught:
        article_from_upload("article.pdf", data)
    assert "\n" not in str(caught.value)
