"""The always-on box (issue 17): the laptop plans a post with an image on a shared PostgreSQL
workspace and is closed (its file is gone); ``run-scheduler`` on the box, a process with its
own data folder set up with ``workspace use``, publishes it into a Local archive with the
image's bytes, read from the workspace."""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image

from somestudio.app.composer import Composer
from somestudio.app.planning import Planner
from somestudio.app.workspace import open_workspace
from somestudio.domain.drafts import Attachment, Draft
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.utc import utc_now
from somestudio.store import accounts as account_rows
from somestudio.store.engines import make_engine
from somestudio.store.sql import write
from somestudio.store.workspace_url import WorkspaceUrl
from tests.e2e.conftest import LaunchApp, isolated_environ
from tests.e2e.schedulers import start_scheduler
from tests.postgres_server import PostgresServer
from tests.secret_service import secret_service

pytestmark = pytest.mark.slow


def _use(env: dict[str, str], url: WorkspaceUrl, password: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "somestudio", "workspace", "use", url.display(), "--password-stdin"],
        input=password + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _plan_on_laptop(home: Path, password: str, archive: Path, picture: Path) -> None:
    """A Local archive account and a post with ``picture``, saved by the composer and
    scheduled a few seconds ahead, through the laptop's own (shared) workspace."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            "somestudio.app.shared_workspace.keyring_password", lambda _url: lambda: password
        )
        workspace = open_workspace(home)
    assert workspace.is_shared
    try:
        conn = workspace.writable_store_connection()
        with write(conn):
            account = account_rows.add_account(
                conn,
                Network.LOCAL,
                "archive",
                publish_method=PublishMethod.FOLDER,
                options={"folder": str(archive)},
            )
        draft = Draft(
            base_text="Auringonlasku",
            account_ids=(account,),
            attachments=(Attachment(str(picture), "The sun going down"),),
        )
        post = Composer(workspace).save(draft)
        assert post is not None
        at = (utc_now() + timedelta(seconds=4)).replace(microsecond=0) + timedelta(seconds=1)
        Planner(workspace).schedule_existing(post, at, "Europe/Helsinki")
    finally:
        workspace.close()


def test_the_box_publishes_the_laptops_image_while_the_laptop_is_closed(
    tmp_path: Path, launch: LaunchApp, postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    picture = tmp_path / "laptop-pictures" / "sunset.png"
    picture.parent.mkdir()
    Image.new("RGB", (120, 80), "orange").save(picture, "PNG")
    data = picture.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    reader = make_engine(pg_url, lambda: postgres.password)

    def state() -> str:
        with reader.connect() as conn:
            return str(conn.execute(sa.text("SELECT state FROM deliveries")).scalar_one())

    with secret_service(tmp_path / "kr") as service:
        laptop, box = (
            {**isolated_environ(tmp_path / name), **service.environ} for name in ("laptop", "box")
        )
        for env in (laptop, box):
            _use(env, pg_url, postgres.password)
        _plan_on_laptop(Path(laptop["SOMESTUDIO_HOME"]), postgres.password, archive, picture)
        picture.unlink()  # the laptop is closed: the box cannot read its file
        engine = start_scheduler(launch, box)
        deadline = time.monotonic() + 60
        while state() in ("scheduled", "publishing"):
            assert engine.proc.poll() is None, engine.describe()
            assert time.monotonic() < deadline, engine.describe()
            time.sleep(0.2)
        engine.proc.send_signal(signal.SIGTERM)
        assert engine.wait(timeout=30) == 0, engine.describe()
        assert engine.stderr() == "", engine.describe()
        assert state() == "published"
    reader.dispose()

    (folder,) = [p for p in archive.iterdir() if not p.name.startswith(".")]
    assert (folder / "01-sunset.png").read_bytes() == data
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    box_home = Path(box["SOMESTUDIO_HOME"])
    assert metadata["media"][0]["source"] == str(box_home / "media" / "shared" / sha / "sunset.png")
