"""CQL2 text to CQL2 JSON, for the filters users type and the cloud limit.

The STAC API Filter extension sends CQL2 JSON in a POST body and allows CQL2 text in GET
query parameters; stac-fastapi (CDSE STAC, eoAPI, Planetary Computer, Earth Search) takes
nothing but JSON in POST (``body.filter: Input should be a valid dictionary``). So the
plugin keeps the user's text for GET and translates it for POST.

Translated (OGC 21-065 CQL2, Basic CQL2 and the advanced comparison operators):

- ``AND``, ``OR``, ``NOT`` and parentheses;
- ``=``, ``<>`` (and ``!=``), ``<``, ``<=``, ``>``, ``>=``;
- ``[NOT] LIKE``, ``[NOT] BETWEEN a AND b``, ``[NOT] IN (a, b, ...)``, ``IS [NOT] NULL``;
- property names (``eo:cloud_cover``, ``properties.platform``, ``"double quoted"``),
  numbers, ``'strings'`` (``''`` is a quote), ``TRUE``/``FALSE``, ``TIMESTAMP('...')``,
  ``DATE('...')``, ``INTERVAL('...', '...')``.

Anything else (spatial and temporal functions, arithmetic) raises :class:`NotTranslated`;
the search then goes by GET with the text as typed, or fails with the server's message.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["NotTranslated", "to_json", "cloud_limit_json", "cloud_limit_text"]


class NotTranslated(ValueError):
    """The text uses CQL2 this translator does not know (or is not CQL2)."""


_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<str>'(?:[^']|'')*')"
    r"|(?P<num>-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
    r"|(?P<op><>|!=|<=|>=|[=<>(),])"
    r"|(?P<qid>\"(?:[^\"]|\"\")+\")"
    r"|(?P<id>[A-Za-z_][\w:.\-]*)"
    r")"
)
_COMPARISONS = {"=": "=", "<>": "<>", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
_KEYWORDS = {"AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE"}
_LITERAL_FUNCTIONS = {"TIMESTAMP": "timestamp", "DATE": "date"}


def _tokens(text: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    pos, text = 0, text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            raise NotTranslated(f"cannot read the filter at {text[pos : pos + 20]!r}")
        pos = match.end()
        kind = match.lastgroup
        assert kind is not None  # every alternative of _TOKEN is a named group
        value = match.group(kind)
        if kind == "str":
            out.append(("str", value[1:-1].replace("''", "'")))
        elif kind == "num":
            number = float(value)
            out.append(("num", int(number) if number.is_integer() and "." not in value else number))
        elif kind == "qid":
            out.append(("prop", value[1:-1].replace('""', '"')))
        elif kind == "id" and value.upper() in _KEYWORDS:
            out.append(("kw", value.upper()))
        elif kind == "id":
            out.append(("id", value))
        else:
            out.append(("op", value))
    return out


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.pos = 0

    def peek(self, offset: int = 0) -> tuple[str, Any] | None:
        index = self.pos + offset
        return self.tokens[index] if index < len(self.tokens) else None

    def take(self) -> tuple[str, Any]:
        token = self.peek()
        if token is None:
            raise NotTranslated("the filter ends too early")
        self.pos += 1
        return token

    def accept(self, kind: str, value: Any) -> bool:
        if self.peek() == (kind, value):
            self.pos += 1
            return True
        return False

    def expect(self, kind: str, value: Any) -> None:
        if not self.accept(kind, value):
            raise NotTranslated(f"expected {value!r} in the filter")

    # expression := and { OR and } ; and := not { AND not } ; not := NOT not | predicate
    def expression(self) -> dict[str, Any]:
        args = [self.conjunction()]
        while self.accept("kw", "OR"):
            args.append(self.conjunction())
        return args[0] if len(args) == 1 else {"op": "or", "args": args}

    def conjunction(self) -> dict[str, Any]:
        args = [self.negation()]
        while self.accept("kw", "AND"):
            args.append(self.negation())
        return args[0] if len(args) == 1 else {"op": "and", "args": args}

    def negation(self) -> dict[str, Any]:
        if self.accept("kw", "NOT"):
            return {"op": "not", "args": [self.negation()]}
        return self.predicate()

    def predicate(self) -> Any:
        if self.peek() == ("op", "("):  # arithmetic is not translated: "(" opens a condition
            self.take()
            inner = self.expression()
            self.expect("op", ")")
            return inner
        left = self.scalar()
        token = self.peek()
        if token is None or token in (("op", ")"), ("kw", "AND"), ("kw", "OR")):
            if isinstance(left, bool):
                return left  # TRUE / FALSE on their own
            raise NotTranslated("a filter term is not a condition")
        if token[0] == "op" and token[1] in _COMPARISONS:
            self.take()
            return {"op": _COMPARISONS[token[1]], "args": [left, self.scalar()]}
        negated = self.accept("kw", "NOT")
        if self.accept("kw", "LIKE"):
            result = {"op": "like", "args": [left, self.scalar()]}
        elif self.accept("kw", "BETWEEN"):
            low = self.scalar()
            self.expect("kw", "AND")
            result = {"op": "between", "args": [left, low, self.scalar()]}
        elif self.accept("kw", "IN"):
            self.expect("op", "(")
            values = [self.scalar()]
            while self.accept("op", ","):
                values.append(self.scalar())
            self.expect("op", ")")
            result = {"op": "in", "args": [left, values]}
        elif not negated and self.accept("kw", "IS"):
            negated = self.accept("kw", "NOT")
            self.expect("kw", "NULL")
            result = {"op": "isNull", "args": [left]}
        else:
            raise NotTranslated(f"unsupported operator {token[1]!r} in the filter")
        return {"op": "not", "args": [result]} if negated else result

    def scalar(self) -> Any:
        kind, value = self.take()
        if kind in ("str", "num"):
            return value
        if kind == "prop":
            return {"property": value}
        if kind == "kw" and value in ("TRUE", "FALSE"):
            return value == "TRUE"
        if kind == "id":
            if self.peek() == ("op", "("):
                return self._function(value)
            return {"property": value}
        raise NotTranslated(f"unexpected {value!r} in the filter")

    def _function(self, name: str) -> Any:
        upper = name.upper()
        self.expect("op", "(")
        if upper in _LITERAL_FUNCTIONS:
            kind, value = self.take()
            if kind != "str":
                raise NotTranslated(f"{upper} needs a quoted value")
            self.expect("op", ")")
            return {_LITERAL_FUNCTIONS[upper]: value}
        if upper == "INTERVAL":
            ends = [self.take()]
            self.expect("op", ",")
            ends.append(self.take())
            self.expect("op", ")")
            if any(kind != "str" for kind, _ in ends):
                raise NotTranslated("INTERVAL needs two quoted values")
            return {"interval": [value for _, value in ends]}
        raise NotTranslated(f"the function {name}(...) is not translated")


def to_json(text: str) -> Any:
    """CQL2 JSON for ``text``; raises :class:`NotTranslated`."""
    parser = _Parser(text)
    if not parser.tokens:
        raise NotTranslated("the filter is empty")
    result = parser.expression()
    left = parser.peek()
    if left is not None:
        raise NotTranslated(f"unexpected {left[1]!r} in the filter")
    return result


# Items without ``eo:cloud_cover`` pass the cloud limit, as the plugin does when it filters
# itself and as the help text says: a radar scene in the same search is not dropped.
def cloud_limit_text(limit: float, keep_unknown: bool = True) -> str:
    text = f"eo:cloud_cover <= {limit:g}"
    return f"{text} OR eo:cloud_cover IS NULL" if keep_unknown else text


def cloud_limit_json(limit: float, keep_unknown: bool = True) -> dict[str, Any]:
    compare = {"op": "<=", "args": [{"property": "eo:cloud_cover"}, limit]}
    if not keep_unknown:
        return compare
    unknown = {"op": "isNull", "args": [{"property": "eo:cloud_cover"}]}
    return {"op": "or", "args": [compare, unknown]}
