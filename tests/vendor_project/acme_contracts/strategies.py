"""Hypothesis strategies for create-order bodies: valid ones, every limit at and one past it, and
invalid ones breaking exactly one rule (of `rules.RULES`, or a keyword of the spec's schema)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from contracts.vendor import Sample, StrategiesRoom

skus = st.from_regex(r"[A-Z0-9]{3,12}", fullmatch=True)
quantities = st.integers(min_value=1, max_value=100)
addresses = st.text(min_size=1, max_size=40)


def orders() -> st.SearchStrategy[dict[str, Any]]:
    standard = st.fixed_dictionaries(
        {"sku": skus, "quantity": quantities},
        optional={"delivery": st.just("standard"), "address": addresses},
    )
    express = st.fixed_dictionaries(
        {"sku": skus, "quantity": quantities, "delivery": st.just("express"), "address": addresses}
    )
    return standard | express


def valid_samples() -> st.SearchStrategy[Sample]:
    return orders().map(Sample)


def all_boundary_samples() -> list[Sample]:
    """Each limit of the page (lines 14 and 16) at and one past it."""
    return [
        Sample({"sku": "AB1", "quantity": 1}, note="shortest sku, fewest items"),
        Sample({"sku": "ABCDEFGHIJ12", "quantity": 100}, note="longest sku, most items"),
        Sample({"sku": "AB", "quantity": 1}, "pattern", "sku", "sku of 2 characters"),
        Sample({"sku": "ABCDEFGHIJ123", "quantity": 1}, "pattern", "sku", "sku of 13 characters"),
        Sample({"sku": "AB1", "quantity": 0}, "minimum", "quantity", "no items"),
        Sample({"sku": "AB1", "quantity": 101}, "maximum", "quantity", "101 items"),
    ]


def boundary_samples() -> st.SearchStrategy[Sample]:
    return st.sampled_from(all_boundary_samples())


def invalid_sample_kinds() -> Mapping[str, st.SearchStrategy[Sample]]:
    no_address = (
        orders()
        .map(lambda body: {**body, "delivery": "express"})
        .map(lambda body: {key: value for key, value in body.items() if key != "address"})
    )
    not_json = st.sampled_from([b"{", b"sku=AB1&quantity=1", b'{"sku": "AB1",}'])
    return {
        "express_needs_address": no_address.map(
            lambda body: Sample(body, "express_needs_address", "address")
        ),
        "body_json": not_json.map(lambda body: Sample(body, "body_json", "body")),
    }


def invalid_samples() -> st.SearchStrategy[Sample]:
    return st.one_of(*invalid_sample_kinds().values())


ROOM = StrategiesRoom(
    valid_samples=valid_samples,
    boundary_samples=boundary_samples,
    invalid_samples=invalid_samples,
    all_boundary_samples=all_boundary_samples,
    invalid_sample_kinds=invalid_sample_kinds,
)
