"""``somestudio post edit`` on both backends: new text and the post's new version printed;
with ``--if-version`` a post saved since (by a window, another machine) is not overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from somestudio.app.composer import Composer
from somestudio.app.studio import Studio
from somestudio.app.workspace import open_workspace
from somestudio.domain.drafts import Draft
from somestudio.store.sql import Sql, run
from tests.integration.cli_run import cli


def _text(home: Path, post: int) -> str:
    workspace = open_workspace(home)
    try:
        draft = Composer(workspace).load(post)
        assert draft is not None
        return draft.base_text
    finally:
        workspace.close()


def _facts(home: Path, post: int) -> tuple[int, int]:
    """The post's stored text length and hashtag count (revision 0019), on either backend."""
    workspace = open_workspace(home)
    try:
        conn = workspace.store_connection()
        row = run(conn, _FACTS, {"id": post}).fetchone()
        assert row is not None
        return int(row[0]), int(row[1])
    finally:
        workspace.close()


_FACTS = Sql("SELECT text_length, text_hashtags FROM posts WHERE id = :id")


def test_post_edit_refuses_a_stale_version(
    either_cli_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = either_cli_home
    workspace = open_workspace(home)
    try:
        post = Studio(workspace).save_draft("first", [])
        loaded = Composer(workspace).load(post)
        assert loaded is not None and loaded.version == 1
    finally:
        workspace.close()

    assert cli(capsys, "post", "edit", str(post), "--text", "second", "--if-version", "1") == (
        0, "2\n", ""
    )  # fmt: skip
    code, out, err = cli(capsys, "post", "edit", str(post), "--text", "stale", "--if-version", "1")
    assert (code, out) == (1, "")
    assert f"post {post} was changed since version 1 (it is at version 2 now)" in err
    assert "nothing was written" in err
    assert _text(home, post) == "second"

    # A window saves over it from version 2; the script's next stale write is refused too.
    workspace = open_workspace(home)
    try:
        saved = Composer(workspace).write(Draft(base_text="window", post_id=post, version=2))
        assert saved is not None and saved.version == 3
    finally:
        workspace.close()
    assert cli(capsys, "post", "edit", str(post), "--text", "x", "--if-version", "2")[0] == 1
    assert cli(capsys, "post", "edit", str(post), "--text", "plain #tag ＃kaksi")[:2] == (0, "4\n")
    assert _text(home, post) == "plain #tag ＃kaksi"
    assert _facts(home, post) == (17, 2)  # the metrics view's length and hashtags follow
    assert cli(capsys, "post", "edit", "999", "--text", "x")[0] == 2


_STATE = Sql("UPDATE deliveries SET state = :state WHERE post_id = :post")
_SENT = Sql("SELECT text_override FROM deliveries WHERE post_id = :post")


def _post_in(home: Path, state: str) -> int:
    """A post to one account, its delivery in ``state`` (as the engine leaves it)."""
    from datetime import UTC, datetime  # noqa: PLC0415

    from somestudio.domain.delivery_state import DeliveryState  # noqa: PLC0415
    from somestudio.domain.networks import Network  # noqa: PLC0415
    from somestudio.store import accounts as account_rows  # noqa: PLC0415
    from somestudio.store import posts as post_rows  # noqa: PLC0415
    from somestudio.store.database import transaction  # noqa: PLC0415

    workspace = open_workspace(home)
    try:
        conn = workspace.writable_connection()
        with transaction(conn):
            account = account_rows.add_account(conn, Network.MASTODON, "@kahvila")
            post = post_rows.create_post(conn, "Post B: same minute as C")
            post_rows.add_delivery(
                conn, post, account, scheduled_at=datetime(2026, 12, 5, 1, 14, tzinfo=UTC),
                time_zone="Europe/Helsinki", state=DeliveryState.SCHEDULED,
            )  # fmt: skip
            run(conn, _STATE, {"state": state, "post": post})
        return post
    finally:
        workspace.close()


def _sent_text(home: Path, post: int) -> str | None:
    workspace = open_workspace(home)
    try:
        row = run(workspace.store_connection(), _SENT, {"post": post}).fetchone()
        return None if row[0] is None else str(row[0])
    finally:
        workspace.close()


def test_editing_a_published_post_keeps_the_text_it_went_out_with(
    either_cli_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line rewrote what the calendar said was published."""
    post = _post_in(either_cli_home, "published")
    code, _out, _err = cli(capsys, "post", "edit", str(post), "--text", "REWRITTEN")
    assert code == 0
    assert _text(either_cli_home, post) == "REWRITTEN"  # the post (for a copy, a repeat)
    assert _sent_text(either_cli_home, post) == "Post B: same minute as C"  # what went out


def test_a_post_being_sent_is_neither_edited_nor_deleted(
    either_cli_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whether it reached its network is not known yet: its record stays as it is (edit and
    delete went through, the delete saying "it will not be published")."""
    post = _post_in(either_cli_home, "publishing")
    code, _out, err = cli(capsys, "post", "edit", str(post), "--text", "changed")
    assert code == 2 and "it is being published right now" in err
    code, _out, err = cli(capsys, "post", "delete", str(post))
    assert code == 2 and "it is being published right now" in err
    assert _text(either_cli_home, post) == "Post B: same minute as C"


def test_deleting_a_published_post_does_not_promise_it_will_not_be_published(
    either_cli_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post = _post_in(either_cli_home, "published")
    code, _out, err = cli(capsys, "post", "delete", str(post))
    assert code == 0
    assert "what was published stays on the network" in err
