"""What the dashboard pages show, without Streamlit: the view in the URL, the selection on the map, the
presentation view, the articles behind shared links and the Corpus page's merged view.

    state, problems = ViewState.from_params(query_params)
    view = load_view(db_path)

Modules: ``view_state`` (the URL's state), ``selection`` (a place selected on the map),
``present`` (``?view=present``), ``articles`` (shared links' articles and their corrections),
``corpus_view`` (the Corpus page's data), ``place_search`` (the place search box), ``table_layout`` (the
panels' columns and a row's detail), ``time_axis`` (the Corpus page's time slider and brush), ``startup`` (what
the server loads before its first visitor). Never imports Streamlit: ``app.py`` and ``pages/`` do.

May import: every wing below the pages (ingest, gazetteer, places, events, corpus, maps, exports)
and the core, not ``geo.cli`` nor ``geo.bench``.
"""

from geo.dashboard.articles import (NO_DETAILS, ArticleDetails, delete_place_corrections, load_linked, pasted_article,
                                    save_for_link, save_place_correction)
from geo.dashboard.corpus_view import (ARTICLE_COLUMNS, CORPUS_PLACE_COLUMNS, CORPUS_SOURCE_COLUMNS,
                                       MERGED_EVENT_COLUMNS, CorpusView, CorrectablePlace, article_label, article_rows,
                                       correctable_places, load_view, reading_label, store_signature, stored_articles)
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
    "BRUSH",
    "DEFAULT_WINDOW",
    "STEPS",
    "WINDOWS",
    "brushed_range",
    "default_step",
    "faded_points",
    "nearest_step",
    "next_step",
    "time_steps",
    "column_widths",
    "detail_only",
    "row_details",
    "shown_columns",
    "NO_DETAILS",
    "ArticleDetails",
    "pasted_article",
    "present_steps",
    "shown_brief",
    "steps_html",
    "ARTICLE_COLUMNS",
    "CORPUS_PLACE_COLUMNS",
    "CORPUS_SOURCE_COLUMNS",
    "MAP_CLICK_FIELDS",
    "MAP_VIEW_FIELDS",
    "MERGED_EVENT_COLUMNS",
    "PRESENT_CSS",
    "PRESENT_MAP_HEIGHT",
    "CorpusView",
    "CorrectablePlace",
    "MapReport",
    "ViewState",
    "WarmUp",
    "article_label",
    "article_rows",
    "clicked_point",
    "correctable_places",
    "delete_place_corrections",
    "event_point",
    "evidence_html",
    "filter_description",
    "focus_zoom",
    "found_place_marker",
    "key_facts_html",
    "load_linked",
    "load_view",
    "place_label",
    "place_selection",
    "point_by_key",
    "reading_label",
    "save_for_link",
    "save_place_correction",
    "search_places",
    "search_zoom",
    "selection_ring",
    "share_url",
    "store_signature",
    "stored_articles",
    "warm_up",
]
