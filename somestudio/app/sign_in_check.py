"""Before a post is scheduled: which of its accounts nothing will be able to publish to.

A post scheduled to an account whose sign-in is missing (never connected here, the keyring
reset, the data folder copied from another computer), refused by its network, or that no
computer of a shared workspace holds, would only fail, or wait, when its time comes. The
schedule dialog says so while there is still time to connect the account: a warning, not a
block (the person may connect it before the post is due).

This reads the system keyring (a D-Bus round trip, and an unlock prompt where the keyring is
locked): call it off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable

from somestudio.app.accounts import Accounts
from somestudio.app.publish_gate import AccountProblems, Problem
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.findings import Severity
from somestudio.domain.networks import PublishMethod
from somestudio.domain.posts import Account
from somestudio.store import deliveries as delivery_rows

# The account's sign-in states that mean a post to it will not go out from here.
_UNUSABLE = {
    "not_connected": "account.not_connected",
    "reconnect": "account.reconnect",
    "no_secure_storage": "account.no_secure_storage",
    "unknown": "account.keyring_unknown",
}
_UNSENT = {
    DeliveryState.DRAFT,
    DeliveryState.SCHEDULED,
    DeliveryState.FAILED,
    DeliveryState.NEEDS_ATTENTION,
    DeliveryState.MISSED,
}


def sign_in_problems(accounts: Accounts, post_id: int) -> list[AccountProblems]:
    """A warning for each account of the post's unsent deliveries that cannot be published:
    on this computer, an API account whose sign-in is missing, refused or unreadable; on a
    shared workspace, one that neither this computer nor any other holds (another computer
    that holds it sends it: no warning then). Publish-by-hand and Local archive accounts need
    no sign-in and are left out."""
    workspace = accounts.workspace
    rows = delivery_rows.of_post(workspace.connection(), post_id)
    wanted = list(dict.fromkeys(r.account_id for r in rows if r.state in _UNSENT))
    if not wanted:
        return []
    return [
        AccountProblems(a.id, a.network, a.label, (Problem(code, Severity.WARNING),))
        for a, code in _unusable(accounts, wanted)
    ]


def unusable_accounts(accounts: Accounts, account_ids: Iterable[int]) -> dict[int, str]:
    """Of ``account_ids``, those nothing can publish to (as ``sign_in_problems`` judges), in
    their order, each with the code that says why (``domain.sign_in_messages``)."""
    return {account.id: code for account, code in _unusable(accounts, account_ids)}


def _unusable(accounts: Accounts, account_ids: Iterable[int]) -> list[tuple[Account, str]]:
    by_id = {a.id: a for a in accounts.all()}
    publishers = accounts.publishers()  # None on a solo workspace
    found: list[tuple[Account, str]] = []
    for account_id in dict.fromkeys(account_ids):
        account = by_id.get(account_id)
        if account is None or account.publish_method is not PublishMethod.API:
            continue
        code = _UNUSABLE.get(accounts.health(account).state)
        if code is None:
            continue  # signed in here (or expiring: the Accounts page and status bar say so)
        if publishers is not None:
            if any(not p.here for p in publishers.get(account_id, [])):
                continue  # another computer of the workspace holds it and sends it
            code = "account.no_machine"
        found.append((account, code))
    return found
