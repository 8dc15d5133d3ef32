"""A draft's language and link card survive the autosave's JSON; older autosaves read."""

from __future__ import annotations

import json

from somestudio.domain.drafts import Draft, from_json, to_json
from somestudio.domain.link_cards import LinkCard


def test_language_and_card_round_trip() -> None:
    card = LinkCard("https://kahvila.fi/menu", "Menu", "Glögiä", "https://x.fi/k.png", "/k.jpg")
    draft = Draft(base_text="Hei", language="fi", link_card=card)
    assert from_json(to_json(draft)) == draft
    hidden = Draft(base_text="Hei", link_card=LinkCard("https://kahvila.fi", hidden=True))
    assert from_json(to_json(hidden)) == hidden


def test_an_autosave_from_before_link_cards_reads() -> None:
    old = json.dumps({"version": 1, "base_text": "Hei", "account_ids": [1]})
    assert from_json(old) == Draft(base_text="Hei", account_ids=(1,))
