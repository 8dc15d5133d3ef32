"""The data folder's and database's errors, told in the window's language.

Storage errors (and an export aimed inside the data folder) carry a stable ``code`` and
their ``params`` beside the English sentence the command line and the log print. Here each
code has one translatable sentence with placeholders %1, %2… filled from the named params;
an error without a known code (or missing a param) is shown as its English sentence.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject

from somestudio.ui.failure_messages import fill

Template = tuple[str, tuple[str, ...]]  # the sentence, and the params for %1, %2, …


class StorageText(QObject):
    """The translations (a class, so that lupdate files them under one context)."""

    def templates(self) -> dict[str, Template]:
        return {
            **self.folder_templates(),
            **self.database_templates(),
            **self.file_templates(),
            **self.workspace_templates(),
        }

    def workspace_templates(self) -> dict[str, Template]:
        """A shared workspace on a database server (docs/workspace-backends.md)."""
        return {
            "workspace.url_no_path": (self.tr("A sqlite: workspace needs a file path."), ()),
            "workspace.url_scheme": (
                self.tr("A workspace is sqlite:PATH or postgresql://user@host/database."),
                (),
            ),
            "workspace.url_password": (
                self.tr(
                    "The workspace URL contains a password. Leave it out of the URL: Some "
                    "Studio asks for it and keeps it in the system keyring."
                ),
                (),
            ),
            "workspace.url_port": (self.tr("The port in the workspace URL is not a number."), ()),
            "workspace.url_incomplete": (
                self.tr(
                    "A PostgreSQL workspace URL names the user, the server and the database: "
                    "postgresql://user@host/database."
                ),
                (),
            ),
            "workspace.url_option": (
                self.tr("The workspace URL has options Some Studio does not use: %1."),
                ("options",),
            ),
            "workspace.password_refused": (
                self.tr(
                    "The server of %1 refused the password of %2. Enter the right password "
                    "(it is kept in the system keyring)."
                ),
                ("url", "user"),
            ),
            "workspace.unreachable": (
                self.tr("The workspace %1 cannot be reached: %2"),
                ("url", "detail"),
            ),
            "workspace.newer_schema": (
                self.tr(
                    "The workspace %1 was set up by a newer version of Some Studio (schema "
                    "%2). Install the newer version; nothing was changed."
                ),
                ("url", "version"),
            ),
            "workspace.foreign_database": (
                self.tr(
                    "The database %1 already has tables that are not Some Studio's (%2). Use "
                    "an empty database; nothing was changed."
                ),
                ("url", "tables"),
            ),
            "workspace.migration_failed": (
                self.tr(
                    "Updating the workspace %1 to schema %2 failed: %3. It was left at its "
                    "previous schema."
                ),
                ("url", "version", "detail"),
            ),
            "workspace.no_pg_dump": (
                self.tr(
                    "The workspace %1 needs a schema update, and Some Studio backs it up "
                    "first with pg_dump, which is not installed here. Install PostgreSQL's "
                    "client tools (or back the database up yourself and update from a "
                    "machine that has them); nothing was changed."
                ),
                ("url",),
            ),
            "workspace.backup_failed": (
                self.tr(
                    "The backup of %1 before its schema update failed (%2); nothing was changed."
                ),
                ("url", "detail"),
            ),
            **self.move_templates(),
        }

    def move_templates(self) -> dict[str, Template]:
        """``somestudio workspace move`` (store/move.py)."""
        return {
            "workspace.move_same": (
                self.tr("The workspace is already %1; nothing was copied."),
                ("url",),
            ),
            "workspace.move_source_version": (
                self.tr(
                    "The workspace %1 is not at this version's schema (%2 here, %3 expected). "
                    "Open it with Some Studio once, then move it; nothing was copied."
                ),
                ("url", "found", "expected"),
            ),
            "workspace.move_target_exists": (
                self.tr(
                    "%1 already exists; a workspace is moved into a new file. Nothing was copied."
                ),
                ("path",),
            ),
            "workspace.move_schema": (
                self.tr(
                    "The workspace %1 has tables this version of Some Studio does not know or "
                    "lacks some it needs (%2); nothing was copied."
                ),
                ("url", "tables"),
            ),
            "workspace.move_target_not_empty": (
                self.tr(
                    "The workspace %1 already holds data (%2); a workspace is moved only into "
                    "an empty one. Nothing was copied."
                ),
                ("url", "tables"),
            ),
            "workspace.move_differs": (
                self.tr(
                    "The copy in %1 did not match the workspace it was copied from (%2); it "
                    "was undone, nothing was changed."
                ),
                ("url", "tables"),
            ),
            "workspace.move_failed": (
                self.tr(
                    "Copying %1 into %2 failed (%3); the copy was undone, nothing was changed."
                ),
                ("source", "url", "detail"),
            ),
        }

    def folder_templates(self) -> dict[str, Template]:
        return {
            "folder.missing": (
                self.tr(
                    "The data folder %1 does not exist. Create it, or point SOMESTUDIO_HOME "
                    "at an existing folder."
                ),
                ("folder",),
            ),
            "folder.is_a_file": (
                self.tr(
                    "The data folder %1 is a file, not a folder. Point %2 at a folder (Some "
                    "Studio keeps its database and settings there)."
                ),
                ("folder", "variable"),
            ),
            "folder.is_a_file_from_env": (
                self.tr(
                    "The data folder %1 (from %2) is a file, not a folder. Point %2 at a "
                    "folder (Some Studio keeps its database and settings there)."
                ),
                ("folder", "variable"),
            ),
            "folder.parent_is_a_file": (
                self.tr("The data folder %1 cannot be created: %2 is a file, not a folder."),
                ("folder", "parent"),
            ),
            "folder.parent_not_writable": (
                self.tr(
                    "The data folder %1 cannot be created: %2 is not writable. Create the "
                    "folder yourself or point %3 somewhere you can write."
                ),
                ("folder", "parent", "variable"),
            ),
            "folder.cannot_create": (
                self.tr("The data folder %1 cannot be created (%2)."),
                ("folder", "detail"),
            ),
            "folder.not_writable": (
                self.tr(
                    "The data folder %1 is not writable (%2). Some Studio keeps its database "
                    "there; fix the folder's permissions or choose another folder with "
                    "SOMESTUDIO_HOME."
                ),
                ("folder", "detail"),
            ),
            "backup.no_room": (
                self.tr(
                    "There is no room in %1 for the backup Some Studio makes before updating "
                    "the database (about %2 MB). Free some space and start again; the "
                    "database was not changed."
                ),
                ("folder", "megabytes"),
            ),
            "backup.failed": (
                self.tr(
                    "The backup of %1 into %2 failed (%3); the database was not updated. Fix "
                    "the folder and start again."
                ),
                ("path", "folder", "detail"),
            ),
            "backup.unverified": (
                self.tr(
                    "The backup of %1 did not verify (%2); the database was not updated. Run "
                    "“somestudio doctor”."
                ),
                ("path", "detail"),
            ),
            "export.inside_data_folder": (
                self.tr(
                    "%1 is inside Some Studio's data folder %2, where only Some Studio writes "
                    "(its database, backups, settings and logs are there). Nothing was "
                    "written; choose a file outside that folder."
                ),
                ("target", "folder"),
            ),
        }

    def database_templates(self) -> dict[str, Template]:
        """The database file is damaged, newer, or could not be updated."""
        return {
            "database.newer_schema": (
                self.tr(
                    "The database %1 was written by a newer version of Some Studio (schema "
                    "%2; this version knows up to %3). Install the newer version; the file "
                    "was not changed."
                ),
                ("path", "version", "latest"),
            ),
            "database.cannot_open": (
                self.tr("The database %1 cannot be opened: %2."),
                ("path", "detail"),
            ),
            "database.cannot_create": (
                self.tr("The database %1 cannot be created (%2)."),
                ("path", "detail"),
            ),
            "database.unreadable": (
                self.tr("The database %1 is damaged or not a database (%2). It was not changed."),
                ("path", "detail"),
            ),
            "database.damaged": (
                self.tr(
                    "The database %1 is damaged (%2). It was not changed; restore a copy from "
                    "%3 or move the file away to start fresh."
                ),
                ("path", "detail", "backups"),
            ),
            "database.damaged_no_backup": (
                self.tr(
                    "The database %1 is damaged (%2). It was not changed; move the file away "
                    "to start fresh (there is no backup of it in the data folder)."
                ),
                ("path", "detail"),
            ),
            "database.integrity_failed": (
                self.tr(
                    "The database %1 failed its integrity check: %2. It was not changed; "
                    "restore a copy from %3 or move the file away to start fresh."
                ),
                ("path", "detail", "backups"),
            ),
            "database.integrity_failed_no_backup": (
                self.tr(
                    "The database %1 failed its integrity check: %2. It was not changed; move "
                    "the file away to start fresh (there is no backup of it in the data "
                    "folder)."
                ),
                ("path", "detail"),
            ),
            "database.broken_links": (
                self.tr(
                    "The database %1 has %2 or more rows pointing at missing rows (table %3). "
                    "It was not changed."
                ),
                ("path", "count", "table"),
            ),
            "database.migration_failed": (
                self.tr(
                    "Updating %1 to schema %2 (%3) failed: %4. The database was left at its "
                    "previous version."
                ),
                ("path", "version", "name", "detail"),
            ),
        }

    def file_templates(self) -> dict[str, Template]:
        """The file in the database's place is not one Some Studio can use."""
        return {
            "database.not_a_file": (
                self.tr("%1 exists but is not a file."),
                ("path",),
            ),
            "database.not_writable": (
                self.tr(
                    "The database %1 cannot be opened for writing (%2). Fix its permissions; "
                    "the file was not changed."
                ),
                ("path", "detail"),
            ),
            "database.no_wal": (
                self.tr(
                    "The database %1 cannot use write-ahead logging (journal mode %2); "
                    "network file systems are not supported for the data folder."
                ),
                ("path", "mode"),
            ),
            "database.not_sqlite": (
                self.tr(
                    "%1 is not a Some Studio database (it is not an SQLite file). It was not "
                    "changed; move it away to start fresh."
                ),
                ("path",),
            ),
            "database.empty_file": (
                self.tr(
                    "%1 is an empty file (0 bytes), not a Some Studio database; Some Studio "
                    "never leaves one behind. It was not changed. Delete it or move it away "
                    "to start fresh."
                ),
                ("path",),
            ),
            "database.foreign_application": (
                self.tr(
                    "%1 is not a Some Studio database: it belongs to another application "
                    "(application id %2). It was not changed. Move it out of the data folder "
                    "(or point SOMESTUDIO_HOME at another folder) to start fresh."
                ),
                ("path", "application_id"),
            ),
            "database.foreign_no_tables": (
                self.tr(
                    "%1 is not a Some Studio database: it is an SQLite file with no tables, "
                    "not one Some Studio made. It was not changed. Move it out of the data "
                    "folder (or point SOMESTUDIO_HOME at another folder) to start fresh."
                ),
                ("path",),
            ),
            "database.foreign_tables": (
                self.tr(
                    "%1 is not a Some Studio database: it is another program's SQLite file "
                    "(schema %2; tables %3). It was not changed. Move it out of the data "
                    "folder (or point SOMESTUDIO_HOME at another folder) to start fresh."
                ),
                ("path", "version", "tables"),
            ),
        }


def known_codes() -> frozenset[str]:
    return frozenset(StorageText().templates())


def coded_text(code: str, params: Mapping[str, str]) -> str | None:
    """The sentence for ``code`` in the window's language; None when the code is unknown or
    a param it needs is missing."""
    template = StorageText().templates().get(code)
    if template is None:
        return None
    text, names = template
    if any(name not in params for name in names):
        return None
    return fill(text, *(str(params[name]) for name in names))


def storage_text(exc: BaseException) -> str:
    """A storage error (anything with a ``code`` and ``params``) in the window's language;
    anything else, or an unknown code, as its English sentence."""
    code = getattr(exc, "code", None)
    params = getattr(exc, "params", None)
    if isinstance(code, str) and isinstance(params, Mapping):
        said = coded_text(code, params)
        if said is not None:
            return said
    return str(exc)
