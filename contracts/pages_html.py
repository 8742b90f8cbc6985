"""Vendor pages as HTML with a line anchor on every line (`id="PAGE-L123"`), so that a rule's page
line in a report is one click away; and links to those anchors."""

from __future__ import annotations

import html
import re

from .coverage_docs import page_lines


def page_id(page: str) -> str:
    """The anchor prefix of a page: its file name without the extension, in safe characters."""
    stem = page.rsplit(".", 1)[0] if "." in page else page
    return re.sub(r"[^A-Za-z0-9_-]", "-", stem)


def line_anchor(doc: str) -> str:
    """`#PAGE-L123` for PAGE:LINE (`#PAGE` for a page alone); empty for nothing."""
    page, _, line = doc.partition(":")
    if not page:
        return ""
    return f"#{page_id(page)}-L{line}" if line.isdigit() else f"#{page_id(page)}"


def doc_link(doc: str, short: bool = False) -> str:
    """A link to PAGE:LINE showing it (`short`: `L123` alone, where the page is said around), or
    a dash."""
    if not doc:
        return "<span class='muted'>-</span>"
    page, _, line = doc.partition(":")
    if short and line:
        shown = f"L{html.escape(line)}"
    else:
        shown = f"{html.escape(page)}:{html.escape(line)}" if line else html.escape(page)
    return f"<a class='doc' href='{line_anchor(doc)}'>{shown}</a>"


def render_page(page: str, cited: set[int]) -> str:
    """A page as numbered lines, each with its anchor; the lines the contract cites marked."""
    ident = page_id(page)
    rows = []
    # Line numbers come from a CSS counter: one short element per line keeps the report small.
    for number, text in enumerate(page_lines(page), start=1):
        mark = " class=c" if number in cited else ""
        rows.append(f"<i id={ident}-L{number}{mark}>{html.escape(text)}</i>")
    body = "\n".join(rows) or "<span class='muted'>(the page file cannot be read)</span>"
    return (
        f"<details class='page' id='{ident}'><summary>{html.escape(page)} "
        f"<span class='muted'>({len(rows)} lines, {len(cited)} cited)</span></summary>"
        f"<pre class='pagetext'>{body}</pre></details>"
    )
