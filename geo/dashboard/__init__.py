"""What the dashboard pages show, without Streamlit: the view in the URL, the selection on the map, the
presentation view, the articles behind shared links and the Corpus page's merged view.

    state, problems = ViewState.from_params(query_params)
    view = load_view(db_path)

Modules: ``view_state`` (the URL's state), ``selection`` (a place selected on the map), ``present``
(``?view=present``), ``articles`` (shared links' articles and their corrections), ``corpus_view`` (the Corpus
page's data), ``corpus_edits`` (what the analyst changes there), ``store_access`` (opening the store per
request, read-only to read, and its errors without server paths), ``corpus_selection`` (its selected event),
``place_search`` (the place search box), ``table_layout`` (the panels' columns and a row's detail),
``time_axis`` (the Corpus page's time slider and brush), ``startup`` (what the server loads before its first
visitor). Never imports Streamlit: ``app.py`` and ``pages/`` do.

May import: every wing below the pages (ingest, gazetteer, places, events, corpus, maps, exports)
and the core, not ``geo.cli`` nor ``geo.bench``.
"""

from geo.dashboard.articles import (NO_DETAILS, ArticleDetails, delete_place_corrections, load_linked, pasted_article,
                                    save_for_link, save_place_correction)
from geo.dashboard.corpus_edits import (CorrectablePlace, add_articles, correct_event, correctable_places,
                                        correction_rows, delete_grade, join_events, reading_label, save_grade,
                                        save_identity, split_event, stored_judgements, undo_event,
                                        undo_merge_decisions)
from geo.dashboard.corpus_selection import ReportCard, event_label, events_at, join_candidates, report_cards
from geo.dashboard.corpus_view import (ARTICLE_COLUMNS, CORPUS_PLACE_COLUMNS, CORPUS_SOURCE_COLUMNS,
                                       MERGED_EVENT_COLUMNS, CorpusView, article_label, article_rows, load_view,
                                       store_signature, stored_articles)
from geo.dashboard.place_search import found_place_marker, place_label, search_places, search_zoom
from geo.dashboard.present import (PRESENT_CSS, PRESENT_MAP_HEIGHT, filter_description, key_facts_html,
                                   present_steps, shown_brief, steps_html)
from geo.dashboard.selection import (MAP_CLICK_FIELDS, MAP_VIEW_FIELDS, MapReport, clicked_point, event_point,
                                     evidence_html, focus_zoom, place_selection, point_by_key, selection_ring)
from geo.dashboard.table_layout import column_widths, detail_only, row_details, shown_columns
from geo.dashboard.time_axis import (BRUSH, DEFAULT_WINDOW, STEPS, WINDOWS, brushed_range, default_step,
                                     faded_points, nearest_step, next_step, time_steps)
from geo.dashboard.view_state import ViewState, share_url
from geo.dashboard.startup import WarmUp, warm_up

__all__ = [
    "ARTICLE_COLUMNS",
    "BRUSH",
    "CORPUS_PLACE_COLUMNS",
    "CORPUS_SOURCE_COLUMNS",
    "DEFAULT_WINDOW",
    "MAP_CLICK_FIELDS",
    "MAP_VIEW_FIELDS",
    "MERGED_EVENT_COLUMNS",
    "NO_DETAILS",
    "PRESENT_CSS",
    "PRESENT_MAP_HEIGHT",
    "STEPS",
    "WINDOWS",
    "ArticleDetails",
    "CorpusView",
    "CorrectablePlace",
    "MapReport",
    "ReportCard",
    "ViewState",
    "WarmUp",
    "add_articles",
    "article_label",
    "article_rows",
    "brushed_range",
    "clicked_point",
    "column_widths",
    "correct_event",
    "correctable_places",
    "correction_rows",
    "default_step",
    "delete_grade",
    "delete_place_corrections",
    "detail_only",
    "event_label",
    "event_point",
    "events_at",
    "evidence_html",
    "faded_points",
    "filter_description",
    "focus_zoom",
    "found_place_marker",
    "join_candidates",
    "join_events",
    "key_facts_html",
    "load_linked",
    "load_view",
    "nearest_step",
    "next_step",
    "pasted_article",
    "place_label",
    "place_selection",
    "point_by_key",
    "present_steps",
    "reading_label",
    "report_cards",
    "row_details",
    "save_for_link",
    "save_grade",
    "save_identity",
    "save_place_correction",
    "search_places",
    "search_zoom",
    "selection_ring",
    "share_url",
    "shown_brief",
    "shown_columns",
    "split_event",
    "steps_html",
    "store_signature",
    "stored_articles",
    "stored_judgements",
    "time_steps",
    "undo_event",
    "undo_merge_decisions",
    "warm_up",
]
