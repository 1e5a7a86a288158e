"""Reading articles: pasted text, files (.txt, .md, .html, .pdf), web pages and feeds, to a clean ``Article``.

    article = article_from_text(text, published=date(2023, 11, 9))
    article = read_path("report.pdf")                # or article_from_upload(name, data)
    article = read_url("https://example.org/story")  # fetched under a FetchPolicy

Modules: ``text`` (decoding and cleaning), ``header`` (a file's front matter), ``files`` (by
extension), ``webpage`` (trafilatura), ``pdf`` (pypdf, in a worker process under a time and memory
budget), ``fetch`` (URLs and RSS/Atom feeds, the first 500 entries of a feed), ``connection`` (one
deadline over a whole fetch, the connection pinned to the checked address) and ``addresses`` (no
address that is not globally routable, however IPv6 wraps it).

May import: the core (``geo.errors``, ``geo.model``, ``geo.settings``, ``geo.characters``). Nothing that
analyses.
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
