"""Widgets of the dashboard's pages: ``view_controls`` (filters, the view in the URL, Share and
export), ``tables`` (a panel's table), ``brief_state``, ``brief_map`` and ``brief_panels`` (the Brief
page's parts), ``corpus_add`` and ``corpus_panels`` (the Corpus page's). Streamlit calls only: what
they show comes from ``geo``.
"""
