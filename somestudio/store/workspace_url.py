"""Which store a workspace is: ``sqlite:PATH`` or ``postgresql://user@host[:port]/database``.

A URL never carries a password: one that does is refused (the password belongs in the
keyring), and the error text does not repeat it. ``display()`` is the form that may be
shown or logged; ``keyring_user()`` names the keyring entry of the password.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from somestudio.store.errors import WorkspaceUrlError

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
DEFAULT_PORT = 5432
# Connection options a workspace URL may carry (libpq's names); anything else is refused
# rather than passed on unread.
_OPTIONS = frozenset({"sslmode", "sslrootcert", "connect_timeout", "application_name"})


@dataclass(frozen=True, slots=True)
class WorkspaceUrl:
    backend: str
    path: Path | None = None
    user: str = ""
    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    options: tuple[tuple[str, str], ...] = field(default=())

    def display(self) -> str:
        """The URL as it may be shown, logged and stored in settings (it has no secret)."""
        if self.backend == SQLITE:
            return f"sqlite:{self.path}"
        query = "&".join(f"{k}={quote(v, safe='')}" for k, v in self.options)
        host = f"[{self.host}]" if ":" in self.host else self.host
        return (
            f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/"
            f"{quote(self.database, safe='')}" + (f"?{query}" if query else "")
        )

    def keyring_user(self) -> str:
        """The keyring entry holding this workspace's password (PostgreSQL only)."""
        return f"workspace:{self.display().partition('?')[0]}"


def default_url(data_folder: Path) -> WorkspaceUrl:
    """The solo workspace: the SQLite file in the data folder."""
    return WorkspaceUrl(SQLITE, path=data_folder / "somestudio.db")


def parse(text: str) -> WorkspaceUrl:
    """Read a workspace URL; ``WorkspaceUrlError`` says what is wrong with it."""
    raw = text.strip()
    if raw.startswith("sqlite:"):
        rest = raw.removeprefix("sqlite:")
        rest = rest.removeprefix("//") if rest.startswith("///") else rest
        if not rest:
            raise WorkspaceUrlError(
                "workspace.url_no_path", "A sqlite: workspace needs a file path."
            )
        return WorkspaceUrl(SQLITE, path=Path(rest).expanduser())
    scheme = raw.partition("://")[0].lower()
    if scheme not in {"postgresql", "postgres", "postgresql+psycopg"}:
        raise WorkspaceUrlError(
            "workspace.url_scheme",
            "A workspace is sqlite:PATH or postgresql://user@host/database.",
        )
    parts = urlsplit(raw)
    if parts.password is not None:
        raise WorkspaceUrlError(
            "workspace.url_password",
            "The workspace URL contains a password. Leave it out of the URL: Some Studio "
            "asks for it and keeps it in the system keyring.",
        )
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as exc:
        raise WorkspaceUrlError(
            "workspace.url_port", "The port in the workspace URL is not a number."
        ) from exc
    user, host = unquote(parts.username or ""), parts.hostname or ""
    database = unquote(parts.path.lstrip("/"))
    if not user or not host or not database or "/" in database:
        raise WorkspaceUrlError(
            "workspace.url_incomplete",
            "A PostgreSQL workspace URL names the user, the server and the database: "
            "postgresql://user@host/database.",
        )
    options = tuple(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted({k for k, _ in options} - _OPTIONS)
    if unknown:
        raise WorkspaceUrlError(
            "workspace.url_option",
            f"The workspace URL has options Some Studio does not use: {', '.join(unknown)}.",
            options=", ".join(unknown),
        )
    return WorkspaceUrl(
        POSTGRESQL, user=user, host=host, port=port, database=database, options=options
    )
