"""`somestudio workspace prepare` as a process, against a real PostgreSQL and a real keyring:
the schema created and then found up to date, the password kept in the keyring only after
the server accepted it and never printed, bad URLs and refused passwords said clearly."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from somestudio.store import history
from tests.e2e.conftest import isolated_environ
from tests.postgres_server import PostgresServer, fresh_database
from tests.secret_service import secret_service


def _run(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "somestudio", "workspace", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _keyring_labels(env: dict[str, str]) -> list[str]:
    code = (
        "import secretstorage as s; c = s.dbus_init();"
        "print('\\n'.join(sorted(i.get_label() for i in"
        " s.get_default_collection(c).get_all_items())))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.split("\n")[:-1] if done.stdout.strip() else []


def test_prepare_creates_the_schema_and_keeps_the_password(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    with secret_service(tmp_path / "kr") as service, fresh_database(postgres, None) as url:
        env = {**isolated_environ(tmp_path / "env"), **service.environ}
        target = url.display()

        refused = _run(env, "prepare", target, "--password-stdin", stdin="wrong-pw-77\n")
        assert refused.returncode == 1
        assert "refused the password" in refused.stderr
        assert "wrong-pw-77" not in refused.stderr + refused.stdout
        assert _keyring_labels(env) == []  # a refused password is not kept

        created = _run(env, "prepare", target, "--password-stdin", stdin=postgres.password + "\n")
        assert created.returncode == 0, created.stderr
        assert created.stdout.strip().endswith("(created).")
        assert postgres.password not in created.stdout + created.stderr
        assert _keyring_labels(env) == [f"Password for '{url.keyring_user()}' on 'somestudio'"]

        again = _run(env, "prepare", target)  # the password now comes from the keyring
        assert again.returncode == 0, again.stderr
        assert again.stdout.strip().endswith("(already up to date).")


def test_bad_urls_are_refused_before_anything_happens(tmp_path: Path) -> None:
    env = isolated_environ(tmp_path / "env")
    with_password = _run(env, "prepare", "postgresql://me:secret-pw@127.0.0.1/plan")
    assert with_password.returncode == 2
    assert "contains a password" in with_password.stderr
    assert "secret-pw" not in with_password.stderr
    local = _run(env, "prepare", "sqlite:/tmp/plan.db")
    assert local.returncode == 2 and "postgresql://" in local.stderr


def test_use_records_the_workspace_only_when_it_opens(
    tmp_path: Path, postgres: PostgresServer, pg_template: str
) -> None:
    with secret_service(tmp_path / "kr") as service, fresh_database(postgres, pg_template) as url:
        env = {**isolated_environ(tmp_path / "env"), **service.environ}
        settings = Path(env["SOMESTUDIO_HOME"]) / "settings.json"
        target = url.display()

        refused = _run(env, "use", target, "--password-stdin", stdin="wrong-pw-78\n")
        assert refused.returncode == 1
        assert "refused the password" in refused.stderr
        assert "wrong-pw-78" not in refused.stderr + refused.stdout
        assert not settings.exists() or "postgresql" not in settings.read_text()

        used = _run(env, "use", target, "--password-stdin", stdin=postgres.password + "\n")
        assert used.returncode == 0, used.stderr
        assert used.stdout.strip() == f"Using the workspace {target} (schema {history.head()})."
        assert f'"workspace_url": "{target}"' in settings.read_text()
        assert postgres.password not in settings.read_text() + used.stdout + used.stderr

        back = _run(env, "use", "sqlite")
        assert back.returncode == 0, back.stderr
        assert '"workspace_url": ""' in settings.read_text()


def test_move_copies_into_a_new_file_and_uses_it(tmp_path: Path) -> None:
    env = isolated_environ(tmp_path / "env")
    made = subprocess.run(
        [sys.executable, "-m", "somestudio", "post", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    target = tmp_path / "copy" / "plan.db"
    moved = _run(env, "move", "--to", f"sqlite:{target}")
    assert moved.returncode == 0, moved.stderr
    assert moved.stdout.startswith("Moved 0 rows in ")
    assert f"Using sqlite:{target} from now on" in moved.stdout
    assert target.exists()
    again = _run(env, "move", "--to", f"sqlite:{target}")
    assert again.returncode == 1
    assert "already" in again.stderr


def test_use_and_move_wait_for_the_window_or_scheduler_to_close(tmp_path: Path) -> None:
    """A running window would write its settings back over the choice, and a running engine
    would write during a move: both are refused while the data folder is in use."""
    env = isolated_environ(tmp_path / "env")
    settings = Path(env["SOMESTUDIO_HOME"]) / "settings.json"
    scheduler = subprocess.Popen(
        [sys.executable, "-m", "somestudio", "run-scheduler"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert scheduler.stdout is not None
        assert scheduler.stdout.readline().startswith("somestudio run-scheduler: running")
        before = settings.read_text() if settings.exists() else None
        for args in (("use", "sqlite"), ("move", "--to", f"sqlite:{tmp_path / 'copy.db'}")):
            refused = _run(env, *args)
            assert refused.returncode == 1, refused.stdout
            assert f"somestudio run-scheduler (pid {scheduler.pid}) is using" in refused.stderr
        assert (settings.read_text() if settings.exists() else None) == before
        assert not (tmp_path / "copy.db").exists()
    finally:
        scheduler.send_signal(signal.SIGTERM)
        scheduler.communicate(timeout=30)
    assert scheduler.returncode == 0
    assert _run(env, "use", "sqlite").returncode == 0  # free again
