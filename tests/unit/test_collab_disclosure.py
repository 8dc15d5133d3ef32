"""The paid-collaboration marking (KKV guideline): at the start of the post, naming the
partner, before each network's "see more" fold — as the composer computes the fold."""

from __future__ import annotations

import pytest

from somestudio.domain.collab.disclosure import check_disclosure, suggested_marking
from somestudio.domain.collab.disclosure_messages import codes, render
from somestudio.domain.findings import Severity
from somestudio.domain.folds import FOLDS, fold_offset

PARTNER = "Kahvila Aurinko"
FOLDING = sorted(FOLDS)  # linkedin, instagram, facebook, tiktok, youtube
WHOLE = ["x", "mastodon", "bluesky", "threads", "pinterest"]
FILLER = "Tänään kokeilimme uutta kahvia ja se oli oikein hyvää. "


def _codes(text: str, channel: str) -> list[str]:
    return [f.code for f in check_disclosure(text, PARTNER, channel)]


@pytest.mark.parametrize("channel", FOLDING + WHOLE)
@pytest.mark.parametrize(
    "opening",
    [
        "Kaupallinen yhteistyö: Kahvila Aurinko",
        "Mainos / Kahvila Aurinko",
        "Mainos @kahvilaaurinko",
        "#mainos #yhteistyössä @KahvilaAurinko",
        "Paid partnership with Kahvila Aurinko",
        "☕ Ad: Kahvila Aurinko",
        "In partnership with KAHVILA AURINKO",
    ],
)
def test_a_marking_at_the_start_naming_the_partner_passes(channel: str, opening: str) -> None:
    assert _codes(opening + "\n" + FILLER * 8, channel) == []


@pytest.mark.parametrize("channel", FOLDING + WHOLE)
def test_no_marking_at_all_is_an_error(channel: str) -> None:
    found = check_disclosure(FILLER + PARTNER, PARTNER, channel)
    assert [f.code for f in found] == ["collab.marking_missing"]
    assert found[0].severity is Severity.ERROR


@pytest.mark.parametrize("channel", FOLDING + WHOLE)
def test_hashtags_at_the_end_are_not_a_marking_at_the_start(channel: str) -> None:
    assert _codes(FILLER + "@kahvilaaurinko #ad", channel) == ["collab.marking_not_first"]


@pytest.mark.parametrize("channel", FOLDING)
def test_the_partner_named_only_after_the_fold(channel: str) -> None:
    text = "Mainos\n" + FILLER * 12 + PARTNER
    fold = fold_offset(text, channel)
    assert fold is not None and text.index(PARTNER) > fold  # really after the fold
    assert _codes(text, channel) == ["collab.partner_after_fold"]


@pytest.mark.parametrize("channel", FOLDING)
def test_the_same_text_with_the_partner_just_before_the_fold_passes(channel: str) -> None:
    # A long opening that still ends before the fold: the partner is the last word shown.
    room = FOLDS[channel].characters - len("Mainos  " + PARTNER) - 2
    text = "Mainos " + "x" * room + " " + PARTNER + " " + FILLER * 12
    fold = fold_offset(text, channel)
    assert fold is not None and text.index(PARTNER) + len(PARTNER) <= fold
    assert _codes(text, channel) == []


@pytest.mark.parametrize("channel", FOLDING)
def test_a_marking_pushed_behind_the_fold_by_blank_lines(channel: str) -> None:
    """Lines fold too: emoji lines at the start push the marking past the fold."""
    lines = FOLDS[channel].lines or 2
    text = "✨\n" * (lines + 1) + "Kaupallinen yhteistyö: Kahvila Aurinko\n" + FILLER
    assert _codes(text, channel) == ["collab.marking_after_fold"]


@pytest.mark.parametrize("channel", WHOLE)
def test_networks_without_a_fold_still_want_the_partner_in_the_opening(channel: str) -> None:
    assert _codes("Mainos. " + FILLER * 4 + PARTNER, channel) == ["collab.partner_missing"]
    assert _codes("Mainos " + PARTNER + ". " + FILLER * 4, channel) == []


def test_words_that_only_begin_like_a_marking_do_not_count() -> None:
    assert _codes("Mainostamme Kahvila Aurinkoa", "x") == ["collab.marking_missing"]
    assert _codes("Adventure with Kahvila Aurinko", "x") == ["collab.marking_missing"]


def test_messages_in_both_languages_name_the_partner_and_channel() -> None:
    for code in codes():
        for lang in ("en", "fi"):
            text = render(code, lang, {"partner": PARTNER, "channel": "Instagram", "limit": 124})
            assert "Instagram" in text and "{" not in text
            # A post ticked paid but linked to no collaboration has no partner to name.
            assert (PARTNER in text) is not code.startswith("collab.paid_")
    assert "Kaupallinen yhteistyö" in render(
        "collab.marking_missing", "fi", {"partner": PARTNER, "channel": "X"}
    )
    assert suggested_marking(PARTNER, "fi") == "Kaupallinen yhteistyö: Kahvila Aurinko"
    assert suggested_marking(PARTNER, "en") == "Paid partnership with Kahvila Aurinko"
    for lang in ("fi", "en"):
        assert _codes(suggested_marking(PARTNER, lang) + "\n\n", "instagram") == []


@pytest.mark.parametrize(
    ("partner", "opening"),
    [
        ("Paahtimo Pohjoinen", "#mainos Yhteistyössä Paahtimo Pohjoisen kanssa"),
        ("Kahvila Aurinko", "Kaupallinen yhteistyö Kahvila Auringon kanssa"),
        ("Kulma Oy", "Mainos: yhteistyössä Kulman kanssa"),
        ("Paahtimo Pohjoinen Oy", "Mainos / Paahtimo Pohjoinen"),
        ("Glow", "#mainos Yhteistyössä Glow'n kanssa"),  # a short name keeps its letters
        ("Glow", "Kaupallinen yhteistyö: Glowin uusi valaisin"),
    ],
)
def test_the_partner_may_be_named_in_a_finnish_case(partner: str, opening: str) -> None:
    assert check_disclosure(opening + "\n" + FILLER * 4, partner, "instagram") == []


@pytest.mark.parametrize(
    ("partner", "opening"),
    [
        ("Kahvila Aurinko Oy", "Mainos: Kahvila Kuu"),  # another café
        ("Paahtimo Pohjoinen", "Mainos: Paahtimo Etelä"),
        ("Ikea", "Mainos: Iittala"),
        # A short name misspelt or another brand sharing its first letters (both passed).
        ("Glow Lighting Co", "Paid partnership with Glo Lighting Co:"),
        ("Glow", "Paid partnership with Glossier"),
    ],
)
def test_another_company_is_not_the_partner(partner: str, opening: str) -> None:
    codes_found = [f.code for f in check_disclosure(opening + "\n" + FILLER, partner, "x")]
    assert codes_found == ["collab.partner_missing"]


def test_a_paid_post_of_no_collaboration_needs_the_marking_alone() -> None:
    assert [f.code for f in check_disclosure("Kevään uutuudet!", "", "x")] == [
        "collab.paid_marking_missing"
    ]
    assert check_disclosure("Mainos: kevään uutuudet!", "", "x") == []
    assert [f.code for f in check_disclosure("Kevään uutuudet! #mainos", "", "x")] == [
        "collab.paid_marking_not_first"
    ]
