"""``python -m geo.gazetteer build|path``: build the offline index ahead of time, or say where it is."""

from geo.gazetteer.index import main

raise SystemExit(main())
