"""The storage errors a user can meet: each message says what is wrong, where, and that the
file was left as it was."""

from __future__ import annotations


class StorageError(Exception):
    """A problem with the data folder or database that the user must resolve."""


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
