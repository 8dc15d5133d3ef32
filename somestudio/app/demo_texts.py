"""Sample post texts for the demo workspace: a small Finnish café's month, in two languages."""

from __future__ import annotations

DEMO_TEXTS: tuple[str, ...] = (
    "Huomenta! ☀️ Tänään uunista tulee korvapuusteja koko päivän. Tule ajoissa, "
    "viime viikolla ne loppuivat jo klo 14. #korvapuustipäivä #tampere",
    "Good morning! ☀️ Fresh cinnamon buns all day today — come early, last week they "
    "were gone by 2 pm. #cinnamonbuns #tampere",
    "Terassi on taas auki! 🌿 Ma–pe 8–18, la 10–16. Varaa pöytä isommalle porukalle: "
    "https://kahvila-aurinko.example/varaa",
    "Our terrace is open again 🌿 Mon–Fri 8–18, Sat 10–16. Book a table for a group: "
    "https://kahvila-aurinko.example/book",
    "Viikon lounaskeitto: kantarellikeitto ja juureksia 🍄 Vegaaninen vaihtoehto joka päivä. "
    "#lounas #vegaani",
    "Kiitos kaikille eilisestä kevätkonsertista! 🎶 Kuvia tapahtumasta sivuillamme: "
    "kahvila-aurinko.example/konsertti",
    "Thank you all for last night's spring concert! 🎶 Photos on our site: "
    "kahvila-aurinko.example/concert",
    "Tervetuloa tiimiin, Aino! 👩‍🍳 Aino vastaa jatkossa leivonnaisistamme. "
    "Käy moikkaamassa tiskillä.",
    "Meet Aino 👩‍🍳 our new head baker. Say hi at the counter! #smallbusiness #team",
    "Muistutus: lauantaina 12–15 lasten leivontapaja. Ilmoittautumiset: "
    "https://kahvila-aurinko.example/paja — paikkoja rajoitetusti! 🧁",
    "Kysely: kumpi, kaurajuoma vai mantelijuoma? Vastaa kommentteihin 👇 #kahvi",
    "Poll: oat or almond milk in your latte? Tell us below 👇 #coffee",
    "Uusi kahvilajike hyllyssä: Etiopia Yirgacheffe ☕ Hedelmäinen, kevyt paahto.",
    "New single origin on the shelf: Ethiopia Yirgacheffe ☕ Fruity, light roast. #specialtycoffee",
    "Ensi viikolla suljettu tiistaina remontin vuoksi 🔧 Pahoittelut vaivasta!",
    "Closed next Tuesday for a small renovation 🔧 Sorry for the trouble!",
    "Kuukauden kanta-asiakas: kiitos Markku, olet käynyt meillä joka aamu jo kolme "
    "vuotta ❤️ #kiitos",
    "#mainos Yhteistyössä Paahtimo Pohjoisen kanssa: kahvipussi kaupan päälle yli 20 € "
    "ostoksiin tällä viikolla.",
    "Arkisto: tämä julkaisu tallennetaan paikalliseen arkistoon kuukausiraporttia varten. 📁",
    "Behind the scenes: 5 am, the first dough of the day 🥐 #bakerylife",
)

DEMO_IMAGES: tuple[str, ...] = ("korvapuusti.jpg", "terrace.jpg", "team.jpg", "event.jpg")

DEMO_ALT_TEXTS: dict[str, str] = {
    "korvapuusti.jpg": "Tarjottimellinen korvapuusteja kahvilan tiskillä.",
    "terrace.jpg": "Kahvilan terassi aurinkoisena aamuna, pöydät katettu.",
    "team.jpg": "Kahvilan tiimi hymyilee tiskin takana.",
    "event.jpg": "Juliste kevätkonsertista kahvilan seinällä.",
}
