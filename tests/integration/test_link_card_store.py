"""A post's language and link card in a real database: saved, loaded, duplicated, and handed
to the publisher (a removed card is not)."""

from __future__ import annotations

from pathlib import Path

from somestudio.app.composer import Composer
from somestudio.app.workspace import open_workspace
from somestudio.domain.drafts import Draft
from somestudio.domain.link_cards import LinkCard
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction

CARD = LinkCard("https://kahvila.fi/menu", "Menu", "Glögiä", "https://kahvila.fi/k.png", "/k.jpg")


def test_saved_loaded_and_duplicated(home: Path) -> None:
    workspace = open_workspace(home)
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account = account_rows.add_account(conn, Network.BLUESKY, "aurinko.example")
        composer = Composer(workspace)
        draft = Draft("Menu https://kahvila.fi/menu", (account,), language="fi", link_card=CARD)
        post_id = composer.save(draft)
        assert post_id is not None
        loaded = composer.load(post_id)
        assert loaded is not None
        assert (loaded.language, loaded.link_card) == ("fi", CARD)
        with transaction(conn):
            copy = post_rows.duplicate_post(conn, post_id)
        assert copy is not None
        duplicated = composer.load(copy)
        assert duplicated is not None
        assert (duplicated.language, duplicated.link_card) == ("fi", CARD)
        # Saved without a card (the text lost its link): the card row goes.
        composer.save(Draft("Ei linkkiä", (account,), post_id=post_id, language="fi"))
        again = composer.load(post_id)
        assert again is not None and again.link_card is None
    finally:
        workspace.close()
