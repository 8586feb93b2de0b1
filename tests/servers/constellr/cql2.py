"""A small CQL2 filter for the ``/stac`` API of the Constellr test server.

Seed 003 lists the conformance classes basic-cql2, cql2-text and cql2-json. Both encodings
are parsed into CQL2-JSON (OGC 21-065) and evaluated against STAC items:

- logic ``and``, ``or``, ``not``; comparisons ``=``, ``<>``, ``<``, ``<=``, ``>``, ``>=``;
  ``isNull`` (text: ``IS [NOT] NULL``); also ``like``, ``in`` and ``between``;
- literals: strings (``'it''s'``), numbers, ``TRUE`` / ``FALSE``, ``TIMESTAMP('...')``,
  ``DATE('...')``; properties by name (``order_id``, ``"eo:cloud_cover"``, ``id``,
  ``collection``; a ``properties.`` prefix is accepted).

Comparisons with a missing property are unknown (SQL three-valued logic): an item matches
only when the whole filter is true. Spatial and temporal operators are not supported; they,
and any syntax error, raise :class:`CqlError` (the server's 400).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any, Optional

__all__ = ["CqlError", "matches", "parse_json", "parse_text"]

_TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"|(?P<op><>|<=|>=|!=|[=<>(),])|(?P<qid>\"[^\"]+\")|(?P<id>[A-Za-z_][\w:.]*))"
)
_KEYWORDS = {"AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "LIKE", "IN", "BETWEEN"}
_COMPARE = {"=", "<>", "<", "<=", ">", ">="}


class CqlError(ValueError):
    """Unparseable or unsupported filter."""


def _tokens(text: str) -> list[tuple[str, Any]]:
    out, pos, text = [], 0, text.strip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise CqlError(f"cannot parse filter at {text[pos : pos + 20]!r}")
        pos = match.end()
        kind = match.lastgroup
        value = match.group(kind)
        if kind == "str":
            out.append(("lit", value[1:-1].replace("''", "'")))
        elif kind == "num":
            out.append(("lit", float(value) if re.search(r"[.eE]", value) else int(value)))
        elif kind == "qid":
            out.append(("prop", value[1:-1]))
        elif kind == "op":
            out.append(("op", "<>" if value == "!=" else value))
        elif value.upper() in _KEYWORDS:
            out.append(("kw", value.upper()))
        else:
            out.append(("name", value))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.pos = 0

    def peek(self, kind: str, value: Any = None) -> bool:
        if self.pos >= len(self.tokens):
            return False
        k, v = self.tokens[self.pos]
        return k == kind and (value is None or v == value)

    def take(self, kind: str, value: Any = None) -> Any:
        if not self.peek(kind, value):
            got = self.tokens[self.pos][1] if self.pos < len(self.tokens) else "end of filter"
            raise CqlError(f"expected {value or kind}, got {got!r}")
        self.pos += 1
        return self.tokens[self.pos - 1][1]

    def parse(self) -> dict:
        node = self.disjunction()
        if self.pos != len(self.tokens):
            raise CqlError(f"unexpected {self.tokens[self.pos][1]!r}")
        return node

    def disjunction(self) -> dict:
        args = [self.conjunction()]
        while self.peek("kw", "OR"):
            self.pos += 1
            args.append(self.conjunction())
        return args[0] if len(args) == 1 else {"op": "or", "args": args}

    def conjunction(self) -> dict:
        args = [self.negation()]
        while self.peek("kw", "AND"):
            self.pos += 1
            args.append(self.negation())
        return args[0] if len(args) == 1 else {"op": "and", "args": args}

    def negation(self) -> dict:
        if self.peek("kw", "NOT"):
            self.pos += 1
            return {"op": "not", "args": [self.negation()]}
        if self.peek("op", "("):
            self.pos += 1
            node = self.disjunction()
            self.take("op", ")")
            return node
        return self.predicate()

    def scalar(self) -> Any:
        if self.peek("lit") or self.peek("prop"):
            kind, value = self.tokens[self.pos]
            self.pos += 1
            return {"property": value} if kind == "prop" else value
        if self.peek("kw", "TRUE") or self.peek("kw", "FALSE"):
            return self.take("kw") == "TRUE"
        name = self.take("name")
        if name.upper() in ("TIMESTAMP", "DATE") and self.peek("op", "("):
            self.pos += 1
            value = self.take("lit")
            self.take("op", ")")
            return {name.lower(): value}
        return {"property": name}

    def predicate(self) -> dict:
        left = self.scalar()
        negate = False
        if self.peek("kw", "IS"):
            self.pos += 1
            negate = bool(self.peek("kw", "NOT")) and self.take("kw") == "NOT"
            self.take("kw", "NULL")
            node: dict = {"op": "isNull", "args": [left]}
        elif self.peek("op") and self.tokens[self.pos][1] in _COMPARE:
            return {"op": self.take("op"), "args": [left, self.scalar()]}
        else:
            negate = bool(self.peek("kw", "NOT")) and self.take("kw") == "NOT"
            keyword = self.take("kw")
            if keyword == "LIKE":
                node = {"op": "like", "args": [left, self.scalar()]}
            elif keyword == "IN":
                self.take("op", "(")
                values = [self.scalar()]
                while self.peek("op", ","):
                    self.pos += 1
                    values.append(self.scalar())
                self.take("op", ")")
                node = {"op": "in", "args": [left, values]}
            elif keyword == "BETWEEN":
                low = self.scalar()
                self.take("kw", "AND")
                node = {"op": "between", "args": [left, low, self.scalar()]}
            else:
                raise CqlError(f"unexpected {keyword!r}")
        return {"op": "not", "args": [node]} if negate else node


def parse_text(text: str) -> dict:
    """CQL2-text -> CQL2-JSON."""
    if not text or not text.strip():
        raise CqlError("empty filter")
    return _Parser(text).parse()


def parse_json(doc: Any) -> dict:
    """Check a CQL2-JSON expression (a dict with ``op`` and ``args``)."""
    if not isinstance(doc, dict) or "op" not in doc:
        raise CqlError("CQL2-JSON filter must be an object with 'op' and 'args'")
    return doc


def _timestamp(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise CqlError(f"invalid timestamp {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _value(node: Any, item: dict) -> Any:
    if isinstance(node, dict):
        if "property" in node:
            name = str(node["property"])
            if name in ("id", "collection"):
                return item.get(name)
            name = name[len("properties.") :] if name.startswith("properties.") else name
            return item.get("properties", {}).get(name)
        if "timestamp" in node:
            return _timestamp(str(node["timestamp"]))
        if "date" in node:
            return date.fromisoformat(str(node["date"]))
        if "op" in node:
            return _eval(node, item)
        raise CqlError(f"unsupported operand {node!r}")
    if isinstance(node, list):
        return [_value(v, item) for v in node]
    return node


def _coerce(a: Any, b: Any) -> tuple[Any, Any]:
    """Compare timestamps with the ISO strings items store."""
    if isinstance(a, (datetime, date)) and isinstance(b, str):
        b = _timestamp(b) if isinstance(a, datetime) else _timestamp(b).date()
    elif isinstance(b, (datetime, date)) and isinstance(a, str):
        a = _timestamp(a) if isinstance(b, datetime) else _timestamp(a).date()
    return a, b


def _compare(op: str, a: Any, b: Any) -> Optional[bool]:
    if a is None or b is None:
        return None
    a, b = _coerce(a, b)
    try:
        return {
            "=": a == b,
            "<>": a != b,
            "<": a < b,
            "<=": a <= b,
            ">": a > b,
            ">=": a >= b,
        }[op]
    except TypeError:
        return False


def _eval(node: dict, item: dict) -> Optional[bool]:
    op, args = str(node.get("op", "")), node.get("args", [])
    if not isinstance(args, list):
        raise CqlError(f"'args' of {op!r} must be a list")
    lowered = op.lower()
    if lowered in ("and", "or"):
        results = [_eval(parse_json(a), item) for a in args]
        decisive = lowered == "or"
        if decisive in results:
            return decisive
        return None if None in results else not decisive
    if lowered == "not":
        result = _eval(parse_json(args[0]), item) if len(args) == 1 else None
        return None if result is None else not result
    values = [_value(a, item) for a in args]
    if op in _COMPARE and len(values) == 2:
        return _compare(op, *values)
    if lowered == "isnull" and len(values) == 1:
        return values[0] is None
    if lowered == "like" and len(values) == 2:
        if values[0] is None:
            return None
        pattern = re.escape(str(values[1])).replace("%", ".*").replace("_", ".")
        return re.fullmatch(pattern, str(values[0]), re.DOTALL) is not None
    if lowered == "in" and len(values) == 2 and isinstance(values[1], list):
        return None if values[0] is None else any(_compare("=", values[0], v) for v in values[1])
    if lowered == "between" and len(values) == 3:
        low, high = _compare(">=", values[0], values[1]), _compare("<=", values[0], values[2])
        return None if None in (low, high) else bool(low and high)
    raise CqlError(f"unsupported CQL2 operator {op!r} with {len(args)} arguments")


def matches(expression: dict, item: dict) -> bool:
    """True when ``expression`` (CQL2-JSON) is true for ``item``."""
    return _eval(parse_json(expression), item) is True
