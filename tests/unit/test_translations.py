"""The Qt Linguist files in i18n/: French is complete and keeps placeholders and tags."""

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

I18N = Path(__file__).resolve().parents[2] / "i18n"
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
