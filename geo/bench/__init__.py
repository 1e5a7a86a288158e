"""Measuring GeoBrief: the evaluations on the public benchmarks and the labelled events, the speed
and memory benchmarks, and the ranking weights' fit. Each is a command that prints figures:
``python -m geo.bench.eval``, ``eval_events``, ``gazetteer``, ``corpus``, ``scale``, ``mapping``,
``exports``, ``ranker_fit``.

May import: everything in ``geo``, the modules inside a wing too (it measures them). Nothing imports it
but the tests.
"""

__all__: list[str] = []
