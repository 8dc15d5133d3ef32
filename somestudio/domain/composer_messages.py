"""Messages for the composer's own findings (media), in English and Finnish.

Kept apart from ``messages`` (the text rules' catalogue) so each catalogue stays with the
checks that use it; the languages and their fallbacks are the same.
"""

from __future__ import annotations

from somestudio.domain.messages import Catalogue

_CATALOGUE: dict[str, tuple[str, str]] = {
    "media.unreadable": (
        "{name} is not an image or video Some Studio can read ({reason}).",
        "{name} ei ole kuva tai video, jonka Some Studio osaa lukea ({reason}).",
    ),
    "media.missing": (
        "{name} is missing: it was moved or deleted after it was attached (expected at {path}).",
        "{name} puuttuu: se on siirretty tai poistettu liittämisen jälkeen (odotettu paikka "
        "{path}).",
    ),
    "media.video_unreadable": (
        "{name}: no video picture can be read from it; it is not a playable video.",
        "{name}: siitä ei voi lukea videokuvaa; se ei ole toistettava video.",
    ),
    "media.video_required": (
        "{channel} needs a video.",
        "{channel} tarvitsee videon.",
    ),
    "media.video_not_sent": (
        "{channel}: Some Studio cannot send a video here yet; post it in {channel} itself.",
        "{channel}: Some Studio ei vielä osaa lähettää videota tänne; julkaise se itse "
        "palvelussa {channel}.",
    ),
    "media.too_many_items": (
        "{channel}: {count} images and videos; at most {limit} are allowed.",
        "{channel}: {count} kuvaa ja videota; enintään {limit} sallitaan.",
    ),
    "media.required": (
        "{channel}: a post needs an image or a video.",
        "{channel}: julkaisuun tarvitaan kuva tai video.",
    ),
    "media.too_many": (
        "{channel}: {count} images; at most {limit} are allowed.",
        "{channel}: {count} kuvaa; enintään {limit} sallitaan.",
    ),
    "media.no_images": (
        "{channel}: only a video can be posted here, not images.",
        "{channel}: tänne voi julkaista vain videon, ei kuvia.",
    ),
    "media.video_alone": (
        "{channel}: a video goes alone (at most {limit}), without images.",
        "{channel}: video julkaistaan yksin (enintään {limit}), ilman kuvia.",
    ),
    "media.gif_alone": (
        "{channel}: an animated GIF goes alone, without other images.",
        "{channel}: animoitu GIF julkaistaan yksin, ilman muita kuvia.",
    ),
    "media.format": (
        "{channel}: {name} is {format}; use {formats}.",
        "{channel}: {name} on {format}-muodossa; käytä muotoa {formats}.",
    ),
    "media.too_big": (
        "{channel}: {name} is {size}; the limit is {limit}.",
        "{channel}: {name} on {size}; raja on {limit}.",
    ),
    "media.video_length": (
        "{channel}: {name} lasts {seconds} s; it must be {low}–{high} s.",
        "{channel}: {name} kestää {seconds} s; keston on oltava {low}–{high} s.",
    ),
    "media.aspect": (
        "{channel}: {name} has the shape {ratio}:1; {low}:1 to {high}:1 shows uncropped.",
        "{channel}: kuvan {name} muoto on {ratio}:1; {low}:1–{high}:1 näkyy rajaamatta.",
    ),
    "media.alt_missing": (
        "{channel}: {name} has no alt text; people who cannot see it need one.",
        "{channel}: tiedostolla {name} ei ole vaihtoehtoista tekstiä; näkövammaiset tarvitsevat "
        "sen.",
    ),
    "media.alt_too_long": (
        "{channel}: the alt text of {name} is too long ({count}/{limit} characters).",
        "{channel}: kuvan {name} vaihtoehtoinen teksti on liian pitkä ({count}/{limit} merkkiä).",
    ),
}


_MESSAGES = Catalogue(_CATALOGUE)
render = _MESSAGES.render
codes = _MESSAGES.codes
