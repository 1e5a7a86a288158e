"""geo.dashboard.startup: what the server loads before its first visitor."""

from __future__ import annotations

import sys

from geo.dashboard.startup import WarmUp, warm_up
from geo.nlp import _load


def test_warm_up_loads_the_model_and_names_each_step() -> None:
    done = warm_up()
    assert [name for name, _ in done.steps] == ["language model", "gazetteer and the sample's analysis",
                                                "map templates", "the brief's grading"]
    assert "geo.corpus.grading" in sys.modules  # loaded before the first visitor's brief needs it
    assert all(seconds >= 0 for _, seconds in done.steps)
    assert _load.cache_info().currsize >= 1  # the pipeline is held for the page's first run


def test_the_summary_adds_up_the_steps() -> None:
    done = WarmUp((("language model", 1.25), ("map templates", 0.5)))
    assert done.total == 1.75
    assert done.summary() == "loaded in 1.8 s (language model 1.2 s, map templates 0.5 s)"
