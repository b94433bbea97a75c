"""The stores' declared query shapes and the index file Terraform reads are the same list."""

import json
from pathlib import Path

from shared.firestore_queries import QUERIES, TTL_FIELDS, QueryShape

INDEX_FILE = Path(__file__).resolve().parents[2] / "infra" / "firestore" / "indexes.json"


def _data() -> dict:
    return json.loads(INDEX_FILE.read_text())


def _declared_indexes() -> set[tuple[str, tuple[tuple[str, str], ...]]]:
    data = _data()
    found = {
        (i["collection"], tuple((f["field_path"], f["order"]) for f in i["fields"])) for i in data["indexes"]
    }
    for v in data["vector_indexes"]:
        fields = (*((f, "ASCENDING") for f in v["prefilter"]), (v["field_path"], "VECTOR"))
        found.add((v["collection"], fields))
    return found


def test_every_query_shape_has_its_index_in_the_file_terraform_reads() -> None:
    declared = _declared_indexes()
    missing = [
        f"{q.name}: {q.collection}{list(q.index_fields())}"
        for q in QUERIES
        if q.index_fields() and (q.collection, q.index_fields()) not in declared
    ]
    assert not missing, f"add these to {INDEX_FILE}: {missing}"


def test_the_index_file_holds_no_index_that_no_query_needs() -> None:
    needed = {(q.collection, q.index_fields()) for q in QUERIES if q.index_fields()}
    extra = _declared_indexes() - needed
    assert not extra, f"indexes no declared query uses (each costs a write per document): {extra}"


def test_ttl_policies_match_the_fields_the_stores_write() -> None:
    in_file = {(t["collection"], t["field_path"]) for t in _data()["ttl"]}
    assert in_file == {(t.collection, t.field) for t in TTL_FIELDS}


def test_index_rule_puts_equality_first_and_skips_equality_only_queries() -> None:
    assert QueryShape("q", "c", ("a", "b")).index_fields() == ()
    assert QueryShape("q", "c", (), (("t", "DESCENDING"),)).index_fields() == ()  # single field
    assert QueryShape("q", "c", (), (("__name__", "ASCENDING"),)).index_fields() == ()
    shape = QueryShape("q", "c", ("a",), (("t", "DESCENDING"),))
    assert shape.index_fields() == (("a", "ASCENDING"), ("t", "DESCENDING"))
    vector = QueryShape("q", "c", ("a",), vector_field="v")
    assert vector.index_fields() == (("a", "ASCENDING"), ("v", "VECTOR"))


def test_a_missing_index_is_reported_by_name() -> None:
    """The check is not hollow: a shape without an index in the file is found."""
    undeclared = QueryShape("Store.new_query", "jobs", ("tenant",), (("finished_at", "ASCENDING"),))
    assert (undeclared.collection, undeclared.index_fields()) not in _declared_indexes()


def test_no_query_uses_a_field_whose_single_field_index_is_exempted() -> None:
    exempt = {(u["collection"], u["field_path"]) for u in _data()["unindexed"]}
    exempt |= {(t["collection"], t["field_path"]) for t in _data()["ttl"]}
    used = {(q.collection, f) for q in QUERIES for f in (*q.equality, *(o for o, _ in q.order))}
    assert not exempt & used, f"these queries need the index the file exempts: {exempt & used}"
