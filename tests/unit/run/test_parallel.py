"""Parsing a run's batches side by side: batches travel in order with a bounded number in flight,
and small batches are parsed in the run's own process."""
from __future__ import annotations

from roledata.run.parallel import PendingBatch, in_order, parse_here
from roledata.settings import Settings


class Done:
    def __init__(self, value, taken=None):
        self.value = value
        self.taken = taken if taken is not None else []

    def result(self):
        self.taken.append(self.value)
        return self.value


def test_in_order_keeps_order_and_bounds_what_is_in_flight():
    submitted, consumed, taken, in_flight = [], [], [], []

    def submit(item):
        submitted.append(item)
        in_flight.append(len(submitted) - len(taken))  # submitted, result not yet taken
        return Done(item * 10, taken)

    for item, result in in_order(submit, list(range(7)), ahead=3):
        assert result == item * 10
        consumed.append(item)
    assert consumed == list(range(7)) and submitted == list(range(7))
    assert max(in_flight) == 3


def test_pending_batch_gives_what_was_parsed_here_or_elsewhere():
    assert PendingBatch("parsed here").result() == "parsed here"
    assert PendingBatch(None, Done("parsed in a worker")).result() == "parsed in a worker"


def test_small_batches_are_parsed_in_place_unless_dask_was_asked_for(tmp_path):
    local = Settings(tmp_path, tmp_path, workers=2)
    few = [("p", b"x", "id", "key")] * 3
    many = [("p", b"x", "id", "key")] * 60
    assert parse_here(local, few, batch_count=5)
    assert not parse_here(local, many, batch_count=5)
    assert parse_here(local, many, batch_count=1)  # one batch: nothing to overlap with
    assert parse_here(Settings(tmp_path, tmp_path, workers=1), many, batch_count=5)
    assert not parse_here(Settings(tmp_path, tmp_path, workers=2, executor="dask"), few, batch_count=5)
