"""The dashboard's pages, run by app.py's ``st.navigation``: brief.py, corpus.py, about.py.

A page arranges widgets top to bottom as it looks and calls ``geo``; the widgets the pages share,
or that would make a page long, are in ``pages/widgets/`` (a folder, so Streamlit never lists its
files as pages). Nothing here holds logic that could live in ``geo.dashboard``.
"""
