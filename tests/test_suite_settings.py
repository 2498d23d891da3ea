"""The suite's own settings (pyproject.toml's pytest section) hold under what its tests leave running."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def thread_drawing_from_random() -> Iterator[None]:
    """A thread that draws from the global `random`, as Prefect's services and clients do for their jitter."""
    stop = threading.Event()

    def draw() -> None:
        while not stop.is_set():
            random.random()

    thread = threading.Thread(target=draw, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join()


@given(st.lists(st.text(max_size=8), max_size=8))
@settings(max_examples=50, deadline=None)
def test_a_property_test_passes_while_another_thread_draws_from_random(
    thread_drawing_from_random: None, parts: list[str]
) -> None:
    assert all(isinstance(part, str) for part in parts)


@pytest.mark.xdist_group("probe")
def test_a_grouped_test_carries_its_group_to_the_scheduler(request: pytest.FixtureRequest) -> None:
    """Under `--dist loadgroup` a grouped test's id ends in `@GROUP`, which is what sends a group to one
    test process (tests/conftest.py sets it where pytest-xdist's own suffix no longer takes)."""
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("the suite runs in one process (-n0): there are no groups to send")
    assert request.node.nodeid.endswith("@probe")
