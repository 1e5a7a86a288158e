"""The About page: what GeoBrief does, how to read the map, and the data it relies on."""

from __future__ import annotations

import streamlit as st

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
GeoNames, the map library is served by this app, and the basemap is a set of country
outlines. OpenStreetMap tiles can be switched on in the layer menu when a network is available.

**Limits**

Automatic extraction makes mistakes: a place may be resolved to the wrong town of the same
name, an event may miss its location ("location unknown"), and a source may be attributed
too broadly. Treat the brief as a reading aid, not as verified fact.
"""
)
