"""GeoBrief's dashboard: `python app.py [streamlit options]` (what `make run` does), or `streamlit run app.py`.

Thin by design: page setup, the offline map assets, navigation and the shared sidebar.
The pages (pages/brief.py, pages/corpus.py, pages/about.py) arrange widgets and call the geo package.
Started as `python app.py`, it first loads the language model, the gazetteer and the map's templates
(geo.dashboard.startup), then runs the Streamlit server in the same process, so that the first
visitor does not wait for them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geo.errors import GeoError
from geo.maps import install_static_assets

APP_DIR = Path(__file__).resolve().parent
FALLBACK_ATTRIBUTION = "Place data: GeoNames (geonames.org), CC BY 4.0."


def serve(options: list[str]) -> int:
    """Warm up, then ``streamlit run`` this file with ``options``, in this process."""
    from streamlit.web import cli

    from geo.dashboard import warm_up

    print(f"GeoBrief: language model, gazetteer and map {warm_up().summary()}", file=sys.stderr, flush=True)
    try:  # pages/ holds st.navigation's pages: never run one as a legacy page (a first visit to /corpus would)
        from streamlit.runtime.pages_manager import PagesManager

        PagesManager.uses_pages_directory = False
    except (ImportError, AttributeError):  # another Streamlit: st.navigation decides from the first run on
        pass
    sys.argv = ["streamlit", "run", str(Path(__file__).resolve()), *options]
    return int(cli.main() or 0)


if __name__ == "__main__" and get_script_run_ctx(suppress_warning=True) is None:  # `python app.py`, not a page run
    raise SystemExit(serve(sys.argv[1:]))

# The icon is a file: an emoji makes Streamlit load its emoji table on the first page view (0.26 s),
# and a ":material/...:" icon is fetched from a font CDN (offline, a failed request).
st.set_page_config(page_title="GeoBrief", page_icon=str(APP_DIR / "assets" / "favicon.png"), layout="wide",
                   initial_sidebar_state="collapsed" if st.query_params.get("view") == "present" else "auto")

try:
    install_static_assets(APP_DIR / "static")
except GeoError as exc:
    st.warning(f"The map may stay blank: {exc}")


def _attribution() -> str:
    try:
        from geo.gazetteer import ATTRIBUTION
    except ImportError:
        return FALLBACK_ATTRIBUTION
    return str(ATTRIBUTION)


navigation = st.navigation(
    [
        st.Page(APP_DIR / "pages" / "brief.py", title="Brief", default=True),
        st.Page(APP_DIR / "pages" / "corpus.py", title="Corpus", url_path="corpus"),
        st.Page(APP_DIR / "pages" / "about.py", title="About", url_path="about"),
    ]
)

with st.sidebar:
    st.caption("GeoBrief turns a conflict news article into a map of places, attacks, "
               "responses and the sources cited. Everything runs offline.")
    st.caption(_attribution())

navigation.run()
