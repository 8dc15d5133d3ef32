"""The planning library on a real data folder: the shared rulebook file, templates, hashtag
groups, channel defaults, labels with colours, per-post extras, guidelines in the CSV preview."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from somestudio.app.composer import Composer
from somestudio.app.csv_import import CsvImporter
from somestudio.app.plan_library import PlanLibrary, with_signature
from somestudio.app.studio import Studio
from somestudio.app.workspace import Workspace, open_workspace
from somestudio.domain.drafts import Draft
from somestudio.domain.guidelines import Rulebook, RulebookError
from somestudio.domain.networks import Network
from somestudio.store import accounts as account_rows
from somestudio.store.database import transaction


@pytest.fixture
def workspace(home: Path) -> Iterator[Workspace]:
    ws = open_workspace(home)
    conn = ws.writable_connection()
    with transaction(conn):
        account_rows.add_account(conn, Network.X, "kahvila")
        account_rows.add_account(conn, Network.MASTODON, "@aroma")
    yield ws
    ws.close()


def test_rulebook_is_shared_as_a_file(workspace: Workspace, tmp_path: Path) -> None:
    library = PlanLibrary(workspace)
    assert library.rulebook().is_empty
    book = Rulebook(name="Linjaus", banned_words=("halpa*",), max_hashtags=3)
    library.save_rulebook(book)
    shared = tmp_path / "linjaus.json"
    library.export_rulebook(shared)
    (tmp_path / "other").mkdir()
    other = open_workspace(tmp_path / "other")
    try:
        assert PlanLibrary(other).import_rulebook(shared) == book
        assert PlanLibrary(other).rulebook() == book
    finally:
        other.close()
    shared.write_text('{"format": "somestudio-guidelines", "version": 9}', encoding="utf-8")
    with pytest.raises(RulebookError, match="newer"):
        library.import_rulebook(shared)
    assert library.rulebook() == book  # a refused file changes nothing


def test_draft_findings_per_account(workspace: Workspace) -> None:
    library = PlanLibrary(workspace)
    library.save_rulebook(
        Rulebook(banned_words=("halpa",), utm={"mastodon": {"utm_source": "masto"}})
    )
    targets = Composer(workspace).targets()
    ids = {t.network: t.account_id for t in targets}
    draft = Draft(
        base_text="Halpa kahvi https://aroma.fi",
        account_ids=(ids[Network.X], ids[Network.MASTODON]),
        variants={ids[Network.X]: "Hyvä kahvi"},
    )
    found = {f.label: f for f in library.check_draft(draft, targets, paid=False, lang="en")}
    assert found["kahvila"].own and found["kahvila"].findings == ()
    assert [f.code for f in found["@aroma"].findings] == [
        "guideline.banned_word",
        "guideline.utm_missing",
    ]


def test_templates_groups_defaults_labels_and_extras(workspace: Workspace) -> None:
    library = PlanLibrary(workspace)
    first = library.save_template("Viikon vinkki", "Vinkki {date}: {link}")
    assert library.save_template("Viikon vinkki", "Uusi {link}") == first
    assert [(t.name, t.body) for t in library.templates()] == [("Viikon vinkki", "Uusi {link}")]
    library.save_hashtag_group("Kahvila", "kahvi, #tampere  kahvi")
    assert library.hashtag_groups()[0].tags == "#kahvi #tampere"
    library.set_channel_defaults("x", "— Aroma", "Tule käymään!")
    assert library.channel_defaults() == {"x": ("— Aroma", "Tule käymään!")}
    library.set_channel_defaults("x", "", " ")
    assert library.channel_defaults() == {}
    library.save_label("Joulu", "#e53935")
    library.save_label("Joulukampanja", "#43a047", old_name="Joulu")
    assert library.labels() == [("Joulukampanja", "#43a047")]
    post = Studio(workspace).save_draft("x", [])
    library.set_post_extras(post, paid=True, labels=["Joulukampanja", "Uusi"])
    assert library.post_extras(post) == (True, ["Joulukampanja", "Uusi"])
    library.delete_label("Uusi")
    assert library.post_extras(post) == (True, ["Joulukampanja"])
    library.delete_template(first)
    assert library.templates() == []
    assert with_signature("Moi", "— Aroma") == "Moi\n\n— Aroma"
    assert with_signature("Moi\n\n— Aroma", "— Aroma") == "Moi\n\n— Aroma"


def test_guidelines_show_in_the_csv_preview(workspace: Workspace, tmp_path: Path) -> None:
    library = PlanLibrary(workspace)
    library.save_rulebook(Rulebook(banned_words=("halpa",), max_emoji=0))
    source = tmp_path / "p.csv"
    source.write_text("text,accounts,date,time\nHalpa kahvi ☕,kahvila,2031-01-02,09:00\n")
    importer = CsvImporter(
        workspace, now=lambda: datetime(2030, 1, 1, tzinfo=UTC), extra_check=library.csv_check
    )
    preview = importer.preview(source, zone="Europe/Helsinki")
    assert sorted((p.where(), p.severity.value) for p in preview.problems) == [
        ("2:A (text)", "error"),
        ("2:A (text)", "warning"),
    ]
    assert not preview.ok
    assert preview.errors[0].line().startswith("2:A (text): Guideline: “Halpa”")


def test_guidelines_are_never_exported_into_the_data_folder(workspace: Workspace) -> None:
    """The window's guidelines export is refused inside the data folder (the database, the
    settings), as every other export is; nothing is written."""
    from somestudio.app.export_targets import InsideDataFolderError  # noqa: PLC0415

    library = PlanLibrary(workspace)
    library.save_rulebook(Rulebook(name="Linjaus", max_hashtags=3))
    home = workspace.home
    (home / "settings.json").write_text("{}", encoding="utf-8")
    for target in (home / "somestudio.db", home / "settings.json", home / "guidelines.json"):
        before = target.read_bytes() if target.exists() else None
        with pytest.raises(InsideDataFolderError):
            library.export_rulebook(target)
        assert (target.read_bytes() if target.exists() else None) == before
