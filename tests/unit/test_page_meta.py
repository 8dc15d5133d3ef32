"""Link-card facts from real-world-shaped HTML: Open Graph first, then Twitter cards, then
<title> and the description meta; relative pictures resolved; broken markup tolerated."""

from __future__ import annotations

from somestudio.domain.link_cards import MAX_TITLE, first_link
from somestudio.domain.page_meta import PageMeta, page_meta

PAGE = "https://kahvila.example/blogi/joulu?id=3"


def test_open_graph_wins_and_a_relative_image_is_resolved() -> None:
    html = """<!doctype html><html lang="fi"><head>
      <meta charset="utf-8"><title>Joulu | Kahvila</title>
      <meta name="description" content="Sivun kuvaus">
      <meta name="twitter:title" content="Twitter-otsikko">
      <meta property="og:title" content="  Joulun   pullat &amp; glögi ">
      <meta property="og:description" content="Tule &quot;maistamaan&quot;">
      <meta property="og:image" content="../kuvat/pulla.jpg">
      <meta property="og:image" content="/toinen.jpg">
    </head><body><p>Hei</body></html>"""
    assert page_meta(html, PAGE) == PageMeta(
        title="Joulun pullat & glögi",
        description='Tule "maistamaan"',
        image_url="https://kahvila.example/kuvat/pulla.jpg",  # the first og:image
    )


def test_twitter_card_then_title_and_description_fill_in() -> None:
    html = (
        "<HEAD><TITLE>Vain otsikko</TITLE><META NAME='twitter:image:src' "
        "CONTENT='//cdn.example/k.png'>"
        "<meta name=description content='Kuvaus ilman lainausmerkkejä'>"
    )
    meta = page_meta(html, "http://kahvila.example/")
    assert meta.title == "Vain otsikko"
    assert meta.description == "Kuvaus ilman lainausmerkkejä"
    assert meta.image_url == "http://cdn.example/k.png"


def test_missing_tags_and_non_http_pictures_give_an_empty_card() -> None:
    meta = page_meta(
        '<html><head><meta property="og:image" content="data:image/png;base64,AAAA">'
        '<meta property="og:image:url" content="javascript:alert(1)"></head></html>',
        PAGE,
    )
    assert meta == PageMeta()
    assert meta.empty
    assert page_meta("", PAGE).empty
    assert page_meta("not html at all \x00\xff <<<>>>", PAGE).empty


def test_broken_markup_and_a_script_are_only_text() -> None:
    html = (
        "<head><script>document.title='ajettu'</script><title>Oikea</title>"
        '<meta property="og:description" content="ok"<meta name="x">'
    )
    meta = page_meta(html, PAGE)
    assert meta.title == "Oikea"


def test_the_body_of_a_huge_page_is_not_parsed() -> None:
    head = '<html><head><meta property="og:title" content="Iso sivu"></head><body>'
    body = '<meta property="og:description" content="body">' + "<p>x</p>" * 500_000
    meta = page_meta(head + body, PAGE)
    assert meta.title == "Iso sivu"
    assert meta.description == ""  # a card tag in the body is not the page's own


def test_a_long_title_is_cut() -> None:
    meta = page_meta(f'<meta property="og:title" content="{"a" * 5000}">', PAGE)
    assert len(meta.title) == MAX_TITLE and meta.title.endswith("…")


def test_first_link() -> None:
    assert first_link("Katso kahvila.fi/menu ja https://b.example/x") == "https://kahvila.fi/menu"
    assert first_link("http://kahvila.fi/ä?x=1 ja muuta") == "http://kahvila.fi/ä?x=1"
    assert first_link("ei linkkiä #kahvi @aurinko") is None
