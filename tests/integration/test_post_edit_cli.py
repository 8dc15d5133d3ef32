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
