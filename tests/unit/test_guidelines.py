"""The guideline rulebook: each rule's findings with spans, links tagged, templates filled,
and the shared file's versions."""

from __future__ import annotations

import string

import pytest

from somestudio.domain.findings import Severity
from somestudio.domain.guideline_messages import _CATALOGUE, codes
from somestudio.domain.guidelines import (
    Discouraged,
    ExamplePost,
    Rulebook,
    RulebookError,
    check,
    dump_rulebook,
    fill,
    parse_rulebook,
    placeholders,
    tag_link,
    tag_links,
)

BOOK = Rulebook(
    name="Kahvila Aroma",
    banned_words=("halpa*", "ilmainen"),
    discouraged_words=(Discouraged("tarjous", "etu"), Discouraged("superhyvä")),
    disclosure_tags=("#mainos", "#ad", "#yhteistyössä"),
    max_hashtags=2,
    max_emoji=1,
    require_alt_text=True,
    utm={"mastodon": {"utm_source": "mastodon", "utm_medium": "social"}},
    examples=(ExamplePost("Hyvä esimerkki", "Tänään leivomme 🥐", "lyhyt ja lämmin"),),
)


def codes_of(found) -> list[str]:
    return [f.code for f in found]


def test_banned_and_discouraged_words_with_spans() -> None:
    text = "Halpaa kahvia! Ilmainen pulla. Tarjous ja halvalla. superhyvää"
    found = check(text, BOOK)
    banned = [f for f in found if f.code == "guideline.banned_word"]
    assert [text[f.start : f.end] for f in banned] == ["Halpaa", "Ilmainen"]
    assert all(f.severity is Severity.ERROR for f in banned)
    (instead,) = [f for f in found if f.code == "guideline.discouraged_word_instead"]
    assert text[instead.start : instead.end] == "Tarjous" and "etu" in instead.message
    assert "superhyvää" not in [text[f.start : f.end] for f in found]  # no "*": whole word only
    assert "Someohjeistus" in check(text, BOOK, lang="fi")[0].message


def test_paid_collaboration_needs_a_disclosure_tag() -> None:
    assert codes_of(check("Kiitos yhteistyöstä!", BOOK, paid=True)) == [
        "guideline.disclosure_missing"
    ]
    assert check("Kiitos! #Mainos", BOOK, paid=True) == []
    assert check("Kiitos yhteistyöstä!", BOOK, paid=False) == []


def test_hashtag_and_emoji_limits_mark_what_is_past_them() -> None:
    text = "☕ ja 🥐 #a #b #c #d"
    found = {f.code: f for f in check(text, BOOK)}
    tags = found["guideline.too_many_hashtags"]
    assert text[tags.start : tags.end] == "#c #d" and "4" in tags.message
    emoji = found["guideline.too_many_emoji"]
    assert text[emoji.start : emoji.end] == "🥐"


def test_alt_text_is_required_per_image() -> None:
    found = check("Kuva", BOOK, alt_texts=["Kahvikuppi", " "])
    assert [(f.code, f.index) for f in found] == [("guideline.alt_text_missing", 1)]
    assert "2" in found[0].message


def test_links_are_tagged_per_channel() -> None:
    text = "Lue https://aroma.fi/blogi?id=3 ja aroma.fi/menu"
    assert codes_of(check(text, BOOK, channel="mastodon")) == ["guideline.utm_missing"]
    assert check(text, BOOK, channel="x") == []
    tagged = tag_links(text, BOOK.utm["mastodon"])
    assert tagged == (
        "Lue https://aroma.fi/blogi?id=3&utm_source=mastodon&utm_medium=social ja aroma.fi/menu"
    )
    assert check(tagged, BOOK, channel="mastodon") == []
    kept = "https://a.fi/?utm_source=mine"
    assert tag_link(kept, BOOK.utm["mastodon"]) == kept + "&utm_medium=social"


def test_templates_fill_and_leftover_placeholders_are_found() -> None:
    body = "Uutta {date}: {title} {link} {{ei paikka}}"
    assert placeholders(body) == ["date", "title", "link"]
    filled = fill(body, {"date": "1.12.", "title": "Joulu"})
    assert filled == "Uutta 1.12.: Joulu {link} {{ei paikka}}"
    found = check(filled, Rulebook(banned_words=("x",)))
    assert codes_of(found) == ["guideline.placeholder_left"]
    assert filled[found[0].start : found[0].end] == "{link}"


def test_the_file_round_trips_and_refuses_what_it_cannot_read() -> None:
    text = dump_rulebook(BOOK)
    assert '"version": 1' in text and "ä" in text
    assert parse_rulebook(text) == BOOK
    for bad, words in [
        ("not json", "not JSON"),
        ('{"format": "other", "version": 1}', "not a guideline file"),
        ('{"format": "somestudio-guidelines", "version": 2}', "newer Some Studio"),
        ('{"format": "somestudio-guidelines"}', "version"),
        ('{"format": "somestudio-guidelines", "version": 1, "max_emoji": "3"}', "max_emoji"),
        ('{"format": "somestudio-guidelines", "version": 1, "banned_words": "x"}', "list"),
    ]:
        with pytest.raises(RulebookError, match=words):
            parse_rulebook(bad)
    minimal = parse_rulebook('{"format": "somestudio-guidelines", "version": 1}')
    assert minimal.disclosure_tags == ("#mainos", "#ad") and minimal.is_empty


def test_messages_have_the_same_placeholders_in_both_languages() -> None:
    def names(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert codes() == set(_CATALOGUE)
    for code, (english, finnish) in _CATALOGUE.items():
        assert names(english) == names(finnish), code
