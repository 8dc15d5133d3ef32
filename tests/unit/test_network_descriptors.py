"""A network is one unit: every ``Network`` member has one descriptor, and app/, commands/,
ui/ and scheduling/ derive their lists of networks from the descriptors instead of writing
them by hand."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from somestudio.domain.channels import RULES
from somestudio.domain.media_limits import MEDIA_LIMITS
from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import DESCRIPTORS, ageing_versions, connectable
from somestudio.domain.networks.descriptor import ApiVersion, SignInKind
from somestudio.domain.threads import THREAD_CHANNELS

PACKAGE = Path(__file__).resolve().parents[2] / "somestudio"
DERIVED_LAYERS = ("app", "commands", "ui", "scheduling")
NETWORK_VALUES = {n.value for n in Network}


def test_every_network_has_exactly_one_descriptor() -> None:
    assert list(DESCRIPTORS) == list(dict.fromkeys(DESCRIPTORS))
    assert set(DESCRIPTORS) == set(Network)
    for network, descriptor in DESCRIPTORS.items():
        assert descriptor.network is network
        assert descriptor.name and descriptor.colour.startswith("#")
        assert descriptor.sign_in, network


def test_descriptors_reuse_the_channel_tables() -> None:
    for network, descriptor in DESCRIPTORS.items():
        if network is Network.LOCAL:
            assert descriptor.channel is None and descriptor.text_limit is None
            continue
        assert descriptor.channel is not None
        assert descriptor.text_limit is RULES[descriptor.channel].text_limit
        assert descriptor.media is MEDIA_LIMITS[descriptor.channel]


def test_every_network_with_metrics_has_a_read_budget() -> None:
    from somestudio.domain.metric_schedule import BUDGETS  # noqa: PLC0415

    assert set(BUDGETS) == {n for n, d in DESCRIPTORS.items() if d.metrics}


def test_derived_lists_follow_the_descriptors() -> None:
    assert set(THREAD_CHANNELS) == {d.channel for d in DESCRIPTORS.values() if d.threads}
    assert Network.LOCAL not in connectable()
    assert set(connectable()) == set(Network) - {Network.LOCAL}
    assert DESCRIPTORS[Network.BLUESKY].sign_in == (SignInKind.APP_PASSWORD,)
    assert DESCRIPTORS[Network.TIKTOK].by_hand_only and not DESCRIPTORS[Network.TIKTOK].has_api


def test_every_descriptive_name_is_collected_for_translation() -> None:
    tree = ast.parse((PACKAGE / "ui" / "network_names.py").read_text(encoding="utf-8"))
    marked = {
        node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", "") == "translate"
        and isinstance(node.args[1], ast.Constant)
    }
    assert marked == {d.name for d in DESCRIPTORS.values() if not d.name_is_brand}


def _network_member(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Network"
        and node.attr in Network.__members__
    )


def _network_value(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value in NETWORK_VALUES


def hand_written_lists(source: str) -> list[int]:
    """Lines where a tuple, list, set or dict names two or more networks literally."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
        else:
            continue
        members = [i for i in items if _network_member(i)]
        values = [i for i in items if _network_value(i)]
        if len(members) >= 2 or (len(values) >= 2 and len(values) == len(items)):
            found.append(node.lineno)
    return found


def test_the_scan_finds_a_hand_written_list() -> None:
    assert hand_written_lists("X = frozenset({Network.X, Network.BLUESKY})") == [1]
    assert hand_written_lists("X = ('x', 'mastodon')") == [1]
    assert hand_written_lists("X = {Network.X: 1, Network.LOCAL: 2}") == [1]
    assert hand_written_lists("if n in (Network.X,): pass") == []
    assert hand_written_lists("X = ('en', 'fi')") == []


@pytest.mark.parametrize("layer", DERIVED_LAYERS)
def test_no_layer_lists_networks_by_hand(layer: str) -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for line in hand_written_lists(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "derive these from domain/networks/catalogue.py"


def test_a_version_warns_from_sixty_days_before_its_sunset() -> None:
    version = ApiVersion("202603", date(2027, 3, 16), "LinkedIn migrations page")
    assert not version.warns(date(2027, 1, 14))
    assert version.warns(date(2027, 1, 15))
    assert version.warns(date(2027, 3, 16))
    assert version.warns(date(2027, 4, 1))
    assert not ApiVersion("v1.0", None, "").warns(date(2099, 1, 1))


def test_ageing_versions_name_only_the_networks_asked_about() -> None:
    linkedin = DESCRIPTORS[Network.LINKEDIN].api_version
    assert linkedin is not None and linkedin.sunset is not None
    near = linkedin.sunset.replace(day=1)
    (found,) = ageing_versions({Network.LINKEDIN, Network.X}, near)
    assert (found.network, found.version, found.sunset, found.ended) == (
        Network.LINKEDIN,
        linkedin,
        linkedin.sunset,
        False,
    )
    assert ageing_versions({Network.LINKEDIN}, linkedin.sunset)[0].ended
    assert ageing_versions({Network.X, Network.MASTODON}, near) == []
    assert ageing_versions({Network.LINKEDIN}, date(2026, 12, 3)) == []


def test_the_registry_serves_exactly_the_networks_with_an_api() -> None:
    from somestudio.networks.registry import REGISTRY  # noqa: PLC0415

    assert set(REGISTRY) == {n for n, d in DESCRIPTORS.items() if d.has_api}
    for network, code in REGISTRY.items():
        assert code.network is network and code.descriptor is DESCRIPTORS[network]
