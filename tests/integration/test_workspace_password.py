"""A shared workspace's password: kept in the real keyring (a private gnome-keyring), handed
to PostgreSQL when a connection opens, and never part of a URL, an engine or an error."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from somestudio.secrets import SecretStore
from somestudio.store.engines import make_engine
from somestudio.store.errors import WorkspaceUrlError
from somestudio.store.workspace_url import WorkspaceUrl, parse
from tests.postgres_server import PostgresServer


def test_the_keyring_password_opens_the_workspace(
    keyring_store: SecretStore, postgres: PostgresServer, pg_url: WorkspaceUrl
) -> None:
    name = pg_url.keyring_user()
    assert name == f"workspace:postgresql://studio@127.0.0.1:{postgres.port}/{pg_url.database}"
    assert keyring_store.load_password(name) is None
    keyring_store.store_password(name, postgres.password)
    engine = make_engine(pg_url, lambda: keyring_store.load_password(name))
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM posts")).scalar_one() == 0
    for shown in (str(engine.url), repr(engine), pg_url.display(), name):
        assert postgres.password not in shown
    engine.dispose()
    keyring_store.delete_password(name)
    assert keyring_store.load_password(name) is None


def test_a_refused_password_is_not_repeated(postgres: PostgresServer, pg_url: WorkspaceUrl) -> None:
    wrong = "not-the-password-Xy7"
    engine = make_engine(pg_url, lambda: wrong)
    with pytest.raises(sa.exc.OperationalError) as caught:
        engine.connect()
    text = str(caught.value)
    assert "password authentication failed" in text
    assert wrong not in text and postgres.password not in text
    engine.dispose()


def test_a_url_with_a_password_is_refused_without_repeating_it() -> None:
    with pytest.raises(WorkspaceUrlError) as caught:
        parse("postgresql://studio:s3cret-pw@db.example/plan")
    assert caught.value.code == "workspace.url_password"
    assert "s3cret-pw" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("mysql://u@h/d", "workspace.url_scheme"),
        ("postgresql://db.example/plan", "workspace.url_incomplete"),
        ("postgresql://u@db.example/", "workspace.url_incomplete"),
        ("postgresql://u@db.example:port/plan", "workspace.url_port"),
        ("postgresql://u@db.example/plan?password=x", "workspace.url_option"),
        ("sqlite:", "workspace.url_no_path"),
    ],
)
def test_unusable_urls_say_what_is_wrong(text: str, code: str) -> None:
    with pytest.raises(WorkspaceUrlError) as caught:
        parse(text)
    assert caught.value.code == code


def test_urls_are_read_and_shown_without_secrets() -> None:
    url = parse("postgresql://team%40org@db.example:6543/plan?sslmode=require")
    assert (url.user, url.host, url.port, url.database) == ("team@org", "db.example", 6543, "plan")
    assert url.display() == "postgresql://team%40org@db.example:6543/plan?sslmode=require"
    assert url.keyring_user() == "workspace:postgresql://team%40org@db.example:6543/plan"
    assert parse("postgresql://u@h/d").port == 5432
    local = parse("sqlite:/home/me/plan.db")
    assert local.backend == "sqlite" and str(local.path) == "/home/me/plan.db"
    assert local.display() == "sqlite:/home/me/plan.db"
