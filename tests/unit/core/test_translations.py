"""The Qt Linguist files in i18n/: French is complete and keeps placeholders and tags."""

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

I18N = Path(__file__).resolve().parents[3] / "i18n"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+")
TAG = re.compile(r"</?[a-zA-Z]+[^>]*>")


def messages(name: str) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message of a .ts file."""
    root = ET.parse(I18N / name).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


FRENCH = messages("eo_explorer_fr.ts")


def test_french_file_has_messages():
    assert len(FRENCH) > 400


def test_every_french_message_is_translated():
    untranslated = [
        (context, source)
        for context, source, translation in FRENCH
        if translation is None
        or translation.get("type") is not None
        or not (translation.text or "").strip()
    ]
    assert untranslated == []


def test_french_keeps_placeholders_and_tags():
    changed = [
        (context, source)
        for context, source, translation in FRENCH
        for pattern in (PLACEHOLDER, TAG)
        if Counter(pattern.findall(translation.text or "")) != Counter(pattern.findall(source))
    ]
    assert changed == []


def test_german_file_parses():
    root = ET.parse(I18N / "eo_explorer_de.ts").getroot()
    assert root.tag == "TS"
    assert root.get("language", "").startswith("de")


def test_translation_helpers_use_the_context_pylupdate5_extracts_under():
    """pylupdate5 extracts ``tr("...")`` calls only (not ``_tr``), and files them under
    ``@default``: a helper that wraps ``translate`` must be called ``tr`` and look up
    ``@default``, or its texts are never translated."""
    import ast

    wrong = []
    for path in sorted((I18N.parent / "plugin").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "translate"
                    and len(call.args) == 2
                    and isinstance(call.args[1], ast.Name)  # a wrapper: translates its argument
                ):
                    context = call.args[0]
                    literal = isinstance(context, ast.Constant) and context.value == "@default"
                    named = isinstance(context, ast.Name) and context.id == "CONTEXT"
                    if node.name != "tr" or not (literal or named):
                        wrong.append(f"{path.name}:{node.lineno} {node.name}()")
    assert wrong == []
