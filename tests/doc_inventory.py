"""What each vendor page states, read from the page itself rather than from the spec.

`tests/test_doc_inventory.py` checks every item found here against the spec assembled from the same
page. Reading the page independently is what makes that check worth anything, so the parsers below
know each page's *layout* (its tables, bullets and set phrases) but never the names of the fields it
documents: a field the spec author overlooked is found all the same.

`python -m tests.doc_inventory` prints the number of items per page and kind, then what the check
found: the departures it accepted because an `x-choice` explains them, the gaps, and the
`x-doc-line` citations that do not point at what they cite.
"""

from __future__ import annotations

import bisect
import functools
import html
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from http import HTTPStatus

import yaml

from contracts.registry import page_path

KINDS = ("field", "enum", "limit", "status", "security", "example")


@dataclass(frozen=True)
class FieldDoc:
    """A field as the page types it; the test, not the parser, decides what the words mean."""

    type: str
    required: str | None = None  # "required", "optional", "conditional"; None: the page is silent
    read_only: bool | None = None  # None: the page has no notion of read-only fields
    nullable: bool = False
    format: str | None = None  # a format the page states apart from the type
    items: FieldDoc | None = None  # what a list holds, when the page says the field is a list

    def __str__(self) -> str:
        text = self.type + (f" of {self.items.type}" if self.items else "")
        flags = [self.required or "", "read-only" if self.read_only else ""]
        flags += [
            "nullable" if self.nullable else "",
            f"format {self.format}" if self.format else "",
        ]
        return " ".join([text, *(flag for flag in flags if flag)])


@dataclass(frozen=True)
class LimitDoc:
    """A bound with its number, in the unit the page counts it in."""

    number: int
    unit: str  # characters | items | properties | key characters [when <flag>] | MB

    def __str__(self) -> str:
        return f"{self.number} {self.unit}"


DocValue = FieldDoc | LimitDoc | str


@dataclass(frozen=True)
class DocItem:
    """One thing a page states, at the line it states it.

    `where` is the page's own place for it: a parameter location (`header`, `query`, `path`), the
    event body (`body`, or `body:PAGE` for the PAGE event table), `request` or `response`, then the
    nesting (`response.periods[]`). For `status` the name is the code; for `security` the name is
    the scheme (`bearer`, `basic`, `apiKey`, `oauth`) and the value its header; for `example` the
    name is the form (`json` or `lines`) and the value the example text.
    """

    page: str
    line: int
    kind: str
    where: str
    name: str
    value: DocValue

    @property
    def label(self) -> str:
        """`kind:scope.name`, unique on its line: enum and limit items add their value."""
        label = f"{self.kind}:{self.where.removeprefix('body:')}.{self.name}"
        if self.kind in ("enum", "limit"):
            label += "=" + str(self.value).replace(" ", "-")
        return label


@dataclass(frozen=True)
class Page:
    """A page's text with a way back from a character offset to its (1-based) line."""

    name: str
    text: str
    lines: tuple[str, ...] = field(repr=False)
    starts: tuple[int, ...] = field(repr=False)

    @classmethod
    def read(cls, name: str) -> Page:
        text = page_path(name).read_text(encoding="utf-8")
        lines = tuple(text.split("\n"))
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return cls(name, text, lines, tuple(starts))

    def line_at(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def item(self, line: int, kind: str, where: str, name: str, value: DocValue) -> DocItem:
        return DocItem(self.name, line, kind, where, name, value)


def _ws(text: str) -> str:
    """Collapse the whitespace a wrapped HTML cell or a folded YAML line carries."""
    return re.sub(r"\s+", " ", text).strip()


def _untag(text: str) -> str:
    return _ws(html.unescape(re.sub(r"<[^>]+>", " ", text)))


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _body_size(page: Page) -> Iterator[DocItem]:
    """The request body's size limit: "The body size limit is 3 MB" on the current Kameleoon page,
    "Body size limited to 10 MB" on the older one."""
    pattern = r"[Bb]ody\s+size\s+(?:limit\s+is|limited\s+to)\s+(\d+)\s*MB"
    for match in re.finditer(pattern, page.text):
        limit = LimitDoc(int(match[1]), "MB")
        yield page.item(page.line_at(match.start(1)), "limit", "request", "body", limit)


# --- Kameleoon Data API, current page: an OpenAPI fragment whose body is described in HTML --------

_FENCE = re.compile(r"^````yaml[^\n]*\n(.*?)^````", re.S | re.M)
_HTML_ROW = re.compile(
    r"<tr><td>(?P<name>[^<]+)</td><td>(?P<type>[^<]+)</td><td>(?P<req>.*?)</td>"
    r"<td>(?P<desc>.*?)</td></tr>",
    re.S,
)
_EVENT_TABLE = re.compile(r"eventType\s+<code>(?P<event>\w+)</code>:")
_ONE_OF = re.compile(r"One\s+of\s+the\s+following:")
_CODE = re.compile(r"<code>(\w+)</code>")
_LIMIT_TO = re.compile(r"Limit\s+to\s+(\d+)\s+characters")
# "key = metadata id (int32), value = metadata values (JSON array of string)"
_MAP_SHAPE = re.compile(
    r"key\s*=\s*(?P<key>[^(]+?)\s*\((?P<ktype>[^)]+)\),\s*"
    r"value\s*=\s*(?P<value>[^(]+?)\s*\((?P<vtype>[^)]+)\)"
)
_NO_MORE = re.compile(r"No\s+more\s+than\s+(?P<n>\d+)\s+(?P<noun>\w+)(?:\s+for\s+each\s+\w+)?")
_EVERY = re.compile(
    r"Every\s+(?P<noun>\w+)\s+is\s+limited\s+to\s+(?P<n>\d+)\s+characters"
    r"(?:\s+if\s+<code>(?P<flag>\w+)</code>\s+is\s+<code>false</code>,\s+(?P<other>\d+)\s+otherwise)?"
)
_HTML_FENCE = re.compile(r"^[ \t]*```[ \t]*\n(.*?)^[ \t]*```[ \t]*$", re.S | re.M)


def parse_kameleoon_data(page: Page) -> list[DocItem]:
    return [*_embedded_openapi(page), *_html_tables(page), *_body_size(page), *_html_examples(page)]


def _yaml_child(node: yaml.Node, key: str) -> yaml.Node:
    for key_node, value_node in node.value:
        if key_node.value == key:
            return value_node  # type: ignore[no-any-return]
    raise KeyError(key)


def _embedded_openapi(page: Page) -> Iterator[DocItem]:
    """Parameters and responses of the page's own OpenAPI block, at the lines they start on."""
    fence = _FENCE.search(page.text)
    if fence is None:
        return
    first = page.line_at(fence.start(1))
    document = yaml.safe_load(fence[1])
    tree = yaml.compose(fence[1], Loader=yaml.SafeLoader)
    if tree is None:
        return
    for path, path_item in document["paths"].items():
        for method, operation in path_item.items():
            op_node = _yaml_child(_yaml_child(_yaml_child(tree, "paths"), path), method)
            params = operation.get("parameters", [])
            for param, node in zip(params, _yaml_child(op_node, "parameters").value, strict=True):
                schema = param.get("schema", {})
                doc = FieldDoc(
                    schema.get("type", ""),
                    "required" if param.get("required") else "optional",
                    format=schema.get("format"),
                )
                line = first + node.start_mark.line
                yield page.item(line, "field", param["in"], param["name"], doc)
            for code_node, response_node in _yaml_child(op_node, "responses").value:
                description = _untag(str(response_node.value[0][1].value))
                line = first + code_node.start_mark.line
                yield page.item(line, "status", "response", str(code_node.value), description)


def _html_required(cell: str) -> str | None:
    word = cell.split(maxsplit=1)[0].rstrip(",").lower() if cell else ""
    if word == "required":
        # "Required if you don't provide it in URL query parameters": required only sometimes.
        return "conditional" if re.search(r"\bif\b", cell) else "required"
    return "optional" if word == "optional" else None


def _html_tables(page: Page) -> Iterator[DocItem]:
    """The body tables: the common one first, then one per `eventType <code>X</code>:` heading."""
    sections = [(match.start(), match["event"]) for match in _EVENT_TABLE.finditer(page.text)]
    for row in _HTML_ROW.finditer(page.text):
        events = [event for start, event in sections if start < row.start()]
        where = f"body:{events[-1]}" if events else "body"
        name = _ws(row["name"])
        doc = FieldDoc(_ws(row["type"]), _html_required(_untag(row["req"])))
        yield page.item(page.line_at(row.start("name")), "field", where, name, doc)
        desc, base = row["desc"], row.start("desc")
        one_of = _ONE_OF.search(desc)
        if one_of:
            for code in _CODE.finditer(desc, one_of.end()):
                yield page.item(page.line_at(base + code.start(1)), "enum", where, name, code[1])
        for match in _LIMIT_TO.finditer(desc):
            limit = LimitDoc(int(match[1]), "characters")
            yield page.item(page.line_at(base + match.start(1)), "limit", where, name, limit)
        yield from _map_limits(page, where, name, desc, base)


def _singular(noun: str) -> str:
    return noun.lower().removesuffix("s")


def _map_limits(page: Page, where: str, name: str, desc: str, base: int) -> Iterator[DocItem]:
    """Bounds on a JSON-object field whose description gives its shape as `key = ..., value = ...`.

    The shape says what each noun of the bounds counts: "No more than 256 ids" bounds the keys
    (entries), "256 values for each id" bounds each value's list, and "Every value is limited to
    2048 characters" bounds whichever side the page calls "value" (the keys of valuesCountMap,
    the strings in metadata's lists).
    """
    shape = _MAP_SHAPE.search(desc)
    if shape is None:
        return
    key_noun = _singular(_ws(shape["key"]).split()[-1])
    value_is_list = "array" in shape["vtype"].lower()

    def limit(match: re.Match[str], group: str, target: str, unit: str) -> DocItem:
        line = page.line_at(base + match.start(group))
        return page.item(line, "limit", where, target, LimitDoc(int(match[group]), unit))

    for match in _NO_MORE.finditer(desc):
        if "for each" in _ws(match[0]):
            yield limit(match, "n", f"{name}{{}}", "items" if value_is_list else "characters")
        else:
            yield limit(match, "n", name, "properties")
    for match in _EVERY.finditer(desc):
        if _singular(match["noun"]) == key_noun:
            yield limit(match, "n", name, "key characters")
            if match["flag"]:
                yield limit(match, "other", name, f"key characters when {match['flag']}")
        else:
            yield limit(match, "n", f"{name}{{}}" + ("[]" if value_is_list else ""), "characters")


def _html_examples(page: Page) -> Iterator[DocItem]:
    """The line-form example in `<pre><code>`, the JSON one in a ``` fence inside the HTML."""
    for match in re.finditer(r"<pre><code>(.*?)</code></pre>", page.text, re.S):
        lines = [line.strip() for line in html.unescape(match[1]).splitlines() if line.strip()]
        yield page.item(
            page.line_at(match.start(1)), "example", "request", "lines", "\n".join(lines)
        )
    for match in _HTML_FENCE.finditer(page.text):
        body = match[1].strip()
        line = page.line_at(match.start(1) + match[1].index(body[0]))
        yield page.item(line, "example", "request", "json" if _is_json(body) else "lines", body)


# --- Kameleoon Data API, older page: bullets and `(required) name = <description = type>` ---------

_BULLET = re.compile(r"^\s*\u2022\s+(?P<name>\w+)\s+(?P<type>\w+)(?P<required>\s+required)?\s*$")
_LEGACY_FIELD = re.compile(
    r"^(?P<indent>\s*)\((?P<req>required|optional)(?P<cond>.*?)\)\s+(?P<name>\w+)\s+=\s+"
    r"<(?P<desc>.*)>\s*$"
)
_LEGACY_SECTION = re.compile(
    r'^(?P<indent>\s*)only\s+(?:for\s+eventType\s+=\s+"(?P<event>\w+)"|if\s+(?P<cond>.+)):\s*$'
)
_MAX_LENGTH = re.compile(r"(?:(?P<side>key|value):\s*<[^<>]*)?\(max length (?P<n>\d+)\)")


def parse_kameleoon_data_legacy(page: Page) -> list[DocItem]:
    return [
        *_bullet_parameters(page),
        *_legacy_body(page),
        *_body_size(page),
        *_legacy_examples(page),
    ]


def _bullet_parameters(page: Page) -> Iterator[DocItem]:
    """`• siteCode string required` lines between "Query Parameters" and "Request Body"."""
    inside = False
    for number, line in enumerate(page.lines, start=1):
        if line.strip() == "Query Parameters":
            inside = True
        elif line.startswith("Request Body"):
            inside = False
        elif inside and (match := _BULLET.match(line)):
            required = "required" if match["required"] else "optional"
            yield page.item(
                number, "field", "query", match["name"], FieldDoc(match["type"], required)
            )


def _legacy_type(desc: str) -> tuple[FieldDoc, str]:
    """The type ending `<description = type>`, and the description before it."""
    if desc.startswith("JSON array of <") and desc.endswith(">"):
        inner, _ = _legacy_type(desc.removeprefix("JSON array of <")[:-1])
        return FieldDoc("JSON array", items=inner), desc
    if desc.startswith("JSON object of "):
        return FieldDoc("JSON object"), desc
    head, _, tail = desc.rpartition(" = ")
    if tail.startswith("one of ["):
        return FieldDoc(tail), head
    type_text, _, rest = tail.partition(",")
    return FieldDoc(type_text.strip(), nullable=bool(re.search(r"\bnull\b", rest))), head


def _legacy_body(page: Page) -> Iterator[DocItem]:
    """Body fields; an indented `only for eventType = "X":` block holds the fields of event X, and
    an `only if ...:` block holds fields that are required only under that condition."""
    section: re.Match[str] | None = None
    for number, line in enumerate(page.lines, start=1):
        if heading := _LEGACY_SECTION.match(line):
            section = heading
            continue
        match = _LEGACY_FIELD.match(line)
        if match is None:
            continue
        if section and len(match["indent"]) <= len(section["indent"]):
            section = None  # back at the section's own indentation: a field of every event
        doc, head = _legacy_type(match["desc"])
        required = match["req"]
        if (required == "required" and section and section["cond"]) or "required if" in head:
            required = "conditional"
        where = f"body:{section['event']}" if section and section["event"] else "body"
        name = match["name"]
        yield page.item(number, "field", where, name, replace(doc, required=required))
        if doc.type.startswith("one of ["):
            for value in re.findall(r'"(\w+)"', doc.type):
                yield page.item(number, "enum", where, name, value)
        for bound in _MAX_LENGTH.finditer(match["desc"]):
            target, unit = name, "characters"
            if bound["side"] == "key":
                unit = "key characters"
            elif bound["side"] == "value":
                target = f"{name}{{}}"
            yield page.item(number, "limit", where, target, LimitDoc(int(bound["n"]), unit))


def _legacy_examples(page: Page) -> Iterator[DocItem]:
    """The block of lines after each "Body example ..." paragraph."""
    lines = page.lines
    for index, line in enumerate(lines):
        if not re.match(r"\s*Body example\b", line):
            continue
        start = index + 1
        while start < len(lines) and not lines[start].strip():
            start += 1
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        body = "\n".join(text.strip() for text in lines[start:end])
        if body.startswith(("[", "{")):
            # The last example runs straight into the "Responses" heading: keep the JSON only.
            _, end = json.JSONDecoder().raw_decode(body)
            yield page.item(start + 1, "example", "request", "json", body[:end])
        else:
            yield page.item(start + 1, "example", "request", "lines", body)


# --- Shared: JSON examples in curl calls, after "Defaults to", or starting a line -----------------

_JSON_START = re.compile(r"(?P<request>(?:--data|-d)\s+'|Defaults to )|^(?=[{\[])", re.M)


def _json_examples(page: Page) -> Iterator[DocItem]:
    """A curl `--data '` or `-d '` body and a "Defaults to" body are requests; a JSON value that
    starts a line on its own is a response."""
    decoder = json.JSONDecoder()
    position = 0
    while match := _JSON_START.search(page.text, position):
        start = match.end()
        while page.text[start : start + 1].isspace():
            start += 1
        try:
            _, end = decoder.raw_decode(page.text, start)
        except ValueError:
            position = match.end() + 1
            continue
        where = "request" if match["request"] else "response"
        yield page.item(page.line_at(start), "example", where, "json", page.text[start:end])
        position = end


# --- Kameleoon Automation API: name / type / flags on consecutive lines ---------------------------

_KM_TYPE = re.compile(r"^(?:string|integer|number|boolean|object|array)(?:<[\w-]+>)?(?:\[\])?$")
_IDENTIFIER = re.compile(r"^[A-Za-z_]\w*$")
_KM_SECTIONS = {"Authorizations": "security", "Body": "request", "Response": "response"}
_PHRASES = {status.phrase.lower(): status for status in HTTPStatus}


def parse_kameleoon_automation(page: Page) -> list[DocItem]:
    return [*_stacked_fields(page), *_json_examples(page)]


def _list_item(type_text: str) -> FieldDoc | None:
    return FieldDoc(type_text.removesuffix("[]")) if type_text.endswith("[]") else None


def _next_text(lines: Sequence[str], index: int) -> str:
    """The first non-blank line from `index` on (a field's description)."""
    return next((line for line in lines[index:] if line.strip()), "")


def _stacked_fields(page: Page) -> Iterator[DocItem]:
    """`name` / `integer<int64>` / `required` / `read-only` on consecutive lines, in sections
    headed "Authorizations", "Body" (the request) and "Response" (whose first line is the status
    phrase, "Created")."""
    lines = page.lines
    section: str | None = None
    for index, line in enumerate(lines):
        text = line.strip()
        next_line = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if not (_IDENTIFIER.match(text) and _KM_TYPE.match(next_line)):
            if text in _KM_SECTIONS:
                section = _KM_SECTIONS[text]
            elif section == "response" and text.lower() in _PHRASES:
                code = str(_PHRASES[text.lower()].value)
                yield page.item(index + 1, "status", "response", code, text)
            continue
        flags = set()
        for flag in lines[index + 2 :]:
            if not flag.strip():
                break
            flags.add(flag.strip())
        if section == "security" and "header" in flags:
            description = _next_text(lines, index + 2 + len(flags))
            yield page.item(index + 1, "security", "request", _scheme(description), text)
        elif section in ("request", "response"):
            doc = FieldDoc(
                next_line,
                "required" if "required" in flags else "optional",
                read_only="read-only" in flags,
                items=_list_item(next_line),
            )
            yield page.item(index + 1, "field", section, text, doc)


def _scheme(description: str) -> str:
    if re.search(r"\bBearer\b", description):
        return "bearer"
    if re.search(r"\bBasic\b", description):
        return "basic"
    return "apiKey"


# --- LaunchDarkly: name, type and Required/Optional glued on one line -----------------------------

_LD_TYPES = r"list of [a-z]+|map of [a-z]+|string|boolean|integer|long|double|number|object"
_LD_FIELD = re.compile(
    rf"^(?P<name>_?[a-z][A-Za-z]*?)(?P<type>{_LD_TYPES})(?P<req>Required|Optional)?"
    r'(?:format: "(?P<format>[^"]*)")?$'
)
_LD_HEADER = re.compile(r"^(?P<name>[A-Z][\w-]*?)string$")
_LD_SECTIONS = {
    "Authentication": "security",
    "Path parameters": "path",
    "Request": "request",
    "Response": "response",
    "Errors": "status",
}


def parse_launchdarkly(page: Page) -> list[DocItem]:
    items: list[DocItem] = []
    lines = page.lines
    section: str | None = None
    for index, line in enumerate(lines):
        text = line.strip()
        if text in _LD_SECTIONS:
            section = _LD_SECTIONS[text]
        elif section == "security" and (header := _LD_HEADER.match(text)):
            scheme = "apiKey" if "API Key" in _next_text(lines, index + 1) else _scheme(text)
            items.append(page.item(index + 1, "security", "request", scheme, header["name"]))
        elif section == "status" and re.fullmatch(r"\d{3}", text):
            phrase = _next_text(lines, index + 1).strip()
            items.append(page.item(index + 1, "status", "response", text, phrase))
        elif section in ("path", "request", "response") and (match := _LD_FIELD.match(text)):
            items.append(
                page.item(index + 1, "field", section, match["name"], _ld_doc(lines, index))
            )
    return items


def _ld_doc(lines: Sequence[str], index: int) -> FieldDoc:
    match = _LD_FIELD.match(lines[index].strip())
    assert match is not None
    # The description runs to the next field line; "Defaults to null" there makes it nullable.
    description = []
    for line in lines[index + 1 :]:
        if _LD_FIELD.match(line.strip()) or line.strip() in _LD_SECTIONS:
            break
        description.append(line)
    kind = match["type"]
    item = re.match(r"(?:list|map) of (\w+?)s?$", kind)
    return FieldDoc(
        kind,
        match["req"].lower() if match["req"] else None,
        nullable=bool(re.search(r"\bnull\b", " ".join(description))),
        format=match["format"],
        items=FieldDoc(item[1]) if item and kind.startswith("list") else None,
    )


# --- Capillary: table rows glued as name*TypeDescription, nested with leading dashes --------------

_CAP_TYPES = (
    "null or Object",
    "Date Time",
    "Boolean",
    "String",
    "Number",
    "Enum",
    "Object",
    "Array",
    "Integer",
    "JSON",
    "Float",
)
_CAP_ROW = re.compile(
    r"^(?P<dashes>-*)\s*(?P<name>[a-z][A-Za-z]*?)(?P<star>\*)?"
    rf"(?P<type>{'|'.join(map(re.escape, _CAP_TYPES))})(?P<desc>.*)$"
)
_CAP_HEADER = re.compile(r"Data ?TypeDescription$|^CodeDescription$")
_CAP_CONTAINERS = ("Object", "Array", "null or Object")
_VALUES = re.compile(r"(?:Supported|Possible) values:\s*")

# A container path: field names from the table's root, with "[]" after each list.
Path = tuple[str, ...]
# What the page's examples (and its nested table) show: container path -> {field: is a list}.
Shape = dict[Path, dict[str, bool]]


@dataclass
class _Row:
    line: int
    depth: int
    name: str
    starred: bool
    type: str
    pieces: list[tuple[int, str]]  # the description, (line, text) per line it runs over

    @property
    def description(self) -> str:
        return "\n".join(text for _, text in self.pieces)

    def line_at(self, offset: int) -> int:
        """The page line of an offset into `description`."""
        for line, text in self.pieces:
            if offset <= len(text):
                return line
            offset -= len(text) + 1
        return self.pieces[-1][0]


def parse_capillary(page: Page) -> list[DocItem]:
    tables = _capillary_tables(page)
    examples = list(_json_examples(page))
    request_shape, response_shape = _shape(examples, "request"), _shape(examples, "response")
    items: list[DocItem] = []
    for title, rows in tables:
        if title.startswith("Request body parameters") and (related := _related_to(title)):
            # "(that are related to target)": the rows of one target, nested with dashes.
            base = _container_named(request_shape, related)
            _learn_rows(request_shape, rows, base)
            items += _nested_rows(page, rows, base, "request", request_shape, starred=True)
    for title, rows in tables:
        if title == "Request body parameters":
            items += _flat_rows(page, rows, request_shape)
        elif title == "Response parameters":
            items += _nested_rows(page, rows, (), "response", response_shape, starred=False)
        elif title == "API error codes":
            items += _error_codes(page, rows, tables)
    return [*items, *_capillary_security(page), *examples]


def _capillary_tables(page: Page) -> list[tuple[str, list[_Row]]]:
    """Each table with the title above its header line; a line that is not a row continues the
    description of the row before it ("Possible values:" then "SUM and COUNT." a line below)."""
    lines = page.lines
    headers = [index for index, line in enumerate(lines) if _CAP_HEADER.search(line.strip())]
    titles = [max(i for i in range(header) if lines[i].strip()) for header in headers]
    tables = []
    for number, header in enumerate(headers):
        end = titles[number + 1] if number + 1 < len(headers) else len(lines)
        codes = lines[header].strip() == "CodeDescription"
        rows: list[_Row] = []
        for index in range(header + 1, end):
            text = lines[index].strip()
            if text.startswith("{"):
                break
            if codes:  # "310069Target group name already exists", up to the first other line
                code = re.match(r"(\d+)(\D.*)", text)
                if code is None:
                    break
                rows.append(_Row(index + 1, 0, code[1], False, "", [(index + 1, code[2])]))
            elif match := _CAP_ROW.match(text):
                depth, desc = len(match["dashes"]), [(index + 1, match["desc"].strip())]
                row = _Row(
                    index + 1, depth, match["name"], bool(match["star"]), match["type"], desc
                )
                rows.append(row)
            elif text and rows:
                rows[-1].pieces.append((index + 1, text))
        tables.append((lines[titles[number]].strip(), rows))
    return tables


def _related_to(title: str) -> str | None:
    match = re.search(r"related to (\w+)", title)
    return match[1] if match else None


def _shape(examples: Sequence[DocItem], where: str) -> Shape:
    shape: Shape = {}
    for example in examples:
        if example.where == where:
            _learn(shape, json.loads(str(example.value)), ())
    return shape


def _learn(shape: Shape, value: object, path: Path) -> None:
    if isinstance(value, dict):
        known = shape.setdefault(path, {})
        for key, child in value.items():
            known[key] = known.get(key, False) or isinstance(child, list)
            _learn(shape, child, (*path, key + ("[]" if isinstance(child, list) else "")))
    elif isinstance(value, list):
        for child in value:
            _learn(shape, child, path)


def _container_named(shape: Shape, singular: str) -> Path:
    """The top-level list a table "related to target" describes one item of (`targets[]`)."""
    for name, is_list in shape.get((), {}).items():
        if is_list and _singular(name) == singular.lower():
            return (name + "[]",)
    return ()


def _is_list(row: _Row, parent: Path, shape: Shape) -> bool:
    """Whether an Object row is a list: its description or the page's examples say so."""
    if row.type == "Array" or row.description.startswith("An array of"):
        return True
    return row.type in _CAP_CONTAINERS and bool(_lookup(shape, parent, row.name))


def _lookup(shape: Shape, parent: Path, name: str) -> bool | None:
    """Whether the examples show `name` as a list, under `parent` or, failing that, under one of
    its ancestors (the response table nests a target's fields under its attribution, the examples
    do not). Paths match by suffix, since the response examples wrap everything in `data`."""
    for cut in range(len(parent), -1, -1):
        prefix = parent[:cut]
        for container, children in shape.items():
            if container[len(container) - cut :] == prefix and name in children:
                return children[name]
    return None


def _learn_rows(shape: Shape, rows: Sequence[_Row], base: Path) -> None:
    """Add a dash-nested table's fields to what the examples show."""
    segments: list[str] = []
    for row in rows:
        parent = (*base, *segments[: row.depth])
        is_list = _is_list(row, parent, shape)
        known = shape.setdefault(parent, {})
        known[row.name] = known.get(row.name, False) or is_list
        segments = [*segments[: row.depth], row.name + ("[]" if is_list else "")]


def _render(root: str, path: Path) -> str:
    return ".".join((root, *path))


def _nested_rows(
    page: Page, rows: Sequence[_Row], base: Path, root: str, shape: Shape, *, starred: bool
) -> Iterator[DocItem]:
    """A table whose rows say their depth with leading dashes."""
    segments: list[str] = []
    for row in rows:
        parent = tuple(segments[: row.depth])
        is_list = _is_list(row, (*base, *parent), shape)
        yield from _row_items(page, row, _render(root, (*base, *parent)), is_list, starred=starred)
        segments = [*segments[: row.depth], row.name + ("[]" if is_list else "")]


def _flat_rows(page: Page, rows: Sequence[_Row], shape: Shape) -> Iterator[DocItem]:
    """The first request table lists nested fields without marking their depth: an Object row
    opens a container, and each later row goes to the innermost open container the examples (or
    the target table) show it in."""
    stack: list[Path] = [()]
    for row in rows:
        parent, stack = _place(row.name, stack, shape)
        is_list = _is_list(row, parent, shape)
        yield from _row_items(page, row, _render("request", parent), is_list, starred=True)
        if row.type in _CAP_CONTAINERS:
            stack = [*stack, (*parent, row.name + ("[]" if is_list else ""))]


def _place(name: str, stack: list[Path], shape: Shape) -> tuple[Path, list[Path]]:
    for depth in range(len(stack) - 1, -1, -1):
        if name in shape.get(stack[depth], {}):
            return stack[depth], stack[: depth + 1]
    # A row no open container knows may belong to one the table closed too early (it lists a
    # filter's fields after the target's enrolmentMethod): reopen it when exactly one fits.
    for depth in range(len(stack) - 1, -1, -1):
        top = stack[depth]
        inner = [
            path
            for path, children in shape.items()
            if name in children and len(path) > len(top) and path[: len(top)] == top
        ]
        if len(inner) == 1:
            path = inner[0]
            reopened = [path[:cut] for cut in range(len(top) + 1, len(path) + 1)]
            return path, [*stack[: depth + 1], *reopened]
        if inner:
            break
    return stack[-1], stack


def _row_items(
    page: Page, row: _Row, where: str, is_list: bool, *, starred: bool
) -> Iterator[DocItem]:
    """A row's field, then the enum values and length limits its description states."""
    required = ("required" if row.starred else "optional") if starred else None
    items = FieldDoc("Object") if is_list and row.type != "Array" else None
    nullable = row.type.startswith("null or")
    doc = FieldDoc(row.type, required, nullable=nullable, items=items)
    yield page.item(row.line, "field", where, row.name, doc)
    description = row.description
    for offset, value in _supported_values(description):
        yield page.item(row.line_at(offset), "enum", where, row.name, value)
    for match in re.finditer(r"(\d+) characters", description):
        limit = LimitDoc(int(match[1]), "characters")
        yield page.item(row.line_at(match.start(1)), "limit", where, row.name, limit)


def _supported_values(text: str) -> Iterator[tuple[int, str]]:
    """The values after "Supported values:" (or "Possible values:"), in the three ways the page
    writes them: "- Default (...),- Unified (...)", "FIXED_CALENDAR_WINDOW - Each cycle ...",
    and "SUM, VISIT, and COUNT (...)"."""
    match = _VALUES.search(text)
    if match is None:
        return
    base, rest = match.end(), text[match.end() :]
    if rest.startswith("-"):
        for value in re.finditer(r"(?:^|[,.)]\s*)-\s*([^(]+?)\s*\(", rest):
            yield base + value.start(1), value[1]
        return
    constants = list(re.finditer(r"\b([A-Z][A-Z_]*[A-Z]) - ", rest))
    if constants:
        for value in constants:
            yield base + value.start(1), value[1]
        return
    listing = re.split(r"\(|\.(?:\s|$)", rest, maxsplit=1)[0]
    for value in re.finditer(r"[\w-]+", listing):
        if value[0] != "and":
            yield base + value.start(), value[0]


def _error_codes(
    page: Page, rows: Sequence[_Row], tables: Sequence[tuple[str, list[_Row]]]
) -> Iterator[DocItem]:
    """Capillary's own error codes travel in the response field the response table says holds
    "error details"."""
    holders = [
        row.name
        for title, table in tables
        if title == "Response parameters"
        for row in table
        if re.search(r"\berror\b", row.description)
    ]
    where = _render("response", tuple(holders[:1]))
    for row in rows:
        yield page.item(row.line, "status", where, row.name, row.description)


def _capillary_security(page: Page) -> Iterator[DocItem]:
    """ "Authentication: Basic/OAuth authentication": one item per scheme named."""
    for match in re.finditer(r"Authentication:\s*([\w/]+)\s+authentication", page.text):
        for scheme in match[1].split("/"):
            yield page.item(page.line_at(match.start(1)), "security", "request", scheme.lower(), "")


# --- All pages ------------------------------------------------------------------------------------

PARSERS = {
    "kameleoon-data-visit-events-openapi.txt": parse_kameleoon_data,
    "kameleoon-data-visit-events-reference.txt": parse_kameleoon_data_legacy,
    "kameleoon-automation-create-key-moment.txt": parse_kameleoon_automation,
    "launchdarkly-create-segment.txt": parse_launchdarkly,
    "capillary-create-target-group-behavioural.txt": parse_capillary,
}


@functools.cache
def read_page(name: str) -> Page:
    return Page.read(name)


@functools.cache
def page_items(name: str) -> tuple[DocItem, ...]:
    """Every item the page states, in page order."""
    items = sorted(PARSERS[name](read_page(name)), key=lambda item: item.line)
    return tuple(items)


def inventory() -> list[DocItem]:
    return [item for name in PARSERS for item in page_items(name)]


def counts(name: str) -> dict[str, int]:
    found = Counter(item.kind for item in page_items(name))
    return {kind: found[kind] for kind in KINDS}


def counts_table(labels: dict[str, str] | None = None) -> str:
    """Items per page and kind, as a Markdown table (`labels` names the pages, e.g. by spec)."""
    labels = labels or {}
    header = ["page", *KINDS, "total"]
    rows = [header, ["---"] * len(header)]
    totals = Counter[str]()
    for name in PARSERS:
        found = counts(name)
        totals.update(found)
        rows.append([labels.get(name, name), *map(str, found.values()), str(sum(found.values()))])
    rows.append(["total", *(str(totals[kind]) for kind in KINDS), str(sum(totals.values()))])
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def main() -> None:
    # The check lives with the test; imported here only so one command prints the whole report.
    from tests.test_doc_inventory import report, spec_names

    print(counts_table(spec_names()))
    print()
    print(report())


if __name__ == "__main__":
    main()
