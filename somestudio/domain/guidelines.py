"""A workspace's social media guideline ("someohjeistus"): rules checked as the user writes,
and example posts to learn from. Pure: the composer and the CSV preview call ``check``.

Rules: banned words (an error) and discouraged ones (a warning with what to say instead;
"word*" matches any ending, so "halp*" finds "halpaa" and "halvalla" does not), a
disclosure tag required when a post is a paid collaboration ("#mainos", "#ad"), at most so
many hashtags and emoji, alt text required on images, and UTM parameters each channel's
links should carry (``tag_links`` adds them).

The rulebook travels as a versioned JSON file (``dump_rulebook`` / ``parse_rulebook``), so a
team shares one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import regex

from somestudio.domain.analysis import TextAnalysis
from somestudio.domain.findings import Severity
from somestudio.domain.guideline_messages import render
from somestudio.domain.networks import Network

FORMAT = "somestudio-guidelines"
VERSION = 1
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")
_PLACEHOLDER = regex.compile(r"(?<!\{)\{([\p{L}_][\p{L}\p{Nd}_]*)\}(?!\})")


@dataclass(frozen=True, slots=True)
class Discouraged:
    word: str
    instead: str = ""


@dataclass(frozen=True, slots=True)
class ExamplePost:
    title: str
    text: str
    note: str = ""  # why it is a good example


@dataclass(frozen=True, slots=True)
class Rulebook:
    name: str = ""
    banned_words: tuple[str, ...] = ()
    discouraged_words: tuple[Discouraged, ...] = ()
    disclosure_tags: tuple[str, ...] = ("#mainos", "#ad")
    max_hashtags: int | None = None
    max_emoji: int | None = None
    require_alt_text: bool = False
    utm: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # channel → params
    examples: tuple[ExamplePost, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == Rulebook(name=self.name, examples=self.examples)


EMPTY = Rulebook()


@dataclass(frozen=True, slots=True, order=True)
class GuidelineFinding:
    """``start``/``end`` are code-point offsets into the text; ``index`` an attachment for
    alt-text findings (-1 otherwise)."""

    start: int
    end: int
    code: str
    severity: Severity
    params: tuple[tuple[str, str | int], ...] = ()
    lang: str = "en"
    index: int = -1

    @property
    def message(self) -> str:
        return render(self.code, self.lang, dict(self.params))


def check(
    text: str | TextAnalysis,
    rulebook: Rulebook,
    *,
    paid: bool = False,
    channel: str | None = None,
    alt_texts: Sequence[str] = (),
    lang: str = "en",
) -> list[GuidelineFinding]:
    """What ``text`` does against ``rulebook`` (for ``channel``'s UTM rule, when given)."""
    analysis = text if isinstance(text, TextAnalysis) else TextAnalysis(text)
    body = analysis.text
    found: list[GuidelineFinding] = []

    def add(code: str, start: int, end: int, severity: Severity, **params: str | int) -> None:
        found.append(GuidelineFinding(start, end, code, severity, tuple(params.items()), lang))

    found += _word_findings(body, rulebook, lang)
    if paid and rulebook.disclosure_tags:
        tags = {t.text.casefold() for t in analysis.entities.hashtags}
        wanted = [t for t in rulebook.disclosure_tags if t.strip()]
        if wanted and not any(
            t.casefold() in tags or t.casefold() in body.casefold() for t in wanted
        ):
            add("guideline.disclosure_missing", 0, 0, Severity.ERROR, tags=", ".join(wanted))
    hashtags = analysis.entities.hashtags
    if rulebook.max_hashtags is not None and len(hashtags) > rulebook.max_hashtags:
        extra = hashtags[rulebook.max_hashtags :]
        add(
            "guideline.too_many_hashtags",
            extra[0].start,
            extra[-1].end,
            Severity.WARNING,
            count=len(hashtags),
            limit=rulebook.max_hashtags,
        )
    emoji = analysis.emoji
    if rulebook.max_emoji is not None and len(emoji) > rulebook.max_emoji:
        extra_emoji = emoji[rulebook.max_emoji :]
        add(
            "guideline.too_many_emoji",
            extra_emoji[0][0],
            extra_emoji[-1][1],
            Severity.WARNING,
            count=len(emoji),
            limit=rulebook.max_emoji,
        )
    if rulebook.require_alt_text:
        for index, alt in enumerate(alt_texts):
            if not alt.strip():
                found.append(
                    GuidelineFinding(
                        0,
                        0,
                        "guideline.alt_text_missing",
                        Severity.ERROR,
                        (("number", index + 1),),
                        lang,
                        index,
                    )
                )
    found += _link_findings(analysis, rulebook, channel, lang)
    return sorted(found)


def _word_findings(body: str, rulebook: Rulebook, lang: str) -> list[GuidelineFinding]:
    found: list[GuidelineFinding] = []

    def add(code: str, start: int, end: int, severity: Severity, **params: str | int) -> None:
        found.append(GuidelineFinding(start, end, code, severity, tuple(params.items()), lang))

    for word in rulebook.banned_words:
        for start, end in _word_spans(body, word):
            add("guideline.banned_word", start, end, Severity.ERROR, word=body[start:end])
    for rule in rulebook.discouraged_words:
        for start, end in _word_spans(body, rule.word):
            code = "guideline.discouraged_word" + ("_instead" if rule.instead else "")
            add(code, start, end, Severity.WARNING, word=body[start:end], instead=rule.instead)
    return found


def _link_findings(
    analysis: TextAnalysis, rulebook: Rulebook, channel: str | None, lang: str
) -> list[GuidelineFinding]:
    found: list[GuidelineFinding] = []
    body = analysis.text

    def add(code: str, start: int, end: int, severity: Severity, **params: str | int) -> None:
        found.append(GuidelineFinding(start, end, code, severity, tuple(params.items()), lang))

    wanted_utm = rulebook.utm.get(channel or "", {}) if channel else {}
    if wanted_utm:
        for url in analysis.entities.urls:
            if url.has_protocol and tag_link(url.text, wanted_utm) != url.text:
                add(
                    "guideline.utm_missing",
                    url.start,
                    url.end,
                    Severity.WARNING,
                    channel=_channel_name(channel),
                )
    for match in _PLACEHOLDER.finditer(body):
        add(
            "guideline.placeholder_left",
            match.start(),
            match.end(),
            Severity.WARNING,
            name=match.group(),
        )
    return found


def _channel_name(channel: str | None) -> str:
    """The network's name as people write it ("Mastodon"), not its key ("mastodon")."""
    try:
        return Network(channel or "").display_name
    except ValueError:
        return channel or ""


def _word_spans(text: str, word: str) -> list[tuple[int, int]]:
    word = word.strip()
    if not word:
        return []
    stem, star = (word[:-1], True) if word.endswith("*") else (word, False)
    tail = r"[\p{L}\p{M}\p{Nd}]*" if star else ""
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{Nd}}]){regex.escape(stem)}{tail}(?![\p{{L}}\p{{M}}\p{{Nd}}])",
        regex.IGNORECASE | regex.V1,
    )
    return [m.span() for m in pattern.finditer(text)]


def tag_link(url: str, params: Mapping[str, str]) -> str:
    """``url`` with each of ``params`` it lacks added to its query (its own values kept)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {k for k, _ in query}
    added = [(k, v) for k, v in params.items() if v and k not in present]
    if not added:
        return url
    return urlunsplit(parts._replace(query=urlencode([*query, *added])))


def tag_links(text: str, params: Mapping[str, str]) -> str:
    """``text`` with every web link tagged by ``tag_link`` (links without http(s) are left)."""
    analysis = TextAnalysis(text)
    out: list[str] = []
    position = 0
    for url in analysis.entities.urls:
        if not url.has_protocol:
            continue
        out.append(text[position : url.start])
        out.append(tag_link(url.text, params))
        position = url.end
    out.append(text[position:])
    return "".join(out)


def placeholders(text: str) -> list[str]:
    """The ``{name}`` placeholders in a template, in order, each once."""
    return list(dict.fromkeys(m.group(1) for m in _PLACEHOLDER.finditer(text)))


def fill(text: str, values: Mapping[str, str]) -> str:
    """The template with each ``{name}`` that has a value replaced; others are left as they are."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group()), text)


# ---------------------------------------------------------------- the shared file


class RulebookError(ValueError):
    """A rulebook file that cannot be used; the message says why, for the user."""


def dump_rulebook(rulebook: Rulebook) -> str:
    return json.dumps(_to_dict(rulebook), ensure_ascii=False, indent=2) + "\n"


def _to_dict(rulebook: Rulebook) -> dict[str, object]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": rulebook.name,
        "banned_words": list(rulebook.banned_words),
        "discouraged_words": [
            {"word": d.word, "instead": d.instead} for d in rulebook.discouraged_words
        ],
        "disclosure_tags": list(rulebook.disclosure_tags),
        "max_hashtags": rulebook.max_hashtags,
        "max_emoji": rulebook.max_emoji,
        "require_alt_text": rulebook.require_alt_text,
        "utm": {channel: dict(params) for channel, params in rulebook.utm.items()},
        "examples": [{"title": e.title, "text": e.text, "note": e.note} for e in rulebook.examples],
    }


def rulebook_to_json(rulebook: Rulebook) -> object:
    return _to_dict(rulebook)


def parse_rulebook(text: str) -> Rulebook:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise RulebookError(f"not a guideline file (not JSON: {exc})") from exc
    return rulebook_from_json(data)


def rulebook_from_json(data: object) -> Rulebook:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RulebookError(f'not a guideline file (its "format" is not "{FORMAT}")')
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise RulebookError('the guideline file has no valid "version"')
    if version > VERSION:
        raise RulebookError(
            f"the guideline file is version {version}, made by a newer Some Studio; "
            f"this one reads version {VERSION}"
        )
    try:
        return Rulebook(
            name=_text(data, "name"),
            banned_words=tuple(_strings(data, "banned_words")),
            discouraged_words=tuple(
                Discouraged(str(d["word"]), str(d.get("instead", "")))
                if isinstance(d, dict)
                else Discouraged(str(d))
                for d in _list(data, "discouraged_words")
            ),
            disclosure_tags=tuple(_strings(data, "disclosure_tags", ["#mainos", "#ad"])),
            max_hashtags=_limit(data, "max_hashtags"),
            max_emoji=_limit(data, "max_emoji"),
            require_alt_text=bool(data.get("require_alt_text", False)),
            utm={
                str(channel): {str(k): str(v) for k, v in params.items() if k in UTM_KEYS}
                for channel, params in _dict(data, "utm").items()
                if isinstance(params, dict)
            },
            examples=tuple(
                ExamplePost(str(e.get("title", "")), str(e["text"]), str(e.get("note", "")))
                for e in _list(data, "examples")
                if isinstance(e, dict)
            ),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise RulebookError(f"the guideline file is damaged ({exc!r})") from exc


def _text(data: dict[str, object], key: str) -> str:
    value = data.get(key, "")
    return value if isinstance(value, str) else str(value)


def _list(data: dict[str, object], key: str) -> list[object]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RulebookError(f'"{key}" must be a list')
    return value


def _strings(data: dict[str, object], key: str, default: list[str] | None = None) -> list[str]:
    if key not in data and default is not None:
        return default
    return [str(v) for v in _list(data, key) if str(v).strip()]


def _dict(data: dict[str, object], key: str) -> dict[str, object]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise RulebookError(f'"{key}" must be an object')
    return value


def _limit(data: dict[str, object], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RulebookError(f'"{key}" must be a whole number of 0 or more, or null')
    return value
