"""Messages about an account's sign-in before a post is scheduled (``app.sign_in_check``):
whether the post can go out to it at all, not what its text says. English and Finnish."""

from __future__ import annotations

from somestudio.domain.messages import Catalogue

_CATALOGUE: dict[str, tuple[str, str]] = {
    "account.not_connected": (
        "Not connected: no sign-in is stored on this computer, so the post will not go out "
        "to this account. Connect it in Accounts before the post is due.",
        "Ei yhdistetty: tällä tietokoneella ei ole tallennettua kirjautumista, joten julkaisu "
        "ei lähde tälle tilille. Yhdistä tili Tilit-sivulla ennen julkaisuaikaa.",
    ),
    "account.reconnect": (
        "The network no longer accepts this account's sign-in: the post will not go out until "
        "you reconnect the account in Accounts.",
        "Palvelu ei enää hyväksy tämän tilin kirjautumista: julkaisu ei lähde ennen kuin "
        "yhdistät tilin uudelleen Tilit-sivulla.",
    ),
    "account.no_secure_storage": (
        "This computer has no working system keyring, so no sign-in is kept here and the post "
        "will not go out to this account. Set up the keyring, then connect the account again in "
        "Accounts.",
        "Tällä tietokoneella ei ole toimivaa järjestelmän avainnippua, joten kirjautumista ei "
        "säilytetä eikä julkaisu lähde tälle tilille. Ota avainnippu käyttöön ja yhdistä tili "
        "sitten uudelleen Tilit-sivulla.",
    ),
    "account.keyring_unknown": (
        "The system keyring did not answer, so whether the post can go out to this account is "
        "not known. Open Accounts to check its sign-in.",
        "Järjestelmän avainnippu ei vastannut, joten ei tiedetä, lähteekö julkaisu tälle "
        "tilille. Tarkista tilin kirjautuminen Tilit-sivulla.",
    ),
    "account.no_machine": (
        "No computer of this shared workspace holds this account's sign-in: the post will wait "
        "until one that runs Some Studio connects the account in Accounts.",
        "Millään tämän jaetun työtilan tietokoneella ei ole tämän tilin kirjautumista: julkaisu "
        "odottaa, kunnes jokin Some Studiota ajava tietokone yhdistää tilin Tilit-sivulla.",
    ),
}

_MESSAGES = Catalogue(_CATALOGUE)
render = _MESSAGES.render
codes = _MESSAGES.codes
