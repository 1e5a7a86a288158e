"""The command line: ``python -m geo extract | export | ingest | articles | events | reanalyze``.

Modules: ``entry`` (the parser, ``main`` and ``extract``), ``corpus`` (the corpus commands), ``export``.
Bad input exits with code 2 and one line on stderr.

May import: every wing but ``geo.dashboard`` and ``geo.bench``.
"""

from geo.cli.entry import main

__all__ = [
    "main",
]
