"""What a network's connect form asks for, as data: the window draws it, the command line
takes the same fields as options, and the app checks them, so no layer keeps its own list.

Texts are English here; the window translates them (``ui/accounts/connect_texts.py`` keeps
each as a literal for lupdate, and a test checks that every text below is there). The command
line is English.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# An account option some networks have: everything goes to the network's test environment
# (Pinterest's API Sandbox, for an app with Trial access).
SANDBOX_OPTION = "sandbox"


class FieldKind(StrEnum):
    TEXT = "text"
    SECRET = "secret"  # noqa: S105 - a kind of field: typed hidden, kept only in the keyring
    ADDRESS = "address"  # a server's address (https only, loopback aside)
    CHOICE = "choice"  # one of ``choices``
    CHECK = "check"  # a tick box (stored either way, so unticking takes effect)
    DAYS = "days"  # how many more days a pasted token lasts (for the expiry warning)
    PORT = "port"  # the loopback port of a browser sign-in; the window shows the address
    LOADED = "loaded"  # one of a list the network gives once signed in (see ``Loaded``)


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    help: str = ""  # shown under the field while this choice is chosen


@dataclass(frozen=True, slots=True)
class Loaded:
    """A list loaded from the network (Pinterest's boards): the button, what is said while
    loading and after, and which field is needed first (the token)."""

    button: str
    busy: str
    choose: str
    none: str
    needs: str  # key of the field needed before loading
    needs_text: str  # said when that field is empty
    cleared_by: str = ""  # key of a tick box whose change makes the list stale


@dataclass(frozen=True, slots=True)
class ConnectField:
    """One field. ``key`` names it for the app and the window (object name ``Field_<key>``);
    ``option`` is the account option its value is kept in ("" for none: a secret, the handle,
    the server). ``required``: the Connect button needs it (``missing`` says so);
    ``for_browser``: the browser sign-in needs it (``missing`` again). ``shown_when``: only
    while another field has this value (hidden fields are neither asked for nor kept)."""

    key: str
    kind: FieldKind
    label: str
    option: str = ""
    required: bool = False
    for_browser: bool = False
    missing: str = ""
    placeholder: str = ""
    help: str = ""  # a tooltip
    accessible: str = ""  # the accessible name when not the label
    choices: tuple[Choice, ...] = ()
    default: str = ""
    shown_when: tuple[str, str] | None = None
    loaded: Loaded | None = None
    in_form: bool = True  # False: the command line only
    in_cli: bool = True  # False: the window only
    # The command line: its option ("" for --<key with dashes>; a secret is read from standard
    # input instead), its help, and what it says when a required field is not given.
    cli: str = ""
    cli_help: str = ""
    cli_missing: str = ""

    @property
    def secret(self) -> bool:
        return self.kind is FieldKind.SECRET

    @property
    def flag(self) -> str:
        return self.cli or "--" + self.key.replace("_", "-")

    def shown(self, values: dict[str, object]) -> bool:
        if self.shown_when is None:
            return True
        key, value = self.shown_when
        return values.get(key) == value


@dataclass(frozen=True, slots=True)
class ConnectForm:
    """A network's connect form. ``intro`` is its opening paragraph ("%1": the paragraph on
    public image addresses, for networks that fetch images from one). ``secret_name`` is what
    the command line asks for on standard input ("access token", "app password")."""

    intro: str = ""
    fields: tuple[ConnectField, ...] = ()
    secret_name: str = "access token"  # noqa: S105 - a name, not a secret

    def field(self, key: str) -> ConnectField | None:
        return next((f for f in self.fields if f.key == key), None)

    @property
    def in_form(self) -> tuple[ConnectField, ...]:
        return tuple(f for f in self.fields if f.in_form)

    @property
    def connects_directly(self) -> bool:
        """The form signs in without the browser: it asks for a secret (X: browser only)."""
        return any(f.secret and f.required for f in self.in_form)


# Fields several networks share (each network lists the ones it asks for).
TOKEN = ConnectField(
    "token", FieldKind.SECRET, "Access token", required=True, missing="Paste the access token."
)
MEDIA_BASE_URL = ConnectField(
    "media_base_url",
    FieldKind.TEXT,
    "Public image folder address",
    option="media_base_url",
    placeholder="e.g. https://example.com/images/",
    cli_help="the public folder where the post's images are",
)
SERVER_SCHEDULING = ConnectField(
    "server_scheduling",
    FieldKind.CHECK,
    "Let the server publish scheduled posts",
    option="server_scheduling",
    help="Posts scheduled at least 10 minutes ahead are handed to the server, which publishes "
    "them even while this computer is off. Later edits here do not reach the server's copy.",
    cli_help="hand scheduled posts to the server",
)


def options_of(form: ConnectForm, values: dict[str, object]) -> dict[str, object]:
    """The account options the form's ``values`` give: each field with an ``option`` that is
    shown, filled in (a tick box either way). A field whose ``shown_when`` names a field that
    was not given at all (the command line) counts as shown."""
    options: dict[str, object] = {}
    for f in form.fields:
        if not f.option or f.key not in values:
            continue
        if f.shown_when is not None and f.shown_when[0] in values and not f.shown(values):
            continue
        value = values[f.key]
        if f.kind is FieldKind.CHECK:
            options[f.option] = value is True
        elif f.kind is FieldKind.PORT:
            if isinstance(value, int) and value:
                options[f.option] = value
        elif isinstance(value, str) and value.strip():
            options[f.option] = value.strip()
    return options


def missing(form: ConnectForm, values: dict[str, object], *, browser: bool = False) -> str:
    """What the first required field left empty says ("" when all are there)."""
    for f in form.fields:
        needed = f.for_browser if browser else f.required
        if not needed or not f.shown(values):
            continue
        value = values.get(f.key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return f.missing or f"Fill in “{f.label}”."
    return ""


def valid_days(days: float | None) -> ConnectField:
    """How long a pasted token lasts, its network's usual life first."""
    return ConnectField(
        "valid_days",
        FieldKind.DAYS,
        "Days the token is still valid",
        default=str(int(days or 60)),
        cli_help="days the token is still valid (for the expiry warning)",
    )
