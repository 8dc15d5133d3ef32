"""The collaborations' use cases: partners and agreements, state moves, deliverables as
paid drafts, costs, reminders, income, and the disclosure check of a collaboration's post."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from somestudio.app.workspace import Workspace
from somestudio.domain.collab.disclosure import (
    DisclosureFinding,
    check_disclosure,
    suggested_marking,
)
from somestudio.domain.collab.income import YearIncome, year_income
from somestudio.domain.collab.records import Collaboration, Cost
from somestudio.domain.collab.reminders import CollabReminder, collab_reminders
from somestudio.domain.collab.states import CollabState, StateError, check_move
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store import collabs as rows
from somestudio.store import deliveries as delivery_rows
from somestudio.store import plan_library as flag_rows
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction
from somestudio.store.sql import Conn


def _account_networks(conn: Conn) -> dict[int, Network]:
    return {a.id: a.network for a in account_rows.list_accounts(conn)}


def _networks_of(conn: Conn, post_id: int, networks: Mapping[int, Network]) -> tuple[Network, ...]:
    """The networks ``post_id`` goes to, each once, in its deliveries' order."""
    return tuple(
        dict.fromkeys(
            networks[d.account_id]
            for d in delivery_rows.of_post(conn, post_id)
            if d.account_id in networks
        )
    )


class CollabError(ValueError):
    """Something the user asked cannot be done; ``code`` and ``params`` say what (the UI and
    the command line word it in their language)."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class NewCollaboration:
    company: str
    fee: Decimal
    vat_rate: Decimal
    agreed_on: date
    contact: str = ""
    language: str = "fi"
    title: str = ""
    payment_due: date | None = None
    terms: str = ""
    files: Sequence[str] = field(default_factory=tuple)


class Collaborations:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    def all(self) -> list[Collaboration]:
        return rows.collaborations(self.workspace.connection())

    def get(self, collab_id: int) -> Collaboration:
        found = rows.collaboration(self.workspace.connection(), collab_id)
        if found is None:
            raise CollabError("collab.not_found", id=str(collab_id))
        return found

    def add(self, new: NewCollaboration) -> int:
        company = new.company.strip()
        if not company:
            raise CollabError("collab.company_missing")
        if new.language not in ("fi", "en"):
            raise CollabError("collab.bad_language", language=new.language)
        conn = self.workspace.writable_connection()
        with transaction(conn):
            partner_id = rows.save_partner(conn, company, new.contact.strip(), new.language)
            collab_id = rows.add_collaboration(
                conn,
                partner_id,
                title=new.title.strip(),
                fee=new.fee,
                vat_rate=new.vat_rate,
                agreed_on=new.agreed_on,
                payment_due=new.payment_due,
                terms=new.terms,
            )
            for path in new.files:
                if path.strip():
                    rows.add_file(conn, collab_id, path.strip())
        return collab_id

    def edit(self, collab_id: int, edited: NewCollaboration) -> Collaboration:
        """Change what was entered: the partner (another company is another partner), its
        contact and report language, title, fee, VAT, days, terms, and the file paths (as
        listed in ``edited``). The state and the days the moves noted stay."""
        current = self.get(collab_id)
        company = edited.company.strip()
        if not company:
            raise CollabError("collab.company_missing")
        if edited.language not in ("fi", "en"):
            raise CollabError("collab.bad_language", language=edited.language)
        conn = self.workspace.writable_connection()
        with transaction(conn):
            partner_id = rows.save_partner(conn, company, edited.contact.strip(), edited.language)
            rows.update_collaboration(
                conn,
                collab_id,
                partner_id,
                title=edited.title.strip(),
                fee=edited.fee,
                vat_rate=edited.vat_rate,
                agreed_on=edited.agreed_on,
                payment_due=edited.payment_due,
                terms=edited.terms,
            )
            wanted = [p.strip() for p in edited.files if p.strip()]
            for path in current.files:
                if path not in wanted:
                    rows.remove_file(conn, collab_id, path)
            for path in wanted:
                rows.add_file(conn, collab_id, path)
        return self.get(collab_id)

    def move(self, collab_id: int, wanted: CollabState, on: date) -> Collaboration:
        """One step forward or back; ``on`` is the day invoiced or paid."""
        current = self.get(collab_id).state
        try:
            check_move(current, wanted)
        except StateError:
            raise CollabError(
                "collab.bad_move", current=current.value, wanted=wanted.value
            ) from None
        conn = self.workspace.writable_connection()
        with transaction(conn):
            if not rows.move_state(conn, collab_id, current, wanted, on):
                raise CollabError("collab.changed_meanwhile", id=str(collab_id))
        return self.get(collab_id)

    def remove(self, collab_id: int) -> None:
        """Forget the collaboration; its posts and costs stay (the posts no longer held to
        the disclosure rule by it)."""
        conn = self.workspace.writable_connection()
        with transaction(conn):
            if not rows.delete_collaboration(conn, collab_id):
                raise CollabError("collab.not_found", id=str(collab_id))

    def attach(self, collab_id: int, path: Path) -> None:
        """Keep the file's path (the file itself is not copied)."""
        self.get(collab_id)
        conn = self.workspace.writable_connection()
        with transaction(conn):
            rows.add_file(conn, collab_id, str(path))

    def add_deliverable(
        self,
        collab_id: int,
        network: Network,
        due: date,
        *,
        lang: str | None = None,
        note: str = "",
        post_id: int | None = None,
    ) -> int:
        """A draft for the accounts on ``network``, marked paid, opening with the disclosure
        marking in ``lang`` (by default the collaboration's language, as its audience reads
        it, not the app's); its post id. With ``post_id``, that post (already written) is
        the deliverable instead, marked paid: its marking and partner are then checked (a
        sponsored post written first stayed "linked to no collaboration")."""
        collab = self.get(collab_id)
        conn = self.workspace.writable_connection()
        if post_id is not None:
            with transaction(conn):
                if not rows.is_unlinked(conn, post_id):
                    raise CollabError("collab.post_taken", id=str(post_id))
                goes_to = _networks_of(conn, post_id, _account_networks(conn))
                # The deliverable's network is one the post goes to (it listed Bluesky for a
                # post to Mastodon and X).
                if goes_to and network not in goes_to:
                    network = goes_to[0]
                flag_rows.set_paid(conn, post_id, True)
                rows.add_deliverable(conn, collab_id, network.value, due, post_id, note=note)
            return post_id
        accounts = [a for a in account_rows.list_accounts(conn) if a.network is network]
        if not accounts:
            raise CollabError("collab.no_account", network=network.value)
        marking_lang = lang or collab.partner.language
        text = suggested_marking(collab.partner.company, marking_lang) + "\n\n"
        with transaction(conn):
            post_id = post_rows.create_post(conn, text)
            for account in accounts:
                post_rows.add_delivery(
                    conn,
                    post_id,
                    account.id,
                    scheduled_at=None,
                    time_zone=None,
                    state=DeliveryState.DRAFT,
                )
            flag_rows.set_paid(conn, post_id, True)
            rows.add_deliverable(conn, collab_id, network.value, due, post_id, note=note)
        return post_id

    def unlinked_posts(self) -> list[tuple[int, str, tuple[Network, ...]]]:
        """(id, opening, networks it goes to) of the newest posts not yet out and tied to no
        collaboration."""
        conn = self.workspace.connection()
        networks = _account_networks(conn)
        return [
            (post_id, opening, _networks_of(conn, post_id, networks))
            for post_id, opening in rows.unlinked_posts(conn)
        ]

    def add_cost(self, day: date, amount: Decimal, note: str, collab_id: int | None = None) -> int:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            return rows.add_cost(conn, day, amount, note, collab_id)

    def remove_cost(self, cost_id: int) -> None:
        conn = self.workspace.writable_connection()
        with transaction(conn):
            if not rows.delete_cost(conn, cost_id):
                raise CollabError("collab.not_found", id=str(cost_id))

    def costs(self) -> list[Cost]:
        return rows.costs(self.workspace.connection())

    def reminders(self, today: date) -> list[CollabReminder]:
        return collab_reminders(self.all(), today)

    def income(self, year: int) -> YearIncome:
        return year_income(self.all(), self.costs(), year)

    # -- the disclosure rule
    def due_of_post(self, post_id: int) -> date | None:
        """The day a collaboration's post is owed by; None for another post."""
        return rows.due_of_post(self.workspace.connection(), post_id)

    def partner_of_post(self, post_id: int) -> str | None:
        return rows.partner_of_post(self.workspace.connection(), post_id)

    def disclosure(
        self,
        post_id: int | None,
        text: str,
        channel: str | None,
        *,
        channel_name: str,
        lang: str,
        paid: bool = False,
    ) -> list[DisclosureFinding]:
        """The post's disclosure findings on ``channel``: naming its collaboration's partner;
        for a post of none ticked ``paid``, the marking alone; none otherwise."""
        partner = None if post_id is None else self.partner_of_post(post_id)
        if partner is None:
            if not paid:
                return []
            partner = ""
        return check_disclosure(text, partner, channel, channel_name=channel_name, lang=lang)
