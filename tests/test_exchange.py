"""The request form the rules read (contracts/exchange.py)."""

from __future__ import annotations

from urllib.parse import parse_qs

from hypothesis import given
from hypothesis import strategies as st

from contracts.exchange import parse_query

# Queries of the characters that matter to parse_qs (separators, escapes, '+', blanks), and
# queries of pairs from a few names, so that names repeat.
PAIRS = st.lists(
    st.tuples(st.sampled_from(["a", "b", "", "a%20"]), st.sampled_from(["", "=", "=1", "=x=y"])),
    max_size=6,
).map(lambda pairs: "&".join(name + value for name, value in pairs))
QUERIES = PAIRS | st.text(
    st.sampled_from("ab=&%2B+; é") | st.characters(codec="utf-8"), max_size=30
)


@given(QUERIES)
def test_a_query_parses_as_parse_qs_parses_it(query: str) -> None:
    """Property: parse_query (a direct split when nothing is escaped) gives parse_qs' result, with
    blank values kept, for every query."""
    assert parse_query(query) == parse_qs(query, keep_blank_values=True)


def test_the_common_query_takes_the_direct_split() -> None:
    assert parse_query("siteCode=s&visitorCode=v&json=&x") == {
        "siteCode": ["s"], "visitorCode": ["v"], "json": [""], "x": [""]
    }  # fmt: skip
