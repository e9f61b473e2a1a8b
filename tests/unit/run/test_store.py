"""The row store: checked rows kept between runs as Parquet parts, pruned and merged; a half-written
part is not a part."""
from __future__ import annotations

import pyarrow.parquet as pq

from roledata.extract.document import process_document
from roledata.run.parallel import check_batch
from roledata.run.store import RowStore, document_key


def _kept(store: RowStore, path: str, data: bytes) -> str:
    result = process_document(path, data)
    doc_id = result.document["document_id"]
    key = document_key(doc_id, path)
    store.put(check_batch([result], {doc_id: key}))
    return key


def test_row_store_round_trip_and_prune(tmp_path):
    store = RowStore(tmp_path)
    key = _kept(store, "a.txt", b"Prompt Engineer\nThe Prompt Engineer writes prompts.\n")
    other = _kept(store, "b.txt", b"Data Steward\nThe Data Steward keeps data tidy.\n")
    index = store.index()
    assert set(index) == {key, other} and len(store.parts()) == 2
    [roles] = store.files("role_documents", [index[key]])
    assert pq.read_table(roles).column("title").to_pylist() == ["Prompt Engineer"]
    (tmp_path / "rows" / "an-older-parser").mkdir()
    assert store.prune(live={other}) == 1  # a.txt left the folder: its part goes
    assert set(store.index()) == {other} and not (tmp_path / "rows" / "an-older-parser").exists()


def test_parts_pile_up_then_merge(tmp_path, monkeypatch):
    from roledata.run import store as store_module

    monkeypatch.setattr(store_module, "MERGE_ABOVE", 2)
    store = RowStore(tmp_path)
    keys = [_kept(store, f"p{i}.txt", f"Widget Lead {i}\nThe Widget Lead {i} runs widgets.\n".encode()) for i in range(4)]
    assert len(store.parts()) == 4
    store.prune(live=set(keys[1:]))
    [part] = store.parts()
    assert sorted(store.index()) == sorted(keys[1:])
    titles = pq.read_table(store.files("role_documents", [part])[0]).column("title").to_pylist()
    assert sorted(titles) == ["Widget Lead 1", "Widget Lead 2", "Widget Lead 3"]


def test_a_half_written_part_is_not_a_part(tmp_path):
    store = RowStore(tmp_path)
    (store.root / "role_documents").mkdir(parents=True)
    (store.root / "role_documents" / ".abc.parquet.123.tmp").write_bytes(b"torn")
    (store.root / "role_documents" / "abc.parquet").write_bytes(b"no documents file beside it")
    assert store.parts() == [] and store.index() == {}
