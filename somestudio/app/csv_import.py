"""Bulk scheduling from a CSV file: a preview of every row with each channel's checks, then
all of it in one transaction, or none of it.

    importer = CsvImporter(workspace, planner)
    preview = importer.preview(path, zone="Europe/Helsinki")
    if preview.ok:
        importer.apply(preview)

The preview reads the file (``domain.csv_table``), the rows (``domain.csv_rows``), probes
every media file and checks each row's text and media for each account's channel, with the
account's own limit (a Mastodon instance's). Every problem names its row and column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from somestudio.app.composer import Composer, Target
from somestudio.app.input_files import CSV_LIMIT, MB, InputError, InputTooLargeError, read_file
from somestudio.app.planning import Planner
from somestudio.app.shared_media import shared_media
from somestudio.app.workspace import Workspace
from somestudio.domain.channels import RULES
from somestudio.domain.csv_columns import Field, Layout
from somestudio.domain.csv_problems import Blocking, CsvProblem
from somestudio.domain.csv_problems import problem as file_problem
from somestudio.domain.csv_rows import ImportOptions, PlannedRow, plan_rows
from somestudio.domain.csv_table import CsvReadError, TextEncoding, read_table
from somestudio.domain.csv_values import DateOrder
from somestudio.domain.delivery_state import DeliveryState
from somestudio.domain.findings import Severity
from somestudio.domain.media import MediaFacts, check_media
from somestudio.domain.utc import utc_now
from somestudio.store import accounts as account_rows
from somestudio.store import composition
from somestudio.store import posts as post_rows
from somestudio.store.database import transaction

ExtraCheck = Callable[[PlannedRow, Sequence[Target], str], list[tuple[Severity, str]]]


@dataclass(frozen=True, slots=True)
class ChannelResult:
    """One account's verdict on one row, for the preview."""

    account: str
    ok: bool
    counter: str  # "212/280"
    messages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PreviewRow:
    planned: PlannedRow
    accounts: tuple[str, ...]
    channels: tuple[ChannelResult, ...]
    problems: tuple[CsvProblem, ...]

    @property
    def ok(self) -> bool:
        return not any(p.severity is Blocking.ERROR for p in self.problems)


@dataclass(frozen=True, slots=True)
class ImportPreview:
    source: str
    layout: Layout | None
    delimiter: str
    rows: tuple[PreviewRow, ...]
    problems: tuple[CsvProblem, ...]  # everything, rows' included, in row and column order
    media: dict[str, MediaFacts] = field(default_factory=dict)  # by resolved path

    @property
    def errors(self) -> tuple[CsvProblem, ...]:
        return tuple(p for p in self.problems if p.severity is Blocking.ERROR)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors


class ImportRefusedError(ValueError):
    """The import was not made; ``problems`` says why (nothing was written)."""

    def __init__(self, problems: Sequence[CsvProblem]) -> None:
        super().__init__("; ".join(p.line() for p in problems[:5]))
        self.problems = tuple(problems)


class CsvImporter:
    def __init__(
        self,
        workspace: Workspace,
        planner: Planner | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        extra_check: ExtraCheck | None = None,
    ) -> None:
        self.workspace = workspace
        self.planner = planner
        self._now = now
        self._extra = extra_check

    def preview(
        self,
        source: Path,
        *,
        zone: str,
        accounts: Sequence[int] = (),
        encoding: TextEncoding = TextEncoding.UTF8,
        date_order: DateOrder | None = None,
        lang: str = "en",
        data: bytes | None = None,
    ) -> ImportPreview:
        """Read and check ``source`` (or ``data``, named ``source``); writes nothing."""
        try:
            raw = read_file(source, CSV_LIMIT) if data is None else data
        except InputTooLargeError:
            too_large = file_problem(0, -1, "csv.too_large", limit=CSV_LIMIT // MB)
            return ImportPreview(str(source), None, ",", (), (too_large,))
        except InputError:
            return ImportPreview(
                str(source), None, ",", (), (file_problem(0, -1, "csv.not_a_file"),)
            )
        except OSError as exc:
            raise FileNotFoundError(f"{source}: {exc.strerror or exc}") from exc
        try:
            table = read_table(raw, encoding)
        except CsvReadError as exc:
            return ImportPreview(str(source), None, ",", (), (exc.problem,))
        conn = self.workspace.connection()
        known = account_rows.list_accounts(conn)
        options = ImportOptions(zone, self._now(), tuple(accounts), date_order)
        plan = plan_rows(table, known, options)
        targets = {t.account_id: t for t in Composer(self.workspace).targets()}
        folder = source.parent
        facts: dict[str, MediaFacts] = {}
        rows: list[PreviewRow] = []
        problems = list(plan.problems)
        text_column = plan.columns.fields.get(Field.TEXT, -1)
        media_column = plan.columns.fields.get(Field.MEDIA, -1)
        for planned in plan.rows:
            resolved = tuple(str(_resolve(folder, p)) for p in planned.media)
            row = replace(planned, media=resolved)
            found: list[CsvProblem] = []
            for written, path in zip(planned.media, resolved, strict=True):
                if not Path(path).is_file():
                    found.append(
                        CsvProblem(
                            row.row,
                            media_column,
                            "csv.media_missing",
                            plan.columns.heading(media_column),
                            (("value", written),),
                        )
                    )
                elif path not in facts:
                    facts[path] = _probe(path)
            chosen = [targets[a] for a in row.account_ids if a in targets]
            results = []
            if not found:
                media = [_with_alt(facts[p], row.alt_texts, i) for i, p in enumerate(resolved)]
                for target in chosen:
                    result, more = _check(
                        row, target, media, lang, text_column=text_column, media_column=media_column
                    )
                    results.append(result)
                    found += [replace(p, heading=plan.columns.heading(p.column)) for p in more]
            if self._extra is not None:
                for severity, message in self._extra(row, chosen, lang):
                    found.append(
                        CsvProblem(
                            row.row,
                            text_column,
                            "csv.guideline",
                            plan.columns.heading(text_column),
                            (("message", message),),
                            Blocking.ERROR if severity is Severity.ERROR else Blocking.WARNING,
                        )
                    )
            problems += found
            rows.append(
                PreviewRow(row, tuple(t.label for t in chosen), tuple(results), tuple(found))
            )
        return ImportPreview(
            str(source), plan.layout, table.delimiter, tuple(rows), tuple(sorted(problems)), facts
        )

    def apply(self, preview: ImportPreview) -> list[int]:
        """Write every row's post in one transaction; raises ``ImportRefusedError`` (writing
        nothing) when the preview has an error or a scheduled time has passed since."""
        if not preview.ok:
            raise ImportRefusedError(preview.errors or ())
        now = self._now()
        late = [
            CsvProblem(
                r.planned.row,
                -1,
                "csv.in_past",
                "",
                (("wall", f"{r.planned.at:%Y-%m-%d %H:%M} UTC"), ("zone", r.planned.zone)),
            )
            for r in preview.rows
            if r.planned.at is not None and not r.planned.draft and r.planned.at < now
        ]
        if late:
            raise ImportRefusedError(late)
        # A contributor's dated rows are asked for, not scheduled (issue 17): they wait for
        # an editor's approval, as the composer's would.
        from somestudio.app.team import Team  # noqa: PLC0415
        from somestudio.domain.members import ApprovalAction  # noqa: PLC0415
        from somestudio.store import members as member_rows  # noqa: PLC0415

        team = Team(self.workspace)
        asking = not team.role().approves
        me = team.me() if asking else None
        conn = self.workspace.writable_connection()
        keeper = shared_media(self.workspace)  # a shared workspace keeps the files' bytes
        post_ids: list[int] = []
        delivery_ids: list[int] = []
        with transaction(conn):
            for row in preview.rows:
                planned = row.planned
                for account_id in planned.account_ids:
                    if account_rows.get_account(conn, account_id) is None:
                        raise ImportRefusedError(
                            [
                                CsvProblem(
                                    planned.row,
                                    -1,
                                    "csv.unknown_account",
                                    "",
                                    (("value", str(account_id)), ("known", "—")),
                                )
                            ]
                        )
                post_id = post_rows.create_post(conn, planned.text, labels=planned.labels)
                media = [
                    replace(
                        _media_row(path, preview.media.get(path), planned.alt_texts, i),
                        sha256=keeper.keep(conn, path),
                    )
                    for i, path in enumerate(planned.media)
                ]
                if media:
                    composition.write(
                        conn, post_id, base_text=planned.text, variants={}, threads={}, media=media
                    )
                asked = asking and not planned.draft and planned.at is not None
                state = DeliveryState.DRAFT if planned.draft or asked else DeliveryState.SCHEDULED
                if asked:
                    moment = now.replace(microsecond=0)
                    member_rows.put_waiting(conn, post_id, me.id if me else None, moment)
                    member_rows.log_event(
                        conn,
                        post_id,
                        ApprovalAction.REQUESTED,
                        member=me,
                        comment="",
                        now=moment,
                    )
                for account_id in planned.account_ids:
                    delivery_ids.append(
                        post_rows.add_delivery(
                            conn,
                            post_id,
                            account_id,
                            scheduled_at=planned.at,
                            time_zone=planned.zone if planned.at is not None else None,
                            state=state,
                        )
                    )
                post_ids.append(post_id)
        engine = self.planner.engine if self.planner is not None else None
        if engine is not None and engine.running:
            engine.refresh(delivery_ids)
        return post_ids


def _resolve(folder: Path, written: str) -> Path:
    path = Path(written).expanduser()
    return path if path.is_absolute() else (folder / path).resolve()


def _probe(path: str) -> MediaFacts:
    from somestudio.app import media as media_files  # noqa: PLC0415 - Pillow when needed

    return media_files.probe(Path(path))


def _with_alt(facts: MediaFacts, alts: Sequence[str], index: int) -> MediaFacts:
    return replace(facts, alt_text=alts[index] if index < len(alts) else "")


def _media_row(
    path: str, facts: MediaFacts | None, alts: Sequence[str], index: int
) -> composition.MediaRow:
    from somestudio.app import media as media_files  # noqa: PLC0415 - Pillow when needed

    alt = alts[index] if index < len(alts) else ""
    if facts is None:
        return composition.MediaRow(path=path, alt_text=alt)
    return composition.MediaRow(
        path=path,
        mime_type=media_files.mime_type(facts),
        alt_text=alt,
        width=facts.width or None,
        height=facts.height or None,
        byte_size=facts.byte_size or None,
        duration_ms=facts.duration_ms,
        frame_count=facts.frames,
    )


def _check(
    row: PlannedRow,
    target: Target,
    media: list[MediaFacts],
    lang: str,
    *,
    text_column: int,
    media_column: int,
) -> tuple[ChannelResult, list[CsvProblem]]:
    found: list[CsvProblem] = []
    messages: list[str] = []
    ok = True
    counter = ""

    def add(column: int, severity: Severity, message: str) -> None:
        nonlocal ok
        blocking = Blocking.ERROR if severity is Severity.ERROR else Blocking.WARNING
        ok = ok and blocking is not Blocking.ERROR
        messages.append(message)
        found.append(
            CsvProblem(
                row.row,
                column,
                "csv.channel",
                "",
                (("account", target.label), ("message", message)),
                blocking,
            )
        )

    if target.channel is not None:
        check = RULES[target.channel].check(row.text, limit_override=target.limit, lang=lang)
        counter = f"{check.count}/{check.limit}"
        for finding in check.findings:
            add(text_column, finding.severity, finding.message)
    title = target.network.display_name
    for media_finding in check_media(target.channel or "", media, title=title, lang=lang):
        add(media_column, media_finding.severity, media_finding.message)
    return ChannelResult(target.label, ok, counter, tuple(messages)), found
