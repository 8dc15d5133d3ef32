"""The storage errors a user can meet: each message says what is wrong, where, and that the
file was left as it was.

Each error carries a stable ``code`` and its ``params`` (strings) besides the English
sentence: the command line and the log print the sentence, the window words the code in its
own language (ui/storage_text.py) and falls back to the sentence for a code it does not know.
"""

from __future__ import annotations


class StorageError(Exception):
    """A problem with the data folder or database that the user must resolve."""

    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = {name: str(value) for name, value in params.items()}


class DataFolderError(StorageError):
    pass


class CorruptDatabaseError(StorageError):
    pass


class ForeignDatabaseError(StorageError):
    """The file is not a Some Studio database (another app's, or an empty file)."""


class NewerSchemaError(StorageError):
    pass


class MigrationError(StorageError):
    pass


class BackupError(MigrationError):
    """The backup before a migration could not be made; nothing was migrated."""


class WorkspaceUrlError(StorageError):
    """A workspace URL that cannot be used as written."""


class WorkspaceConnectError(StorageError):
    """The workspace's database server could not be reached or refused us."""


class MoveError(StorageError):
    """A workspace move was refused or its copy did not check out; the target was left
    without the data and the source as it was."""
