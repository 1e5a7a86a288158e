"""Reading articles: pasted text, files (.txt, .md, .html, .pdf), web pages and feeds, to a clean ``Article``.

    article = article_from_text(text, published=date(2023, 11, 9))
    article = read_path("report.pdf")                # or article_from_upload(name, data)
    article = read_url("https://example.org/story")  # fetched under a FetchPolicy

Modules: ``text`` (decoding and cleaning), ``files`` (by extension), ``webpage`` (trafilatura),
``pdf`` (pypdf), ``fetch`` (URLs and RSS/Atom feeds, with the address checks).

May import: the core (``geo.errors``, ``geo.model``, ``geo.settings``). Nothing that analyses.
"""

from geo.ingest.fetch import FeedEntry, FetchPolicy, read_url
from geo.ingest.header import ArticleHeader, outlet_of, parse_header_date, split_header
from geo.ingest.files import SUPPORTED_SUFFIXES, article_from_upload, markdown_to_text, read_path
from geo.ingest.text import SAMPLE_ARTICLE_PATH, article_from_text, clean_text, decode_bytes, guess_title, load_sample

__all__ = [
    "SAMPLE_ARTICLE_PATH",
    "SUPPORTED_SUFFIXES",
    "ArticleHeader",
    "FeedEntry",
    "FetchPolicy",
    "article_from_text",
    "article_from_upload",
    "clean_text",
    "decode_bytes",
    "guess_title",
    "load_sample",
    "markdown_to_text",
    "outlet_of",
    "parse_header_date",
    "read_path",
    "read_url",
    "split_header",
]
