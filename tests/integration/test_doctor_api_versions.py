"""`somestudio doctor` warns when a connected network's pinned API version is within 60 days
of its documented sunset, and says what to do by when. Every test names its day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from somestudio.app.doctor import api_version_checks, connected_networks, format_report
from somestudio.app.paths import DataHome
from somestudio.app.workspace import open_workspace
from somestudio.domain.networks import Network, PublishMethod
from somestudio.domain.networks.graph_api import GRAPH_API
from somestudio.store import accounts as rows
from somestudio.store.database import transaction


def _home_with(home: Path, *accounts: tuple[Network, PublishMethod]) -> DataHome:
    workspace = open_workspace(home)
    conn = workspace.writable_connection()
    with transaction(conn):
        for number, (network, method) in enumerate(accounts):
            rows.add_account(conn, network, f"account{number}", publish_method=method)
    workspace.close()
    return DataHome(home, explicit=True)


def test_only_networks_that_publish_through_their_api_count(home: Path) -> None:
    data = _home_with(
        home,
        (Network.LINKEDIN, PublishMethod.API),
        (Network.FACEBOOK, PublishMethod.MANUAL),
        (Network.LOCAL, PublishMethod.FOLDER),
    )
    assert connected_networks(data) == {Network.LINKEDIN}


def test_no_database_yet_means_nothing_to_warn_about(tmp_path: Path) -> None:
    assert connected_networks(DataHome(tmp_path / "nothing", explicit=True)) == set()


def test_linkedin_warns_from_sixty_days_before_its_sunset() -> None:
    networks = {Network.LINKEDIN, Network.MASTODON}
    assert api_version_checks(networks, date(2027, 1, 14)) == []
    (check,) = api_version_checks(networks, date(2027, 1, 15))
    assert not check.ok
    assert check.value == "version 202603 ends 2027-03-16"
    assert check.advice.startswith("Some Studio needs an update before 2027-03-16 for LinkedIn")
    report = format_report([check])
    assert report.startswith("!! LinkedIn API")
    assert "→ Some Studio needs an update before 2027-03-16 for LinkedIn" in report


def test_after_the_sunset_it_says_publishing_there_stopped() -> None:
    (check,) = api_version_checks({Network.LINKEDIN}, date(2027, 3, 28))
    assert "stopped serving API version 202603 on 2027-03-16" in check.advice
    assert "Install the newest Some Studio" in check.advice


def test_facebook_and_instagram_share_the_one_graph_version() -> None:
    assert Network.FACEBOOK.descriptor.api_version is GRAPH_API
    assert Network.INSTAGRAM.descriptor.api_version is GRAPH_API
    if GRAPH_API.sunset is None:  # "TBD" in Meta's changelog: nothing to warn about yet
        assert api_version_checks({Network.FACEBOOK}, date(2099, 1, 1)) == []
    else:
        day = GRAPH_API.sunset.replace(day=1)
        checks = api_version_checks({Network.FACEBOOK, Network.INSTAGRAM, Network.X}, day)
        assert [c.name for c in checks] == ["Facebook Page API", "Instagram API"]
