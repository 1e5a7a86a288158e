"""The command line: ``python -m geo extract | export | ingest | articles | events | reanalyze | gazetteer | place``.

Modules: ``entry`` (the parser, ``main`` and ``extract``), ``corpus`` (the corpus commands), ``interrupts``
(a Ctrl-C no library can swallow), ``export``, ``gazetteer`` (adding GeoNames files, looking a place up).
Bad input exits with code 2 and one line on stderr.

May import: every wing but ``geo.dashboard`` and ``geo.bench``.
"""

from geo.cli.entry import main

__all__ = [
    "main",
]
