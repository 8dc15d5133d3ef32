"""twitter-text conformance: X's weighted counting and URL extraction against the reference.

The reference files give offsets in UTF-16 code units (twitter-text's JavaScript indices);
the app works in code points, so the expected values are converted, not the other way round.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
import yaml

from somestudio.domain.channels import RULES
from somestudio.domain.text import utf16_length, utf16_offset
from somestudio.domain.twittertext.config import V3
from somestudio.domain.twittertext.urls import extract_urls
from somestudio.domain.twittertext.weighted import parse_tweet

REFERENCE = Path(__file__).resolve().parents[3] / ".." / "shared" / "reference" / "twitter-text"


def _cases(file: str, group: str) -> list[Any]:
    data = yaml.safe_load((REFERENCE / file).read_text(encoding="utf-8"))
    cases = data["tests"][group]
    assert cases, f"{file} has no cases in {group}"
    return [pytest.param(case, id=case["description"][:60]) for case in cases]


def _as_twitter_text(text: str, config: Any = V3) -> dict[str, object]:
    parsed = parse_tweet(text, config=config)
    return {
        "weightedLength": parsed.weighted_length,
        "valid": parsed.valid,
        "permillage": parsed.permillage,
        "displayRangeStart": 0,
        "displayRangeEnd": max(utf16_length(text) - 1, 0),
        "validRangeStart": 0,
        "validRangeEnd": max(utf16_offset(text, parsed.valid_end) - 1, 0),
    }


@pytest.mark.parametrize(
    "case", _cases("validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest")
)
def test_weighted_with_discounted_emoji(case: dict[str, Any]) -> None:
    assert _as_twitter_text(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", _cases("validate.yml", "UnicodeDirectionalMarkerCounterTest"))
def test_directional_markers(case: dict[str, Any]) -> None:
    assert _as_twitter_text(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", _cases("validate.yml", "WeightedTweetsCounterTest"))
def test_weighted_without_emoji_parsing_config_v2(case: dict[str, Any]) -> None:
    # The older group: config v2 is v3 without emoji parsing.
    v2 = dataclasses.replace(V3, version=2, emoji_parsing_enabled=False)
    assert _as_twitter_text(case["text"], v2) == case["expected"]


@pytest.mark.parametrize(
    "case", _cases("validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest")
)
def test_x_channel_rule_agrees(case: dict[str, Any]) -> None:
    check = RULES["x"].check(case["text"])
    assert check.count == case["expected"]["weightedLength"]
    over = case["expected"]["weightedLength"] > check.limit
    assert any(f.code == "x.too_long" for f in check.findings) is over
    if over:
        # The highlighted overflow starts right after twitter-text's valid range.
        overflow = check.overflow
        assert overflow is not None
        assert utf16_offset(case["text"], overflow) - 1 == case["expected"]["validRangeEnd"]


@pytest.mark.parametrize("group", ["urls", "tco_urls_with_params"])
def test_url_groups_exist(group: str) -> None:
    assert _cases("extract.yml", group)


@pytest.mark.parametrize("case", _cases("extract.yml", "urls"))
def test_extract_urls(case: dict[str, Any]) -> None:
    assert [u.url for u in extract_urls(case["text"])] == (case["expected"] or [])


@pytest.mark.parametrize("case", _cases("extract.yml", "tco_urls_with_params"))
def test_extract_tco_urls_with_params(case: dict[str, Any]) -> None:
    assert [u.url for u in extract_urls(case["text"])] == (case["expected"] or [])


def _with_utf16_indices(text: str) -> list[dict[str, object]]:
    return [
        {"url": u.url, "indices": [utf16_offset(text, u.start), utf16_offset(text, u.end)]}
        for u in extract_urls(text)
    ]


@pytest.mark.parametrize("case", _cases("extract.yml", "urls_with_indices"))
def test_extract_urls_with_indices(case: dict[str, Any]) -> None:
    assert _with_utf16_indices(case["text"]) == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "urls_with_directional_markers"))
def test_extract_urls_with_directional_markers(case: dict[str, Any]) -> None:
    assert _with_utf16_indices(case["text"]) == case["expected"]


def test_code_point_offsets_after_astral_characters() -> None:
    # The app's offsets are code points; twitter-text's would be 2 further on per emoji.
    (url,) = extract_urls("😷😷 https://example.com")
    assert (url.start, url.end) == (3, 22)
