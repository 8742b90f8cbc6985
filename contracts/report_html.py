"""report.html: one self-contained file (no network, no external CSS or JS) a person reads on any
screen, for `contracts check`, `fuzz` and `verify`.

What it shows, in order: the verdict and one line of numbers; per API and edition the contract's
coverage (every rule with its page line, the probes that kept and broke it, how the service
answered those that broke it, its verdict; rules never exercised first and marked; the spec's
constraints at and past their limit; documented statuses seen or not; the variants sent, for the
data API's event types); the failures grouped by rule, each with its request, the answer, what
the contract expected and the page's own words, and a curl; the vendor pages of the APIs in the
run, each line anchored (`#PAGE-L123`). A small inline script filters rules and failures by text
and opens a page when a link points into it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field

from .coverage_docs import quote
from .pages_html import doc_link, render_page
from .results import Coverage, Finding

BODY_SHOWN = 1500  # characters of a request body shown (the curl carries it whole, up to 2000)

STYLE = """
:root { --bad: #b3261e; --badbg: #fdecea; --warn: #8a5a00; --warnbg: #fff4d6; --ok: #1e6b30;
  --okbg: #e8f5ea; --muted: #666; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
  padding: 1rem; max-width: 1100px; color: #1d1d1d; }
h1 { font-size: 1.5rem; margin: .2rem 0; } h2 { font-size: 1.25rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.FAILED { color: var(--bad); } .passed { color: var(--ok); }
.muted { color: var(--muted); } .small { font-size: .85rem; }
nav a { margin-right: 1rem; }
.chips { display: flex; flex-wrap: wrap; gap: .4rem; margin: .5rem 0; padding: 0; }
.chips li { list-style: none; border: 1px solid var(--line); border-radius: 1rem;
  padding: .15rem .7rem; font-size: .9rem; background: #fafafa; }
.chips li.bad { background: var(--badbg); border-color: #f1b0aa; }
.chips li.warn { background: var(--warnbg); border-color: #f0d58a; }
.chips li.ok { background: var(--okbg); border-color: #b6dcbd; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .45rem; text-align: left;
  vertical-align: top; }
th { background: #f3f3f3; position: sticky; top: 0; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.never td { background: var(--warnbg); } tr.failed td { background: var(--badbg); }
.verdict { font-weight: 600; white-space: nowrap; }
tr.failed .verdict { color: var(--bad); } tr.never .verdict { color: var(--warn); }
tr.ok .verdict { color: var(--ok); }
.statement { display: block; color: var(--muted); font-size: .82rem; }
.rule { font-family: ui-monospace, monospace; font-size: .85rem; word-break: break-word; }
a.doc { font-family: ui-monospace, monospace; font-size: .8rem; white-space: nowrap; }
.callout { border-left: 4px solid var(--warn); background: var(--warnbg); padding: .5rem .8rem;
  margin: .6rem 0; }
.callout.bad { border-color: var(--bad); background: var(--badbg); }
input[type=search] { width: 100%; max-width: 28rem; font-size: 1rem; padding: .45rem .6rem;
  border: 1px solid #aaa; border-radius: .4rem; }
article.finding { border: 1px solid #f1b0aa; border-left: 5px solid var(--bad);
  border-radius: .3rem; padding: .6rem .8rem; margin: .7rem 0; background: #fff;
  overflow-wrap: anywhere; }
article.finding h4 { margin: 0 0 .3rem; font-size: 1rem; }
dl { margin: .3rem 0; display: grid; grid-template-columns: 7.5rem 1fr; gap: .25rem .6rem; }
dt { font-weight: 600; color: #444; } dd { margin: 0; min-width: 0; }
blockquote { margin: .2rem 0; padding: .3rem .6rem; border-left: 3px solid #7a9cc6;
  background: #f2f6fb; font-style: italic; }
pre { background: #f6f6f6; padding: .5rem; margin: .2rem 0; white-space: pre-wrap;
  word-break: break-all; font-size: .8rem; max-height: 22rem; overflow: auto; }
pre.pagetext { max-height: none; word-break: normal; overflow-wrap: anywhere; }
pre.pagetext { counter-reset: ln; font-style: normal; }
pre.pagetext i { display: block; font-style: normal; counter-increment: ln;
  padding-left: 3.4rem; text-indent: -3.4rem; min-height: 1em; }
pre.pagetext i::before { content: counter(ln); display: inline-block; width: 3rem;
  margin-right: .4rem; text-align: right; color: #999; text-indent: 0; }
pre.pagetext i.c { background: #eaf1fa; } pre.pagetext i:target { background: #ffe58a; }
details.page { border: 1px solid var(--line); border-radius: .3rem; margin: .5rem 0;
  padding: .3rem .6rem; }
details.page summary { cursor: pointer; font-weight: 600; }
.hidden { display: none !important; }
@media (max-width: 640px) {
  body { padding: .6rem; font-size: 14px; }
  dl { grid-template-columns: 1fr; } dt { margin-top: .3rem; }
  a.doc { white-space: normal; word-break: break-all; }
  table.rules th.opt, table.rules td.opt { display: none; }
}
"""

SCRIPT = """
(function () {
  var box = document.getElementById('filter');
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    document.querySelectorAll('[data-text]').forEach(function (el) {
      var text = el.getAttribute('data-text');
      var show = words.every(function (w) { return text.indexOf(w) >= 0; });
      el.classList.toggle('hidden', !show);
    });
    document.querySelectorAll('section.group').forEach(function (group) {
      var shown = group.querySelectorAll('article.finding:not(.hidden)').length;
      group.classList.toggle('hidden', shown === 0);
    });
    var count = document.querySelectorAll('article.finding:not(.hidden)').length;
    var out = document.getElementById('shown');
    if (out) { out.textContent = words.length ? count + ' failures match' : ''; }
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) { return; }
    var page = el.closest('details');
    if (page && !page.open) { page.open = true; el.scrollIntoView(); }
  }
  if (box) { box.addEventListener('input', apply); }
  window.addEventListener('hashchange', openTarget);
  openTarget();
})();
"""


@dataclass
class View:
    """What one report.html shows."""

    title: str  # `contracts check`, `contracts verify`
    ok: bool
    summary: str  # one line of numbers, plain text
    coverage: list[tuple[str, Coverage]]  # (API and edition as shown, its count)
    findings: list[Finding]
    extra: list[tuple[str, str]] = field(default_factory=list)  # (heading, html) after coverage


def _text(*parts: object) -> str:
    """The lower-case text the filter searches, as an attribute value."""
    return html.escape(" ".join(str(p) for p in parts).lower(), quote=True)


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}" + (f" ({100 * part // whole}%)" if whole else "")


def _chip(label: str, part: int, whole: int) -> str:
    kind = "ok" if whole and part == whole else ("bad" if whole and part == 0 else "warn")
    if not whole:
        kind = ""
    return f"<li class='{kind}'>{html.escape(label)} <b>{_ratio(part, whole)}</b></li>"


def rule_verdict(coverage: Coverage, rule: str, failed: set[str]) -> tuple[str, str]:
    """(row class, words) for a rule: failed (a finding names it), exercised, or not."""
    if rule in failed:
        return "failed", "failed"
    kept, broken = coverage.kept.get(rule, 0), coverage.broken.get(rule, 0)
    if kept and broken:
        return "ok", "held"
    return "never", "never broken" if kept else ("never kept" if broken else "never exercised")


def _rules_table(api: str, coverage: Coverage, failed: set[str]) -> str:
    order = {"failed": 0, "never": 1, "ok": 2}
    rows = []
    rules = sorted(
        coverage.rules,
        key=lambda r: (order[rule_verdict(coverage, r, failed)[0]], coverage.rules.index(r)),
    )
    for rule in rules:
        info = coverage.rule_info.get(rule)
        css, verdict = rule_verdict(coverage, rule, failed)
        why = coverage.unexercised().get(rule, "") if css == "never" else ""
        statement = info.statement if info else ""
        doc = info.doc if info else ""
        refused, accepted = coverage.refused.get(rule, 0), coverage.accepted.get(rule, 0)
        rows.append(
            f"<tr class='{css}' data-text='{_text(api, rule, statement, doc, verdict, why)}'>"
            f"<td><span class='rule'>{html.escape(rule)}</span>"
            f"<span class='statement'>{html.escape(statement)}</span>"
            + (f"<span class='statement'><b>why:</b> {html.escape(why)}</span>" if why else "")
            + f"</td><td>{doc_link(doc, short=doc.startswith(coverage.page + ':'))}</td>"
            f"<td class='opt'>{html.escape(info.severity if info else '')}</td>"
            f"<td class='n'>{coverage.kept.get(rule, 0)}</td>"
            f"<td class='n'>{coverage.broken.get(rule, 0)}</td>"
            f"<td class='n opt'>{refused} / {accepted}</td>"
            f"<td class='verdict'>{verdict}</td></tr>"
        )
    return (
        "<div class='scroll'><table class='rules'><thead><tr><th>rule (the page's statement)</th>"
        "<th>page line</th><th class='opt'>severity</th><th>kept</th><th>broken</th>"
        "<th class='opt' title='requests breaking it: refused (4xx) / accepted (2xx)'>"
        "refused / accepted</th><th>verdict</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
    )


def _constraints_table(coverage: Coverage) -> str:
    if not coverage.constraints:
        return "<p class='muted'>The spec states no constraint on this operation's input.</p>"
    missed = [c for c in coverage.constraints if not coverage.at_limit.get(c)]
    rows = []
    for key in sorted(coverage.constraints, key=lambda c: (bool(coverage.at_limit.get(c)), c)):
        at, past = coverage.at_limit.get(key, 0), coverage.past_limit.get(key, 0)
        css = "ok" if at else "never"
        rows.append(
            f"<tr class='{css}' data-text='{_text(key)}'><td class='rule'>{html.escape(key)}</td>"
            f"<td>{doc_link(coverage.constraint_docs.get(key, ''), short=True)}</td>"
            f"<td class='n'>{at}</td><td class='n'>{past}</td></tr>"
        )
    enums = [c for c in coverage.constraints if ": enum " in c]
    enum_hit = [c for c in enums if coverage.at_limit.get(c)]
    lead = (
        f"<p>{_ratio(len(coverage.hit()), len(coverage.constraints))} constraints held at their "
        f"limit; enum values sent {_ratio(len(enum_hit), len(enums))}; "
        f"{len(missed)} never at their limit (listed first).</p>"
    )
    return (
        f"<details{' open' if missed else ''}><summary>Spec constraints "
        f"({_ratio(len(coverage.hit()), len(coverage.constraints))} at their limit)</summary>"
        f"{lead}<div class='scroll'><table><thead><tr><th>constraint</th><th>page line</th>"
        "<th>at limit</th><th>past it</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div></details>"
    )


def _statuses(coverage: Coverage) -> str:
    covered = set(coverage.statuses_covered())
    parts = [
        f"<li class='{'ok' if key in covered else 'warn'}'>{html.escape(key)} "
        f"{'seen' if key in covered else 'not seen'}</li>"
        for key in coverage.documented_statuses
    ]
    parts += [
        f"<li class='bad'>{html.escape(s)} undocumented</li>"
        for s in coverage.undocumented_statuses()
    ]
    seen = ", ".join(f"{s} x{n}" for s, n in sorted(coverage.statuses.items())) or "none"
    return (
        f"<h4>Documented statuses: {_ratio(len(covered), len(coverage.documented_statuses))} "
        f"seen</h4><ul class='chips'>{''.join(parts)}</ul>"
        f"<p class='small muted'>answers: {html.escape(seen)}</p>"
    )


def _variants(coverage: Coverage) -> str:
    if not coverage.variant_label:
        return ""
    label = html.escape(coverage.variant_label)
    seen = [v for v in coverage.documented_variants if coverage.variants.get(v)]
    parts = [
        f"<li class='{'ok' if coverage.variants.get(v) else 'warn'}'>{html.escape(v)} "
        f"x{coverage.variants.get(v, 0)}</li>"
        for v in coverage.documented_variants
    ]
    parts += [
        f"<li class='bad'>{html.escape(v)} (undocumented) x{n}</li>"
        for v, n in sorted(coverage.variants.items())
        if v not in coverage.documented_variants
    ]
    return (
        f"<h4>{label.capitalize()} sent: {_ratio(len(seen), len(coverage.documented_variants))}"
        f"</h4><ul class='chips'>{''.join(parts)}</ul>"
    )


def _coverage_section(name: str, coverage: Coverage, failed: set[str]) -> str:
    exercised = coverage.exercised()
    never = {r: why for r, why in coverage.unexercised().items() if r not in failed}
    chips = [
        _chip("rules exercised", len(exercised), len(coverage.rules)),
        _chip("constraints at their limit", len(coverage.hit()), len(coverage.constraints)),
        _chip(
            "documented statuses seen",
            len(coverage.statuses_covered()),
            len(coverage.documented_statuses),
        ),
    ]
    if coverage.variant_label:
        seen = [v for v in coverage.documented_variants if coverage.variants.get(v)]
        chips.append(_chip(coverage.variant_label, len(seen), len(coverage.documented_variants)))
    if failed:
        chips.append(f"<li class='bad'>rules with failures <b>{len(failed)}</b></li>")
    callout = ""
    if never:
        items = "".join(
            f"<li><span class='rule'>{html.escape(r)}</span> "
            f"{doc_link(coverage.rule_info[r].doc if r in coverage.rule_info else '')}: "
            f"{html.escape(why)}</li>"
            for r, why in never.items()
        )
        callout = (
            f"<div class='callout'><b>{len(never)} {'rule' if len(never) == 1 else 'rules'} "
            "never exercised</b> (no probe both kept "
            f"and broke them):<ul>{items}</ul></div>"
        )
    page = doc_link(coverage.page) if coverage.page else ""
    return (
        f"<section class='api' id='api-{html.escape(name.split()[0])}'><h3>{html.escape(name)} "
        f"<span class='small muted'>page {page}</span></h3>"
        f"<ul class='chips'>{''.join(chips)}</ul>{callout}"
        + _rules_table(name, coverage, failed)
        + _constraints_table(coverage)
        + _statuses(coverage)
        + _variants(coverage)
        + "</section>"
    )


def _request_block(finding: Finding) -> str:
    request = finding.request
    if not request:
        return ""
    headers = "\n".join(f"{k}: {v}" for k, v in request.get("headers", {}).items())
    body = str(request.get("body", ""))
    if len(body) > BODY_SHOWN:
        body = body[:BODY_SHOWN] + f"...(cut: {len(body)} characters)"
    text = f"{request.get('method', '')} {request.get('url', '')}\n{headers}"
    return f"<pre>{html.escape(text)}{html.escape(chr(10) * 2 + body) if body else ''}</pre>"


def _finding(number: int, finding: Finding) -> str:
    words = quote(finding.doc) if finding.doc else ""
    expected = html.escape(finding.expected) if finding.expected else "<i>see the message</i>"
    rule = html.escape(finding.rule) if finding.rule else "<i>none named</i>"
    answer = f"status {finding.status}" if finding.status is not None else "no answer"
    body = f"<pre>{html.escape(finding.answer)}</pre>" if finding.answer else ""
    return (
        f"<article class='finding' id='failure-{number}' data-text='"
        f"{_text(finding.api, finding.phase, finding.check, finding.title, finding.message, finding.rule, finding.doc, finding.note, words)}'>"  # noqa: E501
        f"<h4>{number}. {html.escape(finding.title)}</h4>"
        f"<p class='small muted'>{html.escape(finding.api)} / {html.escape(finding.check)} "
        f"(phase {html.escape(finding.phase)}; probe: {html.escape(finding.note or '-')})</p>"
        f"<dl><dt>Expected</dt><dd>{expected}</dd>"
        f"<dt>Rule</dt><dd><span class='rule'>{rule}</span> {doc_link(finding.doc)}</dd>"
        + (
            f"<dt>The page says</dt><dd><blockquote>{html.escape(words)}</blockquote></dd>"
            if words
            else ""
        )
        + f"<dt>Found</dt><dd><pre>{html.escape(finding.message)}</pre></dd>"
        f"<dt>Request</dt><dd>{_request_block(finding)}</dd>"
        f"<dt>Answer</dt><dd>{answer}{body}</dd>"
        f"<dt>Reproduce</dt><dd><pre>{html.escape(finding.curl)}</pre></dd></dl></article>"
    )


def _failures(findings: list[Finding]) -> str:
    if not findings:
        return "<p>None.</p>"
    groups: dict[str, list[tuple[int, Finding]]] = {}
    for number, finding in enumerate(findings, start=1):
        groups.setdefault(finding.rule or "(no rule named)", []).append((number, finding))
    sections = []
    for rule, members in groups.items():
        doc = members[0][1].doc
        sections.append(
            f"<section class='group'><h3><span class='rule'>{html.escape(rule)}</span> "
            f"{doc_link(doc)} <span class='muted small'>({len(members)})</span></h3>"
            + "".join(_finding(n, f) for n, f in members)
            + "</section>"
        )
    return "".join(sections)


def cited_lines(coverages: Iterable[Coverage], findings: Iterable[Finding]) -> dict[str, set[int]]:
    """Per page, the lines the rules, constraints and findings cite."""
    cited: dict[str, set[int]] = {}
    docs = [info.doc for c in coverages for info in c.rule_info.values()]
    docs += [doc for c in coverages for doc in c.constraint_docs.values()]
    docs += [f.doc for f in findings]
    for doc in docs:
        page, _, line = doc.partition(":")
        if page:
            cited.setdefault(page, set())
            if line.isdigit():
                cited[page].add(int(line))
    return cited


def render(view: View) -> str:
    verdict = "passed" if view.ok else "FAILED"
    failed_rules: dict[str, set[str]] = {}
    for finding in view.findings:
        failed_rules.setdefault(finding.api, set()).add(finding.rule)
    coverage = "".join(
        _coverage_section(name, c, failed_rules.get(name.split()[0], set()) & set(c.rules))
        for name, c in view.coverage
    )
    cited = cited_lines([c for _, c in view.coverage], view.findings)
    pages = sorted({c.page for _, c in view.coverage if c.page} | set(cited))
    extra = "".join(f"<h2>{html.escape(heading)}</h2>{body}" for heading, body in view.extra)
    covered = (
        f"<h2 id='coverage'>Contract coverage, rule by rule</h2>"
        f"{coverage or '<p>No API was run.</p>'}{extra}"
    )
    failures = f"<h2 id='failures'>Failures by rule</h2>{_failures(view.findings)}"
    # What the reader came for first: the failures of a failed run, else what the run proved.
    first, second = (failures, covered) if view.findings else (covered, failures)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(view.title)}: {verdict}</title><style>{STYLE}</style></head><body>
<header><h1>{html.escape(view.title)}: <span class="{verdict}">{verdict}</span></h1>
<p>{html.escape(view.summary)}</p>
<nav><a href="#coverage">Coverage</a><a href="#failures">Failures ({len(view.findings)})</a>
<a href="#pages">Pages</a></nav>
<p><input type="search" id="filter" placeholder="Filter rules and failures (rule, field, words)"
 aria-label="filter"> <span id="shown" class="muted small"></span></p></header>
{first}
{second}
<h2 id="pages">The vendor pages</h2>
<p class="small muted">Every line has its anchor; the lines the contract cites are shaded.</p>
{"".join(render_page(page, cited.get(page, set())) for page in pages)}
<script>{SCRIPT}</script>
</body></html>
"""
