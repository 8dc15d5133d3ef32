"""Journey: a paid collaboration from agreement to partner report, through the window.

Go to Collaborations (Ctrl+8) → New collaboration: the partner and the fee → Add post for X
(a paid draft opening with the disclosure marking) → Partner report…: Qt's file dialog, the
path typed into its file-name field → the PDF is there, in the partner's language (Finnish,
chosen in the dialog, where a new one starts in the window's English), naming the partner.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from .conftest import StartWorld

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

PARTNER = "Paahtimo Pohjoinen"


def test_collaboration_its_draft_and_partner_report(start_world: StartWorld) -> None:
    app = start_world()
    app.cli("account", "add", "x", "kahvila", "--by-hand")
    app.start()

    app.key("ctrl+8")
    app.wait("table", "Collaborations")
    app.click(app.wait("push button", "New collaboration"))
    dialog = app.wait("dialog", "New collaboration", match="startswith")
    app.type_into(app.wait("text", "Company", within=dialog.ref), PARTNER)
    app.type_into(app.wait("text", "Fee without VAT (€)", within=dialog.ref), "650,00")
    # The partner's language: the window's (English) until another is chosen
    language = app.wait("combo box", "English", within=dialog.ref)
    assert language.labelled_by == ["Language (report, post marking)"], language
    app.click(language)
    app.click(app.wait("list item", "Finnish"))
    app.wait("combo box", "Finnish", within=dialog.ref)
    app.step("collaboration filled in")
    app.click(app.wait("push button", "Add collaboration", within=dialog.ref))
    app.wait_gone("dialog", "New collaboration", match="startswith")
    app.wait("label", PARTNER, match="startswith")  # its details
    app.step("collaboration added")

    app.click(app.wait("push button", "Add post"))
    posts_dialog = app.wait("dialog", "Add a post to the collaboration", match="startswith")
    app.click(app.wait("push button", "Add post", within=posts_dialog.ref))
    app.wait_gone("dialog", "Add a post to the collaboration", match="startswith")
    posts = app.wait("list", "Collaboration posts")
    app.wait("list item", "X · due", match="startswith", within=posts.ref)
    app.step("paid draft added")

    target = app.base / "partner-report.pdf"
    app.click(app.wait("push button", "Partner report"))
    chooser = app.wait("dialog", "Save the partner report", match="startswith", timeout=60)
    app.type_into(
        app.wait("text", "File name", match="startswith", within=chooser.ref), str(target)
    )
    app.key("Return")
    app.wait_gone("dialog", "Save the partner report", match="startswith")
    app.wait("label", "Partner report saved", match="startswith")
    app.step("partner report saved")

    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    assert "Yhteistyöraportti" in text and PARTNER in text, text
    assert "Yhtään julkaisua ei ole vielä julkaistu." in text, text

    collabs = json.loads(app.cli("collab", "list", "--json"))
    assert [(c["partner"], c["fee"], c["state"]) for c in collabs] == [
        (PARTNER, "650.00", "offered")
    ]
    post_ids = [p["post_id"] for p in collabs[0]["posts"]]
    drafts = [p for p in json.loads(app.cli("post", "list", "--json")) if p["id"] in post_ids]
    assert len(drafts) == 1, drafts
    # The marking in the collaboration's language (Finnish, as chosen), not the window's.
    assert drafts[0]["text"].startswith(f"Kaupallinen yhteistyö: {PARTNER}"), drafts
    assert [d["state"] for d in drafts[0]["deliveries"]] == ["draft"], drafts

    app.key("ctrl+q")
    assert app.wait_exit() == 0, app.describe()
    app.check_stderr()
