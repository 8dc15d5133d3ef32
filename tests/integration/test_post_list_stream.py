"""``post list --json`` streams: the same bytes as the one-piece ``json.dumps`` it replaced,
written one post at a time from posts read a chunk at a time."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from pathlib import Path

import pytest

from somestudio.cli import main
from somestudio.commands.post import post_json, write_json_list
from somestudio.domain.redaction import redact
from somestudio.store.post_overview import DeliveryLine, PostLine, iter_posts, list_posts

from .test_scheduling_cli import cli  # cli_home: a fixture of conftest.py


@pytest.mark.parametrize(
    "items",
    [
        [],
        [{"id": 1, "text": 'Hyvää\nhuomenta ☀️ "quoted"', "deliveries": []}],
        [{"id": 1, "deliveries": [{"a": None, "b": [1, {"c": "x"}]}]}, {"id": 2}, [], "s"],
    ],
)
def test_streamed_json_is_what_the_whole_list_dumped_was(items: list[object]) -> None:
    out = io.StringIO()
    write_json_list((json.dumps(i, indent=2, ensure_ascii=False) for i in items), out)
    assert out.getvalue() == json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def test_post_list_json_is_the_old_output_over_several_chunks(
    cli_home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    assert cli(capsys, "account", "add", "local", "Arkisto", "--folder", str(archive))[0] == 0
    assert cli(capsys, "account", "add", "local", "Toinen", "--folder", str(archive))[0] == 0
    for n in range(7):
        at = f"2099-11-{21 - n:02d}T09:00"  # added latest first: the list sorts by time
        code, _out, err = cli(
            capsys, "post", "add", "--text", f"Posti {n} ✉", "--to", "Arkisto",
            "--to", "Toinen", "--at", at, "--tz", "Europe/Helsinki",
        )  # fmt: skip
        assert code == 0, err
    from somestudio.app.workspace import open_workspace  # noqa: PLC0415

    workspace = open_workspace(cli_home)
    try:
        conn = workspace.connection()
        posts = list_posts(conn)
        assert list(iter_posts(conn, chunk=3)) == posts  # the same posts in the same order
        old = [asdict(p) for p in posts]
        for entry in old:
            for delivery in entry["deliveries"]:
                if delivery.get("last_error"):
                    delivery["last_error"] = redact(delivery["last_error"])
    finally:
        workspace.close()
    assert old[0]["text"] == "Posti 6 ✉"
    assert all(len(p["deliveries"]) == 2 for p in old)
    assert main(["post", "list", "--json"]) in (0, None)
    out, _err = capsys.readouterr()
    assert out == json.dumps(old, indent=2, ensure_ascii=False) + "\n"


def _delivery(n: int, **changes: object) -> DeliveryLine:
    values: dict[str, object] = {
        "id": n, "account_id": 2, "account": "Kahvila \"Aurinko\" ☕", "network": "mastodon",
        "publish_method": "api", "scheduled_at": "2099-11-21T07:00:00Z",
        "time_zone": "Europe/Helsinki", "state": "failed", "remote_id": None,
        "remote_url": None, "published_at": None, "last_error": None,
    }  # fmt: skip
    values.update(changes)
    return DeliveryLine(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "post",
    [
        PostLine(1, "", None),
        PostLine(2, "Rivi\nToinen\t\u2028 \\ 🥶 \x00", "2099-01-01T00:00:00Z", [_delivery(3)]),
        PostLine(
            4,
            "x",
            None,
            [_delivery(5, last_error="token=abc123secret refused"), _delivery(6, remote_id="r")],
        ),
    ],
)
def test_a_post_is_written_as_the_general_encoder_wrote_it(post: PostLine) -> None:
    def loud(text: str) -> str:
        return text.upper()

    expected = asdict(post)
    for delivery in expected["deliveries"]:
        if delivery["last_error"]:
            delivery["last_error"] = loud(delivery["last_error"])
    assert post_json(post, loud) == json.dumps(expected, indent=2, ensure_ascii=False)


def test_the_writer_knows_every_field_of_a_delivery_in_order() -> None:
    from somestudio.commands import post as post_command  # noqa: PLC0415
    from somestudio.store.post_overview import DELIVERY_FIELDS  # noqa: PLC0415

    assert post_command._FIELDS == DELIVERY_FIELDS
