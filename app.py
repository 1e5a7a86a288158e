"""GeoBrief's dashboard: `streamlit run app.py`.

Thin by design: page setup, the offline map assets, navigation and the shared sidebar.
The pages (pages/brief.py, pages/corpus.py, pages/about.py) arrange widgets and call the geo package.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from geo.errors import GeoError
from geo.maps import install_static_assets

APP_DIR = Path(__file__).resolve().parent
FALLBACK_ATTRIBUTION = "Place data: GeoNames (geonames.org), CC BY 4.0."

# Emoji icons only: Streamlit turns them into inline SVG, while a ":material/...:" icon
# as favicon is fetched from a font CDN (offline, a failed request).
st.set_page_config(page_title="GeoBrief", page_icon="🗺️", layout="wide",  # ?view=present: no sidebar
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
