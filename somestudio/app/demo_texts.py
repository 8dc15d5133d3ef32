"""Sample post texts for the demo workspace: a small Finnish café in Tampere, mostly in
Finnish with some English for tourists. Each month has its own season (glögi and Lucia in
December, the terrace in May) and a few texts fit any time of the year."""

from __future__ import annotations

from datetime import date

# Any time of the year: no season in them.
EVERYDAY: tuple[str, ...] = (
    "Huomenta! ☕ Tänään uunista tulee korvapuusteja koko päivän. Tule ajoissa, "
    "viime viikolla ne loppuivat jo klo 14. #korvapuustipäivä #tampere",
    "Good morning! ☕ Fresh cinnamon buns all day today — come early, last week they "
    "were gone by 2 pm. #cinnamonbuns #tampere",
    "Tervetuloa tiimiin, Aino! 👩‍🍳 Aino vastaa jatkossa leivonnaisistamme. "
    "Käy moikkaamassa tiskillä.",
    "Kysely: kumpi, kaurajuoma vai mantelijuoma? Vastaa kommentteihin 👇 #kahvi",
    "Uusi kahvilajike hyllyssä: Etiopia Yirgacheffe ☕ Hedelmäinen, kevyt paahto.",
    "New single origin on the shelf: Ethiopia Yirgacheffe ☕ Fruity, light roast. #specialtycoffee",
    "Kuukauden kanta-asiakas: kiitos Markku, olet käynyt meillä joka aamu jo kolme "
    "vuotta ❤️ #kiitos",
    "Behind the scenes: 5 am, the first dough of the day 🥐 #bakerylife",
    "#mainos Yhteistyössä Paahtimo Pohjoisen kanssa: kahvipussi kaupan päälle yli 20 € "
    "ostoksiin tällä viikolla.",
)

_WINTER = (  # January, February
    "Pakkasaamuun kuuma kaakao ja laskiaispulla 🥶☕ Laskiaispullat vain helmikuussa, "
    "mantelimassalla tai hillolla. #laskiainen",
    "Runebergintorttuja 5.2. asti! 🧁 Varaa isompi erä: https://example.com/kahvila-aurinko/tilaa",
    "Warm up with a hot chocolate ❄️ Open Mon–Fri 8–18, Sat 10–16. #tampere #visittampere",
    "Tammikuun lounaskeitto: lohikeitto ja ruisleipä 🐟 #lounas",
)
_SPRING = (  # March, April, May
    "Kiitos kaikille eilisestä kevätkonsertista! 🎶 Kuvia tapahtumasta sivuillamme: "
    "example.com/kahvila-aurinko/konsertti",
    "Thank you all for last night's spring concert! 🎶 Photos on our site: "
    "example.com/kahvila-aurinko/concert",
    "Pääsiäisen aukioloajat 🐣 Pitkäperjantaina suljettu, lauantaina 10–16. Mämmiä tiskissä!",
    "Vappuna tippaleipiä ja simaa 🎈 Tilaukset: https://example.com/kahvila-aurinko/vappu",
    "Terassi on taas auki! ☀️ Ma–pe 8–18, la 10–16. Varaa pöytä isommalle porukalle: "
    "https://example.com/kahvila-aurinko/varaa",
)
_SUMMER = (  # June, July, August
    "Our terrace is open ☀️ Mon–Fri 8–20, Sat–Sun 10–18. Book a table for a group: "
    "https://example.com/kahvila-aurinko/book",
    "Juhannuksena suljettu 🌿 Hyvää keskikesää kaikille, nähdään taas maanantaina!",
    "Mansikkakakku on palannut 🍓 Kotimaiset mansikat Kangasalta. #kesä #tampere",
    "Iced latte ja raparperipiirakka terassilla ☀️ #kesäkahvila",
)
_AUTUMN = (  # September, October
    "Viikon lounaskeitto: kantarellikeitto ja juureksia 🍄 Vegaaninen vaihtoehto joka päivä. "
    "#lounas #vegaani",
    "Muistutus: lauantaina 12–15 lasten leivontapaja. Ilmoittautumiset: "
    "https://example.com/kahvila-aurinko/paja — paikkoja rajoitetusti! 🧁",
    "Omenapiirakka tuoreista syysomenoista 🍎 Kaneli, vanilja, lämpimänä.",
    "Autumn in Tampere 🍂 Pumpkin spice latte is back, with oat milk if you like.",
)
_NOVEMBER = (
    "Harvinaisen aurinkoinen marraskuun aamu ☀️ Kahvi ja korvapuusti ikkunapöydässä. "
    "#marraskuu #tampere",
    "Marraskuun pimeyteen kynttilät pöytiin ja kuumaa kaakaota 🕯️ Tervetuloa lämmittelemään! "
    "https://example.com/kahvila-aurinko",
    "Pikkujoulut meillä? 🎄 Otamme varauksia 10–40 hengen porukoille joulukuun iltoihin: "
    "https://example.com/kahvila-aurinko/pikkujoulut",
    "Glögikausi alkaa! 🍷 Alkoholiton glögi rusinoilla ja manteleilla, myös vegaanisena.",
)
_DECEMBER = (
    "Glögi ja piparit 3,50 € koko joulukuun 🍷🍪 Alkoholiton glögi rusinoilla ja "
    "manteleilla. #glögi #tampere",
    "Mulled wine season ❄️ Try our glögi with raisins and almonds, 3.50 € all December. "
    "#visittampere",
    "Joulupöytä kahvilassa la 19.12. klo 12–16 🎄 Kinkku, laatikot, rosolli ja "
    "joulutortut. Varaa paikka: https://example.com/kahvila-aurinko/joulupoyta",
    "Lucia-aamu 13.12. klo 9 🕯️ Tampereen Lucia-kuoro laulaa, lussekatter ja kahvi "
    "tarjolla. Tervetuloa!",
    "Pikkujoulukausi on täällä 🎄 Vielä muutama ilta vapaana 10–40 hengen porukoille: "
    "https://example.com/kahvila-aurinko/pikkujoulut",
    "Lahjakortti on varma joululahja 🎁 10, 25 tai 50 €, kassalta tai verkosta: "
    "https://example.com/kahvila-aurinko/lahjakortti",
    "Gift cards for Christmas 🎁 10, 25 or 50 €, at the counter or online: "
    "https://example.com/kahvila-aurinko/giftcard",
    "Joulun aukioloajat 🎅 23.12. 8–16 · 24.–26.12. suljettu · 27.–30.12. 10–16 · "
    "31.12. 8–14. Hyvää joulua!",
    "Christmas opening hours 🎅 Dec 23 8–16 · Dec 24–26 closed · Dec 27–30 10–16 · "
    "Dec 31 8–14. Merry Christmas!",
    "Joulutortut uunista tasatunnein ⭐ Luumuhillolla tai omenahillolla. #joulutorttu",
)

SEASONAL: dict[int, tuple[str, ...]] = {
    1: _WINTER,
    2: _WINTER,
    3: _SPRING,
    4: _SPRING,
    5: _SPRING,
    6: _SUMMER,
    7: _SUMMER,
    8: _SUMMER,
    9: _AUTUMN,
    10: _AUTUMN,
    11: _NOVEMBER,
    12: _DECEMBER,
}

# Every text the demo may use (an English one among them, for tests and translations).
DEMO_TEXTS: tuple[str, ...] = EVERYDAY + tuple(t for m in range(1, 13, 3) for t in SEASONAL[m])


def demo_text(day: date, index: int) -> str:
    """The ``index``-th post of ``day``'s month: two in three are of the season."""
    seasonal = SEASONAL[day.month]
    if index % 3 == 2:
        return EVERYDAY[(index // 3) % len(EVERYDAY)]
    return seasonal[(index - index // 3) % len(seasonal)]


DEMO_IMAGES: tuple[str, ...] = (
    "korvapuusti.jpg",
    "terrace.jpg",
    "team.jpg",
    "event.jpg",
    "winter.jpg",
)

DEMO_ALT_TEXTS: dict[str, str] = {
    "korvapuusti.jpg": "Tarjottimellinen korvapuusteja kahvilan tiskillä.",
    "terrace.jpg": "Kahvilan terassi aurinkoisena aamuna, pöydät katettu.",
    "team.jpg": "Kahvilan tiimi hymyilee tiskin takana.",
    "event.jpg": "Juliste kevätkonsertista kahvilan seinällä.",
    "winter.jpg": "Punavihreä juliste: Pikkujoulut ja glögi, Lucia-aamu 13.12. klo 9.",
}

# The images that fit a month (no terrace in the dark of the year).
_SEASON_IMAGES: dict[int, tuple[str, ...]] = {
    **{m: ("korvapuusti.jpg", "team.jpg") for m in (1, 2, 9, 10)},
    **{m: ("korvapuusti.jpg", "event.jpg", "team.jpg") for m in (3, 4)},
    **{m: ("korvapuusti.jpg", "terrace.jpg", "team.jpg") for m in (5, 6, 7, 8)},
    11: ("korvapuusti.jpg", "team.jpg", "winter.jpg"),
    12: ("winter.jpg", "korvapuusti.jpg", "team.jpg"),
}


def demo_image(day: date, index: int) -> str:
    choices = _SEASON_IMAGES[day.month]
    return choices[index % len(choices)]
