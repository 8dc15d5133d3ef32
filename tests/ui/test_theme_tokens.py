"""The visual system's promises: text colours meet WCAG AA on every background they are
drawn on, in both schemes; every network has a mark (a Simple Icons logo or a monogram)
that stands out from the surface; the logo set's licence ships beside it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from somestudio.domain.networks import Network
from somestudio.domain.networks.catalogue import descriptor
from somestudio.ui.assets import resource_root
from somestudio.ui.theme import DARK, LIGHT, Colours, contrast_ratio, network_mark
from somestudio.ui.theme.marks import mark_colour

SCHEMES = [pytest.param(LIGHT, id="light"), pytest.param(DARK, id="dark")]


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WCAG's own example: #767676 on white is the lightest grey that passes AA (4.54:1).
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_text_meets_aa_on_every_background(scheme: Colours) -> None:
    backgrounds = {
        "surface": scheme.surface,
        "surface_alt": scheme.surface_alt,
        "raised": scheme.raised,
        "by_hand": scheme.by_hand,
        **{f"state {state.value}": colour for state, colour in scheme.states.items()},
    }
    texts = {"text": scheme.text, "text_muted": scheme.text_muted}
    low = [
        f"{text_name} on {bg_name}: {contrast_ratio(text, bg):.2f}"
        for text_name, text in texts.items()
        for bg_name, bg in backgrounds.items()
        if contrast_ratio(text, bg) < 4.5
    ]
    assert low == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_signal_colours_meet_aa_on_surfaces(scheme: Colours) -> None:
    signals = {
        "accent": scheme.accent,
        "success": scheme.success,
        "warning": scheme.warning,
        "danger": scheme.danger,
        "mention": scheme.mention,
        **{f"campaign {i}": c for i, c in enumerate(scheme.campaign)},
    }
    low = [
        f"{name} on {bg}: {contrast_ratio(colour, bg):.2f}"
        for name, colour in signals.items()
        for bg in (scheme.surface, scheme.raised)
        if contrast_ratio(colour, bg) < 4.5
    ]
    assert low == []


def test_every_state_has_a_colour_in_both_schemes() -> None:
    assert set(LIGHT.states) == set(DARK.states)
    assert len(set(LIGHT.states.values())) == len(LIGHT.states)


def test_every_named_logo_ships_with_its_licence() -> None:
    folder = resource_root() / "icons" / "networks"
    missing = [
        f"{n.value}: {descriptor(n).mark}.svg"
        for n in Network
        if descriptor(n).mark and not (folder / f"{descriptor(n).mark}.svg").is_file()
    ]
    assert missing == []
    assert "CC0" in (folder / "LICENSE-simple-icons.md").read_text(encoding="utf-8")


def _ink(image: QImage) -> tuple[int, QColor | None]:
    """How many pixels are drawn, and the colour of the most opaque one."""
    drawn, strongest, best = 0, None, 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > 0:
                drawn += 1
                if colour.alpha() > best:
                    best, strongest = colour.alpha(), colour
    return drawn, strongest


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("network", list(Network), ids=lambda n: n.value)
def test_every_network_has_a_visible_mark(qapp: object, network: Network, dark: bool) -> None:
    pixmap = network_mark(network, 24, dark=dark)
    image = pixmap.toImage()
    assert (image.width(), image.height()) == (24, 24)
    drawn, strongest = _ink(image)
    assert drawn > 24 * 24 * 0.15, "the mark is (nearly) empty"
    assert strongest is not None
    surface = (DARK if dark else LIGHT).surface
    if descriptor(network).mark:
        assert contrast_ratio(mark_colour(network, dark), surface) >= 3.0
        assert strongest.name() == QColor(mark_colour(network, dark)).name()


def test_linkedin_is_a_monogram_because_simple_icons_has_no_logo(qapp: object) -> None:
    assert descriptor(Network.LINKEDIN).mark is None
    assert descriptor(Network.LINKEDIN).monogram == "in"
    image = network_mark(Network.LINKEDIN, 32, dark=False).toImage()
    assert image.pixelColor(2, 16).name() == QColor(descriptor(Network.LINKEDIN).colour).name()


def test_black_brand_marks_turn_light_in_the_dark_scheme() -> None:
    assert mark_colour(Network.X, dark=False) == descriptor(Network.X).colour
    assert mark_colour(Network.X, dark=True) == DARK.text
