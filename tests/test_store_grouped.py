"""The store's grouped writes (contracts/store.py, "Group commit"): the writes asked for in one
turn of the event loop are committed together, each with its own result, before any of their
requests goes on; a failing write fails alone; and the JSON the store writes is json.dumps'."""

from __future__ import annotations

import asyncio
import json
import math
import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from contracts.apis.kameleoon_data.codec import write_lines
from contracts.mock import MockConfig, build_app
from contracts.store import Store, encode_json, encode_json_each, encode_text_records
from tests.served import post_in_process

API = "kameleoon-data"


def _committed_keys(path: Path) -> set[str]:
    """Keys of the records another connection sees (committed ones only)."""
    with sqlite3.connect(path) as db:
        return _keys_in(db)


def _keys_in(db: sqlite3.Connection) -> set[str]:
    """The keys of the unique records (a batch a row, its keys a JSON array)."""
    rows = db.execute("SELECT record_keys FROM unique_records")
    return {key for (keys,) in rows for key in json.loads(keys)}


def test_the_writes_of_one_turn_share_one_transaction_each_with_its_result(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.sqlite3"
    store = Store(path)
    seen: list[tuple[bool, set[str]]] = []  # per write: the store sees "a"?, what others see

    def look(db: sqlite3.Connection) -> None:
        inside = "a" in _keys_in(db)
        seen.append((inside, _committed_keys(path)))

    async def write(keys: list[str]) -> int:
        stored = await store.insert_unique_grouped(API, "event", [(k, '"v"') for k in keys])
        await store.write_grouped(look)
        return stored

    async def one_turn() -> list[int]:
        results = await asyncio.gather(write(["a", "b"]), write(["b", "c"]), write(["a"]))
        # Committed when the awaits return: another connection sees every key.
        assert _committed_keys(path) == {"a", "b", "c"}
        return results

    try:
        # Asked in the same turn, in this order: the first asker of a key stores it.
        assert asyncio.run(one_turn()) == [2, 1, 0]
    finally:
        store.close()
    # The looks of the next turn, one transaction: each sees "a" written by the turn before,
    # and another connection sees nothing of that transaction before its commit.
    assert seen == [(True, {"a", "b", "c"})] * 3


def test_writes_of_one_turn_are_not_committed_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store = Store(path)
    seen: list[set[str]] = []

    def look(db: sqlite3.Connection) -> None:
        seen.append(_committed_keys(path))

    async def one_turn() -> None:
        await asyncio.gather(
            store.insert_unique_grouped(API, "event", [("a", '"v"')]),
            store.write_grouped(look),
            store.insert_unique_grouped(API, "event", [("b", '"v"')]),
            store.write_grouped(look),
        )

    try:
        asyncio.run(one_turn())
    finally:
        store.close()
    # In the middle of the turn's transaction, nothing of it is visible outside yet.
    assert seen == [set(), set()]
    assert _committed_keys(path) == {"a", "b"}


def test_a_failing_write_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store = Store(path)

    def broken(db: sqlite3.Connection) -> int:
        db.execute("INSERT INTO records (api, kind, key, value, at) VALUES ('x', 'y', 'z', 'v', 0)")
        db.execute("INSERT INTO no_such_table VALUES (1)")
        return 0

    async def one_turn() -> list[Any]:
        return await asyncio.gather(
            store.insert_unique_grouped(API, "event", [("before", '"v"')]),
            store.write_grouped(broken),
            store.insert_unique_grouped(API, "event", [("after", '"v"')]),
            return_exceptions=True,
        )

    try:
        first, failed, last = asyncio.run(one_turn())
    finally:
        store.close()
    assert (first, last) == (1, 1)
    assert isinstance(failed, sqlite3.OperationalError)
    # The failing write's first insert was rolled back with it; the others are committed.
    assert _committed_keys(path) == {"before", "after"}


def test_a_write_whose_request_went_away_is_still_committed(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    store = Store(path)

    async def one_turn() -> int:
        gone = asyncio.ensure_future(store.insert_unique_grouped(API, "event", [("gone", '"v"')]))
        stays = asyncio.ensure_future(store.insert_unique_grouped(API, "event", [("stay", '"v"')]))
        await asyncio.sleep(0)  # both asked
        gone.cancel()
        return await stays

    try:
        assert asyncio.run(one_turn()) == 1
    finally:
        store.close()
    assert _committed_keys(path) == {"gone", "stay"}


def test_two_retries_in_one_turn_store_the_events_once(tmp_path: Path) -> None:
    """Nonces are unique to each event (kameleoon-data-visit-events-openapi.txt:108-110): the
    same body sent twice at once, its two requests grouped in one commit, is stored once; one
    answer counts the events stored, the other counts them duplicates."""
    path = tmp_path / "mock.sqlite3"
    store = Store(path)
    app = build_app(MockConfig(apis=(API,), db=str(path)), store)
    events = [
        {"nonce": "d2ce4d22083348fb", "eventType": "PAGE", "href": "https://a.example/"},
        {"nonce": "b0a4253d8acd01c7", "eventType": "PAGE", "href": "https://b.example/"},
    ]
    body = write_lines(events).encode()

    async def send() -> dict[bytes, bytes]:
        query = b"siteCode=s&visitorCode=v"
        status, headers = await post_in_process(app, "/visit/events", query, body)
        assert status == 202
        return headers

    async def both() -> list[dict[bytes, bytes]]:
        return await asyncio.gather(send(), send())

    try:
        answers = asyncio.run(both())
        stored = store.records(API, "event")
    finally:
        store.close()
    counts = sorted(
        (a[b"x-contract-events-stored"], a[b"x-contract-events-duplicate"]) for a in answers
    )
    assert counts == [(b"0", b"2"), (b"2", b"0")]
    assert sorted(value["nonce"] for _, value in stored) == sorted(e["nonce"] for e in events)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and the infinities included: json.dumps writes them
    | st.text(st.characters(codec=None)),  # lone surrogates included
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(JSON_VALUES)
def test_the_store_writes_the_json_json_dumps_writes(value: Any) -> None:
    """The store's encoder (the C encoder built once) gives json.dumps' compact text."""
    assert encode_json(value) == json.dumps(value, separators=(",", ":"))


# Text made of the separator encode_json_each puts between values, and of what surrounds it.
SEPARATOR_LIKE = st.sampled_from(["\ufdd0", '"\ufdd0"', ',"\ufdd0",']) | st.text(
    st.sampled_from(["\ufdd0", ",", '"', "\\", "u", "a"]), max_size=8
)
NEAR_SEPARATOR = st.recursive(
    SEPARATOR_LIKE,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(SEPARATOR_LIKE, inner, max_size=3),
    max_leaves=8,
)


@given(st.lists(JSON_VALUES | NEAR_SEPARATOR, max_size=6))
def test_encoding_values_together_gives_each_ones_text(values: list[Any]) -> None:
    """Property: encode_json_each (one encoder call for a batch) gives, for every list of values,
    including values holding its separator, exactly encode_json of each value."""
    assert encode_json_each(values) == [encode_json(value) for value in values]


TEXT = st.text(st.characters(codec=None)) | st.text(st.sampled_from('a"\\/\x00\x1f\x7f\u2028é'))


# Text around where encode_text_records splits a batch: its separator alone or within text, quotes,
# braces, empty names and values, and empty dicts among the others.
NEAR_BOUNDARY = st.lists(
    st.sampled_from(['"},{"', "},{", '"', "{}", "}", ",", "a", "\x1f", ',"\\u001f",']), max_size=4
).map("".join)


@given(
    st.lists(st.dictionaries(TEXT | NEAR_BOUNDARY, TEXT | NEAR_BOUNDARY, max_size=5), max_size=6)
)
@example([{"a": "\x1f"}, {"\x1f": "b"}, {}, {"c": ',"\\u001f",'}])  # its separator, inside
def test_text_records_are_written_as_json_dumps_writes_them(values: list[dict[str, str]]) -> None:
    """Property: encode_text_records (orjson where its text is json.dumps', one call for the
    batch) gives encode_json's text for every flat dict of text: DEL, non-ASCII, lone
    surrogates, its separator within the records, empty dicts."""
    assert encode_text_records(values) == [encode_json(value) for value in values]


def test_a_value_json_cannot_write_is_refused_as_json_dumps_refuses_it() -> None:
    with pytest.raises(TypeError):
        encode_json({"a": object()})
    assert encode_json({"x": math.inf}) == '{"x":Infinity}'


RECORDS = st.lists(st.tuples(st.sampled_from("abcdefgh"), st.integers(0, 9)), max_size=40)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batches=st.lists(RECORDS | st.builds(lambda n: [(f"k{i}", i) for i in range(n)],
                                            st.integers(250, 700)), max_size=3))  # fmt: skip
def test_unique_inserts_keep_the_first_of_each_key_in_order(
    tmp_path: Path, batches: list[list[tuple[str, int]]]
) -> None:
    """Property: insert_unique (several rows per statement, in chunks) stores, of every key, the
    first record given, in the order given, and counts the new keys; as a dict kept by hand
    would. Batches of hundreds of records cross the chunk sizes."""
    store = Store(tmp_path / f"{uuid.uuid4().hex}.sqlite3")
    model: dict[str, int] = {}
    for batch in batches:
        new = {key: value for key, value in reversed(batch) if key not in model}
        assert store.insert_unique(API, "event", batch) == len(new)
        model.update((key, value) for key, value in batch if key not in model)
    assert store.records(API, "event") == list(model.items())
    store.close()


APIS = [API, "other"]
STEPS = st.lists(
    st.tuples(st.sampled_from(["first", "second"]), st.sampled_from(APIS),
              RECORDS | st.sampled_from(["reset", "reset all"])),
    max_size=12,
)  # fmt: skip


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=STEPS)
def test_two_handles_on_one_file_store_each_key_once(
    tmp_path: Path, steps: list[tuple[str, str, list[tuple[str, int]] | str]]
) -> None:
    """Property: two handles on one store file (two workers of a mock) inserting, and resetting
    one API or all, in any order, store each key of an API once (the first record given) and
    count the new ones, as one dict per API kept by hand would; both read the same records."""
    path = tmp_path / f"{uuid.uuid4().hex}.sqlite3"
    handles = {"first": Store(path), "second": Store(path)}
    model: dict[str, dict[str, int]] = {api: {} for api in APIS}
    for handle, api, step in steps:
        store = handles[handle]
        if step == "reset":
            store.reset(api)
            model[api] = {}
        elif step == "reset all":
            store.reset()
            model = {api: {} for api in APIS}
        else:
            assert not isinstance(step, str)
            stored = model[api]
            new = {key for key, _ in step if key not in stored}
            assert store.insert_unique(api, "event", step) == len(new)
            stored.update((key, value) for key, value in step if key not in stored)
    for api in APIS:
        for store in handles.values():
            assert store.records(api, "event") == list(model[api].items())
            assert store.count(api, "event") == len(model[api])
    for store in handles.values():
        store.close()


def test_a_write_rolled_back_leaves_no_key_behind(tmp_path: Path) -> None:
    """A batch whose insert fails (a key that is no text) stores nothing, and its keys are not
    taken for stored: the same keys sent again are new."""
    store = Store(tmp_path / "store.sqlite3")
    with pytest.raises((TypeError, sqlite3.Error)):
        store.insert_unique(API, "event", [("a", 1), (object(), 2)])  # type: ignore[list-item]
    assert store.insert_unique(API, "event", [("a", 1)]) == 1
    assert store.records(API, "event") == [("a", 1)]
    store.close()


def test_records_of_both_kinds_of_write_are_read_together(tmp_path: Path) -> None:
    """A kind written by put and by insert_unique: records (oldest first, across both), count
    and get read both. (The pauses keep the three writes' times apart: ties go to put's.)"""
    store = Store(tmp_path / "store.sqlite3")
    store.insert_unique(API, "event", [("unique-1", {"n": 1}), ("unique-2", {"n": 2})])
    time.sleep(0.002)
    store.put(API, "event", "by-put", {"n": 3})
    time.sleep(0.002)
    store.insert_unique(API, "event", [("unique-3", {"n": 4})])
    assert [key for key, _ in store.records(API, "event")] == [
        "unique-1", "unique-2", "by-put", "unique-3"
    ]  # fmt: skip
    assert store.count(API, "event") == 4
    assert store.get(API, "event", "unique-2") == {"n": 2}
    assert store.get(API, "event", "by-put") == {"n": 3}
    assert store.get(API, "event", "neither") is None
    store.close()
