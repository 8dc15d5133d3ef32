"""Compose benchmark: every channel's check of a 3,000-character post, as a keystroke runs it.

    .venv/bin/python benchmarks/compose.py [--keystrokes 3000] [--no-compare]

1. Keystrokes: a 3,000-character Finnish post with emoji sequences, links (with and without
   a protocol), mentions and hashtags. Each keystroke inserts one character and checks all
   ten channels from a fresh analysis, as the composer does. Prints the median and p99
   against the goal (median <= 1 ms, p99 <= 4 ms).
2. Pastes: one full check of several 1 MB texts (prose, unbroken CJK with a link, a
   million-label domain, a long ZWJ chain, NUL and lone surrogates...): no input may be
   quadratic.
3. X side by side with the PyPI port ``twitter-text-parser``, installed into a temporary
   virtual environment made for this run (with ``setuptools<82``: the port imports
   ``pkg_resources``). Prints agreement on a corpus and the speed ratio. The port is never
   a project dependency.

Exits 0 whatever the figures: a benchmark reports, it does not judge a slow machine.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex

from somestudio.domain.channels import check_all
from somestudio.domain.twittertext.weighted import parse_tweet

KNOWN_DIFFERENCE = regex.compile(r"[\u00a9\u00ae](?!\ufe0f)|\p{Emoji_Presentation}\ufe0f")
GOAL_MEDIAN_MS = 1.0
GOAL_P99_MS = 4.0
REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "twitter-text"

PARAGRAPHS = [
    "Hyvää huomenta, Tampere! ☀️ Kahvila Korvapuusti avaa ovensa taas maanantaina klo 7.30, "
    "ja ensimmäiset sata asiakasta saavat pullan kaupan päälle. 🥐☕️ ",
    "Uusi syysmenu on nyt verkossa: https://korvapuusti.example.fi/menu/syksy-2026 – mukana "
    "kurpitsakeitto, sienirisotto ja vegaaninen porkkanakakku. 🎃🍄🥕 ",
    "Kiitos @aino.virtanen ja @mikko@mastodon.social kuvista! 📸 Jaa omasi tunnisteella "
    "#Korvapuusti tai #TampereSyö, niin parhaat päätyvät seinällemme. ",
    "Perheen 👨\u200d👩\u200d👧\u200d👦 brunssi lauantaisin klo 10–14, lapset alle 7 v. "
    "syövät ilmaiseksi. Pöytävaraukset: varaa.example.com tai soita 03 1234 5678. ",
    "Suomi 🇫🇮 juhlii, ja me myös: itsenäisyyspäivän kakkutarjoilu 6.12. alkaen. Lippu "
    "salkoon, kynttilät ikkunaan! 🕯️ ",
    "Työpaja: leivotaan korvapuusteja yhdessä 👩🏽\u200d🍳👨🏻\u200d🍳 – ilmoittaudu "
    "https://tapahtumat.example.fi/leivonta?kieli=fi&paikka=tampere #leivonta #yhdessä ",
    "Muistathan: kestokuppi = 20 snt alennus ♻️. Pidetään Pyynikki puhtaana 💚 #kestävyys ",
    "Aukioloajat: ma–pe 7.30–18, la 9–16, su suljettu. Tervetuloa! 😊🙌 ",
]


def composed_post(length: int = 3000) -> str:
    rng = random.Random(2026)
    text = ""
    while len(text) < length:
        text += rng.choice(PARAGRAPHS)
    cut = text.rfind(" ", 0, length)
    return text[:cut].ljust(length, ".")


def keystrokes(count: int) -> list[float]:
    post = composed_post()
    typed = "aäö 😊k.#"
    for i in range(100):  # warm caches, regex compilation, the TLD table
        check_all(post[:i] + "x" + post[i:])
    times: list[float] = []
    for i in range(count):
        at = (i * 37) % len(post)
        text = post[:at] + typed[i % len(typed)] + post[at:]
        start = time.perf_counter_ns()
        check_all(text)
        times.append((time.perf_counter_ns() - start) / 1e6)
    return times


def report_keystrokes(count: int) -> None:
    post = composed_post()
    results = check_all(post)
    print(f"post: {len(post)} characters; per channel count/limit:")
    print("  " + ", ".join(f"{name} {c.count}/{c.limit}" for name, c in results.items()))
    times = sorted(keystrokes(count))
    median = statistics.median(times)
    p99 = times[min(len(times) - 1, round(0.99 * len(times)))]
    verdict = "PASS" if median <= GOAL_MEDIAN_MS and p99 <= GOAL_P99_MS else "MISS"
    print(
        f"keystroke, all ten channels: median {median:.3f} ms, p99 {p99:.3f} ms, "
        f"max {times[-1]:.3f} ms over {count} ({verdict}: goal median <= {GOAL_MEDIAN_MS} ms, "
        f"p99 <= {GOAL_P99_MS} ms)"
    )


def pastes() -> dict[str, str]:
    post = composed_post()
    return {
        "1 MB of the post, repeated": (post * 334)[:1_000_000],
        "1 MB of Chinese without spaces, one link": "故人西辞黄鹤楼，烟花三月下扬州。" * 62_500
        + "请访问example.com了解",
        "a domain of 500,000 labels": "a." * 500_000 + "com",
        "labels with underscores": "a_." * 333_333 + "com",
        "one path of 1 MB": "https://example.com/" + "a!" * 500_000,
        "a ZWJ chain of 333,333 emoji": "👩\u200d" * 333_333,
        "1 MB of viramas": "\u0915" + "\u094d" * 999_998 + "\u0924",
        "NUL and lone surrogates": "\x00\ud800" * 500_000,
        "RTL text and directional marks": "\u202e\u2067שלום עולם\u2069 " * 62_500,
    }


def report_pastes() -> None:
    print("pasted texts, one full check each:")
    for name, text in pastes().items():
        start = time.perf_counter()
        check_all(text)
        print(f"  {name:<42} {len(text):>9} chars  {time.perf_counter() - start:6.2f} s")


def corpus() -> list[str]:
    texts: list[str] = []
    validate = REFERENCE / "validate.yml"
    if validate.is_file():
        import yaml  # noqa: PLC0415 - dev dependency, only when the reference is present

        groups = yaml.safe_load(validate.read_text(encoding="utf-8"))["tests"]
        for group in ("WeightedTweetsWithDiscountedEmojiCounterTest", "tweets"):
            texts += [case["text"] for case in groups.get(group, [])]
    pieces = [
        *PARAGRAPHS,
        "https://example.com/x?y=1 ",
        "t.co/abc ",
        "www.example.fi ",
        "foo.co.jp/bar ",
        "ELPAÍS.com ",
        "http://例え.テスト/ ",
        "日本語のテキスト ",
        "©️ ® © 1⃣ #️⃣ ",
        "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f ",
        "🧑🏽\u200d🤝\u200d🧑🏻 ",
        "❤\ufe0e ❤️ ",
        "a\u0301 e\u0308 ",
        "\u2066\u202aRTL\u202c\u2069 ",
        "x" * 40,
    ]
    rng = random.Random(7)
    for _ in range(500):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))))
    post = composed_post()
    texts += [post[i : i + 280] for i in range(0, len(post) - 280, 140)]
    return [t for t in texts if "\r" not in t]  # the port rewrites line endings first


PORT_SCRIPT = """
import json, sys, time
from twitter_text import parse_tweet
texts = json.load(open(sys.argv[1], encoding="utf-8"))
lengths = [parse_tweet(t).weightedLength for t in texts]
for t in texts[:50]:
    parse_tweet(t)
start = time.perf_counter()
passes = 0
while passes < 3 or time.perf_counter() - start < 2.0:
    for t in texts:
        parse_tweet(t)
    passes += 1
print(json.dumps({"lengths": lengths, "seconds_per_pass": (time.perf_counter() - start) / passes}))
"""


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def run_port(texts: list[str], workdir: Path) -> dict[str, object] | None:
    venv = workdir / "venv"
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [
            str(_venv_python(venv)),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "setuptools<82",
            "twitter-text-parser",
        ],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, timeout=600, check=False)
        if done.returncode != 0:
            print(f"  could not set up the port ({' '.join(step[:4])}...):")
            print("  " + (done.stderr.strip().splitlines() or ["no output"])[-1])
            return None
    data = workdir / "corpus.json"
    data.write_text(json.dumps(texts), encoding="utf-8")
    script = workdir / "port.py"
    script.write_text(PORT_SCRIPT, encoding="utf-8")
    done = subprocess.run(
        [str(_venv_python(venv)), "-W", "ignore", str(script), str(data)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        print("  the port failed: " + (done.stderr.strip().splitlines() or ["?"])[-1])
        return None
    result: dict[str, object] = json.loads(done.stdout)
    return result


def ours_per_pass(texts: list[str]) -> float:
    for text in texts[:50]:
        parse_tweet(text)
    start = time.perf_counter()
    passes = 0
    while passes < 3 or time.perf_counter() - start < 2.0:
        for text in texts:
            parse_tweet(text)
        passes += 1
    return (time.perf_counter() - start) / passes


def report_comparison() -> None:
    texts = corpus()
    print(f"X weighted length vs twitter-text-parser (PyPI), {len(texts)} texts:")
    with tempfile.TemporaryDirectory(prefix="somestudio-bench-") as tmp:
        port = run_port(texts, Path(tmp))
    if port is None:
        return
    theirs = port["lengths"]
    assert isinstance(theirs, list)
    ours = [parse_tweet(text).weighted_length for text in texts]
    differ = [(t, o, p) for t, o, p in zip(texts, ours, theirs, strict=True) if o != p]
    print(f"  agree on {len(texts) - len(differ)} of {len(texts)}")
    known = [d for d in differ if KNOWN_DIFFERENCE.search(d[0])]
    print(
        f"  {len(known)} of the {len(differ)} differences hold a bare \u00a9/\u00ae (not emoji "
        "in twemoji-parser's own tests, 2 in the port) or an emoji-style character with a "
        "redundant U+FE0F (one emoji here, two in the port)"
    )
    for text, mine, other in [d for d in differ if d not in known][:8]:
        print(f"    ours {mine:>4}  port {other:>4}  {text[:70]!r}")
    seconds = float(str(port["seconds_per_pass"]))
    mine_seconds = ours_per_pass(texts)
    print(
        f"  time per pass over the corpus: ours {mine_seconds * 1e3:.1f} ms, port "
        f"{seconds * 1e3:.1f} ms (ours is {seconds / mine_seconds:.1f}x the port's speed)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--keystrokes", type=int, default=3000)
    parser.add_argument("--no-compare", action="store_true", help="skip twitter-text-parser")
    args = parser.parse_args()
    report_keystrokes(args.keystrokes)
    report_pastes()
    if not args.no_compare:
        report_comparison()
    return 0


if __name__ == "__main__":
    sys.exit(main())
