"""Batches travel in order, with a bounded number in flight."""
from __future__ import annotations

from roledata.pipeline import PendingBatch, ReadBatch, batches, in_order, parse_here
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


def test_pending_batch_puts_ready_results_first():
    assert PendingBatch(["cached"], Done(["parsed"])).result() == ["cached", "parsed"]
    assert PendingBatch(["cached"], None).result() == ["cached"]


def test_batches_cover_every_path_once():
    assert batches(["a", "b", "c", "d", "e"], 2) == [["a", "b"], ["c", "d"], ["e"]]
    assert batches([], 2) == [[]]


def test_small_batches_are_parsed_in_place_unless_dask_was_asked_for(tmp_path):
    local = Settings(tmp_path, tmp_path, workers=2)
    few = ReadBatch([], [("p", b"x", "id")] * 3)
    many = ReadBatch([], [("p", b"x", "id")] * 60)
    assert parse_here(local, few, batch_count=5)
    assert not parse_here(local, many, batch_count=5)
    assert parse_here(local, many, batch_count=1)  # one batch: nothing to overlap with
    assert parse_here(Settings(tmp_path, tmp_path, workers=1), many, batch_count=5)
    assert not parse_here(Settings(tmp_path, tmp_path, workers=2, executor="dask"), few, batch_count=5)
