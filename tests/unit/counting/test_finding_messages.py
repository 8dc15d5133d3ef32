"""The finding message catalogue: every code the rules emit has English and Finnish text."""

from __future__ import annotations

import pytest

from somestudio.app.draft_checks import with_break_warnings
from somestudio.domain import messages
from somestudio.domain.channels import RULES, check_all, pinterest, youtube
from somestudio.domain.findings import Finding, Severity, error

# A text that triggers every finding the post-text checks can produce, per channel.
EVERYTHING = (
    "\x00\x07\ud800\ufeff <> "
    + " ".join(f"https://example.com/{i}" for i in range(6))
    + " "
    + " ".join(f"#t{i}" for i in range(31))
    + " #"
    + "a" * 70
    + " "
    + " ".join(f"@u{i}" for i in range(21))
    + " "
    + "👨\u200d👩\u200d👧\u200d👦" * 2600
    + "x" * 70_000
)


def _emitted() -> list[Finding]:
    found = [f for check in check_all(EVERYTHING, lang="fi").values() for f in check.findings]
    for check in (
        youtube.RULE.check_title(""),
        youtube.RULE.check_title("x" * 200),
        pinterest.RULE.check_title("x" * 200),
        pinterest.RULE.check_alt_text("x" * 600),
        pinterest.RULE.check_link("ftp://" + "x" * 3000),
        RULES["instagram"].check(" ".join(f"#t{i}" for i in range(6)), lang="fi"),
    ):
        found.extend(check.findings)
    # The composer's own: a writer's "---" line sent in one post (app/draft_checks.py).
    for channel in ("bluesky", "linkedin"):
        text = "Yksi\n---\nKaksi"
        check = RULES[channel].check(text, lang="fi")
        found.extend(with_break_warnings(check, text, channel, "fi").findings)
    return found


def test_every_catalogued_code_is_emitted_and_every_emitted_code_is_catalogued() -> None:
    emitted = {f.code for f in _emitted()}
    assert emitted == messages.codes()


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_messages_render_in_both_languages(lang: str) -> None:
    for finding in _emitted():
        text = finding.message_in(lang)
        assert text and "{" not in text, finding.code


def test_finnish_differs_from_english() -> None:
    for finding in _emitted():
        assert finding.message_in("fi") != finding.message_in("en"), finding.code


def test_language_selection() -> None:
    finding = error("x.too_long", 0, 1, "fi", channel="X", count=300, limit=280, unit="weighted")
    assert finding.message == "X: liian pitkä (300/280 painotettua merkkiä)."
    assert finding.message_in("en") == "X: too long (300/280 weighted characters)."
    assert finding.message_in("fi_FI.UTF-8") == finding.message
    assert finding.message_in("de") == finding.message_in("en")


def test_check_language_parameter_defaults_to_english() -> None:
    (finding,) = RULES["bluesky"].check("a" * 301).findings
    assert finding.message.startswith("Bluesky: too long")
    (finding,) = RULES["bluesky"].check("a" * 301, lang="fi").findings
    assert finding.message.startswith("Bluesky: liian pitkä")


def test_findings_sort_by_position_and_are_hashable() -> None:
    check = RULES["x"].check("\x00" + "a" * 300)
    assert [f.start for f in check.findings] == sorted(f.start for f in check.findings)
    assert len(set(check.findings)) == len(check.findings)
    assert check.findings[0].severity is Severity.ERROR


def test_counts_are_grouped_as_the_counters_show_them() -> None:
    """The problems list said "2098/300" beside a counter saying "2,098 / 300"."""
    text = "kahvia " * 600
    (finding,) = [f for f in RULES["bluesky"].check(text).findings if f.code.endswith("too_long")]
    assert "(4,200/300 " in finding.message_in("en")
    assert "(4\u00a0200/300 " in finding.message_in("fi")
    assert messages.grouped(63_206, "fi_FI") == "63\u00a0206"
    assert messages.grouped(999, "en") == "999"


def test_unknown_code_renders_as_itself() -> None:
    assert messages.render("nobody.knows", "fi", {}) == "nobody.knows"


def test_pasted_binary_is_capped() -> None:
    check = RULES["x"].check("\x00a" * 10_000)
    assert sum(f.code == "text.nul" for f in check.findings) == 50


def test_threads_warns_of_more_than_one_topic_tag_and_instagram_of_more_than_five() -> None:
    # Threads Posts: one topic tag (topic_tag) per post,
    # https://developers.facebook.com/documentation/threads/posts
    many = " ".join(f"#t{i}" for i in range(33))
    threads = RULES["threads"].check(many, lang="en")
    assert [(f.code, f.severity) for f in threads.findings] == [
        ("threads.one_tag", Severity.WARNING)
    ]
    assert threads.ok and "33" in threads.findings[0].message
    assert RULES["threads"].check("#kahvi tänään", lang="en").findings == ()
    # Instagram: a cap of 5 announced in December 2025 (no API page states it): a warning.
    six = RULES["instagram"].check(" ".join(f"#t{i}" for i in range(6)), lang="en")
    assert [(f.code, f.severity) for f in six.findings] == [
        ("instagram.hashtags_over_cap", Severity.WARNING)
    ]
    assert RULES["instagram"].check(" ".join(f"#t{i}" for i in range(5)), lang="en").ok
    over = RULES["instagram"].check(many, lang="en")
    assert [f.code for f in over.findings] == ["instagram.too_many_hashtags"] and not over.ok
