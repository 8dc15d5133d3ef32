"""What the metrics view needs of a post's text, stored beside it at every write (revision
0019): its length and hashtag count (``domain.entities.text_facts``), so that a year's view
reads two small integers per post instead of 25,000 texts and a regular expression over
them. A post's base text: ``posts.text_length``/``text_hashtags``; a delivery's variant of
its own: ``deliveries.override_length``/``override_hashtags`` (NULL without a variant).

Every write of ``posts.base_text`` or ``deliveries.text_override`` in store/ passes these
parameters. A row written otherwise (an older build, a hand-made row) has NULL there, and
the view then reads that post's text instead (``metric_queries.view_rows``). The same
revision's ``posts.has_media`` is written with the post's media (``posts.create_post``,
``composition.write``)."""

from __future__ import annotations


def text_columns(text: str) -> dict[str, int | None]:
    """``:text_length`` and ``:text_hashtags`` of a post's base text."""
    # On first use: the entity patterns (the third-party ``regex`` module, the URL grammar)
    # take 25-30 ms to load, which the window's first frame does not wait for.
    from somestudio.domain.entities import text_facts  # noqa: PLC0415

    length, hashtags = text_facts(text)
    return {"text_length": length, "text_hashtags": hashtags}


def override_columns(text: str | None) -> dict[str, int | None]:
    """``:override_length`` and ``:override_hashtags`` of a delivery's own variant (None:
    none, the post's text goes out)."""
    from somestudio.domain.entities import text_facts  # noqa: PLC0415

    length, hashtags = text_facts(text)
    return {"override_length": length, "override_hashtags": hashtags}
