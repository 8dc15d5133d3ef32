"""Each network's rules: what counts, how much, and which finding says so where."""

from __future__ import annotations

import pytest

from somestudio.domain.channels import (
    CHANNELS,
    RULES,
    ChannelCheck,
    TextAnalysis,
    Unit,
    check_all,
    mastodon,
    pinterest,
    youtube,
)
from somestudio.domain.channels.linkedin import LITTLE_TEXT_RESERVED, escape_little_text
from somestudio.domain.channels.mastodon import MastodonRule
from somestudio.domain.findings import Severity

FAMILY = "👨\u200d👩\u200d👧\u200d👦"  # 7 code points, 11 UTF-16 units, 25 UTF-8 bytes, 1 cluster


def codes(check: ChannelCheck) -> list[str]:
    return [f.code for f in check.findings]


def test_registry_names() -> None:
    assert CHANNELS == (
        "x",
        "mastodon",
        "bluesky",
        "threads",
        "linkedin",
        "facebook",
        "instagram",
        "tiktok",
        "youtube",
        "pinterest",
    )
    for name, rule in RULES.items():
        assert rule.name == name
        assert rule.text_limit.value > 0
        assert rule.text_limit.source


def test_unconfirmed_limits_are_flagged() -> None:
    unconfirmed = {name for name, rule in RULES.items() if not rule.text_limit.confirmed}
    assert unconfirmed == {"threads", "linkedin", "facebook", "instagram"}
    assert not RULES["linkedin"].check("hei").limit_confirmed
    assert RULES["x"].check("hei").limit_confirmed


def test_unknown_channel_raises() -> None:
    with pytest.raises(KeyError):
        check_all("hei", ["myspace"])


# ---------------------------------------------------------------- X


def test_x_too_long_span_is_the_part_past_the_limit() -> None:
    text = "a" * 279 + "😷" + "bc"
    check = RULES["x"].check(text)
    assert (check.count, check.ok) == (283, False)
    (finding,) = check.findings
    assert (finding.code, finding.severity) == ("x.too_long", Severity.ERROR)
    assert (finding.start, finding.end) == (279, len(text))  # the emoji does not fit whole


def test_x_links_count_23_and_emoji_sequences_2() -> None:
    assert RULES["x"].count("https://example.com/a/very/long/path/indeed") == 23
    assert RULES["x"].count("www.example.fi") == 23
    assert RULES["x"].count(FAMILY) == 2
    assert RULES["x"].count("Hyvää päivää") == 12
    assert RULES["x"].count("日本") == 4


def test_x_premium_limit_override() -> None:
    check = RULES["x"].check("a" * 1000, limit_override=25_000)
    assert check.ok
    assert check.limit == 25_000
    assert not check.limit_confirmed


def test_x_counts_nfc_but_reports_offsets_in_the_typed_text() -> None:
    decomposed = "a\u0308" * 281  # ä typed as a + combining diaeresis
    check = RULES["x"].check(decomposed)
    assert check.count == 281
    assert check.overflow == 560  # the 281st ä starts at code point 560 of the input


def test_x_invalid_characters() -> None:
    check = RULES["x"].check("ok\ufeffok")
    assert codes(check) == ["x.invalid_character"]
    assert (check.findings[0].start, check.findings[0].end) == (2, 3)
    assert not check.ok


# ---------------------------------------------------------------- Mastodon


def test_mastodon_counts_links_as_23_and_remote_mentions_as_local() -> None:
    rule = RULES["mastodon"]
    assert rule.count("https://example.com/" + "x" * 200) == 23
    assert rule.count("@alice@mastodon.example.org") == len("@alice")
    assert rule.count("@alice") == 6
    # A bare domain is not a link to Mastodon's counter: it counts in full.
    assert rule.count("example.com/" + "x" * 30) == 42
    assert rule.count("e\u0301" + FAMILY) == 2


def test_mastodon_per_instance_limit() -> None:
    text = "a" * 600
    assert not RULES["mastodon"].check(text).ok
    assert RULES["mastodon"].check(text, limit_override=1000).ok
    custom = MastodonRule.for_instance(max_characters=5000, characters_reserved_per_url=30)
    assert custom.check(text).ok
    assert custom.count("https://example.com") == 30


def test_mastodon_content_warning_counts() -> None:
    rule = mastodon.RULE
    assert rule.check("a" * 490, content_warning="b" * 20).count == 510
    check = rule.check("a" * 490, content_warning="b" * 20)
    assert check.overflow == 480


def test_mastodon_overflow_never_cuts_a_link() -> None:
    text = "a" * 490 + " https://example.com/path"
    check = RULES["mastodon"].check(text)
    assert check.count == 514
    assert check.overflow == 491


# ---------------------------------------------------------------- Bluesky


def test_bluesky_graphemes_and_bytes() -> None:
    rule = RULES["bluesky"]
    emoji_heavy = FAMILY * 150  # 150 clusters, 3750 bytes
    check = rule.check(emoji_heavy)
    assert (check.count, check.unit) == (150, Unit.GRAPHEMES)
    assert codes(check) == ["bluesky.too_many_bytes"]
    assert check.findings[0].start == 120 * 7  # 120 families fit in 3000 bytes
    assert not check.ok
    long_latin = "a" * 301
    assert codes(rule.check(long_latin)) == ["bluesky.too_long"]


def test_bluesky_long_hashtag_is_a_warning() -> None:
    text = "#" + "a" * 65 + " #ok"
    check = RULES["bluesky"].check(text)
    assert codes(check) == ["bluesky.tag_too_long"]
    assert check.findings[0].severity is Severity.WARNING
    assert check.ok


# ---------------------------------------------------------------- Threads


def test_threads_emoji_count_as_utf8_bytes() -> None:
    assert RULES["threads"].count("abc") == 3
    assert RULES["threads"].count("😷") == 4
    assert RULES["threads"].count(FAMILY) == 25


def test_threads_at_most_five_distinct_links() -> None:
    five = " ".join(f"https://example.com/{i}" for i in range(5))
    assert RULES["threads"].check(five + " https://example.com/0").ok
    six = five + " https://example.com/5"
    check = RULES["threads"].check(six)
    assert codes(check) == ["threads.too_many_links"]
    assert check.findings[0].start == six.index("https://example.com/5")


# ---------------------------------------------------------------- LinkedIn, Facebook, TikTok


def test_linkedin_escaping_does_not_count() -> None:
    text = "Hei (kaikki) #uutiset @[Nimi] *tärkeää* 1_000 ~ <3 | {x} \\"
    escaped = escape_little_text(text)
    assert all(escaped.count("\\" + ch) >= text.count(ch) for ch in LITTLE_TEXT_RESERVED)
    assert escaped.replace("\\", "") == text.replace("\\", "")
    assert RULES["linkedin"].count(text) == len(text)


@pytest.mark.parametrize("name", ["linkedin", "facebook", "instagram", "tiktok"])
def test_utf16_channels(name: str) -> None:
    rule = RULES[name]
    assert rule.count("😷") == 2
    assert rule.count(FAMILY) == 11
    limit = rule.text_limit.value
    text = "😷" * (limit // 2) + "x"
    check = rule.check(text)
    assert check.count == limit + 1
    assert check.overflow == limit // 2


# ---------------------------------------------------------------- Instagram


def test_instagram_hashtags_and_mentions() -> None:
    tags = " ".join(f"#tag{i}" for i in range(31))
    check = RULES["instagram"].check(tags)
    assert codes(check) == ["instagram.too_many_hashtags"]
    assert check.findings[0].start == tags.index("#tag30")
    assert RULES["instagram"].check(" ".join(f"#t{i}" for i in range(30))).ok
    mentions = " ".join(f"@user{i}" for i in range(21))
    assert codes(RULES["instagram"].check(mentions)) == ["instagram.too_many_mentions"]


# ---------------------------------------------------------------- YouTube, Pinterest


def test_youtube_description_bytes_and_angle_brackets() -> None:
    rule = youtube.RULE
    assert rule.count("ä") == 2
    assert not rule.check("ä" * 2501).ok
    check = rule.check("a <b> c")
    assert codes(check) == ["youtube.forbidden_character", "youtube.forbidden_character"]
    title = rule.check_title("x" * 101)
    assert (title.field, codes(title)) == ("title", ["youtube.title_too_long"])
    assert codes(rule.check_title("  ")) == ["youtube.title_empty"]
    assert rule.check_title("Hyvä video").ok


def test_pinterest_fields() -> None:
    rule = pinterest.RULE
    assert rule.check("a" * 800).ok
    assert codes(rule.check("a" * 801)) == ["pinterest.too_long"]
    assert codes(rule.check_title("t" * 101)) == ["pinterest.title_too_long"]
    assert codes(rule.check_alt_text("t" * 501)) == ["pinterest.alt_text_too_long"]
    assert rule.check_link("https://example.com/pin").ok
    assert codes(rule.check_link("example.com")) == ["pinterest.link_invalid"]
    long_link = "https://example.com/" + "a" * 2048
    assert codes(rule.check_link(long_link)) == ["pinterest.link_too_long"]


# ---------------------------------------------------------------- shared


def test_nul_and_lone_surrogates_are_errors_everywhere() -> None:
    text = "hei\x00\x00 maailma \ud83d"
    for name, check in check_all(text).items():
        found = {(f.code, f.start, f.end) for f in check.findings}
        assert ("text.nul", 3, 5) in found, name
        assert ("text.lone_surrogate", 14, 15) in found, name
        assert not check.ok


def test_control_characters_are_warnings() -> None:
    check = RULES["x"].check("a\x07b")
    assert codes(check) == ["text.control_character"]
    assert check.ok


def test_shared_analysis_gives_the_same_answers() -> None:
    text = "Hei @a@b.fi https://example.com #tag " + FAMILY
    analysis = TextAnalysis(text)
    shared = check_all(analysis, lang="fi")
    for name in CHANNELS:
        assert shared[name] == RULES[name].check(text, lang="fi")


def test_entities_for_highlighting() -> None:
    text = "Katso https://example.com/#x @alice@example.social ja #Tänään!"
    entities = RULES["bluesky"].entities(text)
    assert [(e.kind.value, e.text) for e in entities.all()] == [
        ("url", "https://example.com/#x"),
        ("mention", "@alice@example.social"),
        ("hashtag", "#Tänään"),
    ]
    mention = entities.mentions[0]
    assert (mention.local_name, mention.server) == ("@alice", "example.social")


def test_not_mentions_or_tags() -> None:
    entities = RULES["x"].entities("mail me@example.com, #1 &#39; a#b")
    assert entities.mentions == ()
    assert entities.hashtags == ()


def test_json_shape() -> None:
    check = RULES["bluesky"].check("a" * 301)
    assert check.as_json() == {
        "count": 301,
        "limit": 300,
        "unit": "graphemes",
        "ok": False,
        "findings": [
            {
                "code": "bluesky.too_long",
                "severity": "error",
                "message": "Bluesky: too long (301/300 characters).",
                "start": 300,
                "end": 301,
            }
        ],
    }


def test_long_pasted_text_with_rtl_and_long_zwj_sequence() -> None:
    zwj_chain = "\u200d".join(["👩"] * 500)
    rtl = "\u2067שלום עולם https://example.co.il\u2069 "
    text = (rtl + zwj_chain + " ") * 20 + "中文" * 20_000 + "example.com"
    results = check_all(text)
    assert results["x"].count > 280
    assert results["mastodon"].count > 500
    assert all(not check.ok for check in results.values() if check.channel != "facebook")
