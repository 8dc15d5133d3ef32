"""The real app on a real X server: it maps its window, draws something, and quits cleanly.

Own Xvfb per test, the app started as ``python -m somestudio --demo`` (or on a data folder
made with the command line) with the xcb platform, driven with xdotool the way a person
would (focus the window, press Ctrl+Q).
"""

from __future__ import annotations

import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageGrab

from .conftest import (
    WINDOW_CLASS,
    AppProcess,
    LaunchApp,
    XdoTool,
    stderr_problems,
)
from .recording_keyring import LOG_VARIABLE

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]

SHOW_TIMEOUT = 60.0
EXIT_TIMEOUT = 20.0
MIN_COLOURS = 16
QUIT_QUESTION = "^Quit Some Studio\\?$"
ROOT = Path(__file__).resolve().parents[2]  # the checkout: the recording keyring's module
KEYRING_WAIT_S = 8.0  # the window's start-up asks the keyring within a few seconds


def wait_for_window(app: AppProcess, xdotool: XdoTool, title: str | None = None) -> str:
    """Poll until a visible window exists: with ``title`` (a regular expression over its
    WM_NAME) when given, else the app's own (its WM_CLASS). The main window is found by its
    class: Qt puts "— Some Studio" only into _NET_WM_NAME (what a desktop shows), while
    WM_NAME, which xdotool reads, is the bare title ("demo data"). Fail early if the app died."""
    what = ["--name", title] if title is not None else ["--class", f"^{WINDOW_CLASS}$"]
    deadline = time.monotonic() + SHOW_TIMEOUT
    while time.monotonic() < deadline:
        if app.proc.poll() is not None:
            pytest.fail(f"the app exited before mapping its window\n{app.describe()}")
        found = xdotool("search", "--onlyvisible", *what, check=False)
        if found.split():
            return found.split()[0]
        time.sleep(0.2)
    pytest.fail(f"no visible {what} window within {SHOW_TIMEOUT} s\n{app.describe()}")


def window_box(window: str, xdotool: XdoTool) -> tuple[int, int, int, int]:
    fields = dict(
        line.split("=", 1) for line in xdotool("getwindowgeometry", "--shell", window).split()
    )
    x, y = int(fields["X"]), int(fields["Y"])
    return x, y, x + int(fields["WIDTH"]), int(fields["HEIGHT"]) + y


def colour_count(image: Image.Image) -> int:
    colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
    return 1 << 16 if colours is None else len(colours)


def dominant_share(image: Image.Image) -> float:
    colours = image.convert("RGB").getcolors(maxcolors=1 << 24) or []
    return max(count for count, _ in colours) / (image.width * image.height)


def grab_painted(display: str, box: tuple[int, int, int, int]) -> Image.Image:
    """Screenshot of the whole screen, once the window area shows real content."""
    deadline = time.monotonic() + 15
    while True:
        screen = ImageGrab.grab(xdisplay=display)
        if colour_count(screen.crop(box)) >= MIN_COLOURS or time.monotonic() > deadline:
            return screen
        time.sleep(0.25)


def start_demo(launch: LaunchApp, app_command: list[str], env: dict[str, str]) -> AppProcess:
    return launch([*app_command, "--demo"], env)


@pytest.fixture
def xcb_env(app_env: dict[str, str], xvfb_display: str) -> dict[str, str]:
    return {**app_env, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb"}


def test_demo_window_shows_content_and_ctrl_q_quits(
    launch: LaunchApp,
    app_command: list[str],
    xcb_env: dict[str, str],
    xdotool: XdoTool,
    artifacts_dir: Path,
) -> None:
    app = start_demo(launch, app_command, xcb_env)
    window = wait_for_window(app, xdotool)
    box = window_box(window, xdotool)
    assert box[2] - box[0] >= 320 and box[3] - box[1] >= 240, f"tiny window: {box}"

    screen = grab_painted(xcb_env["DISPLAY"], box)
    shot = artifacts_dir / "screenshots" / "smoke-demo.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    screen.save(shot)
    painted = screen.crop(box)
    assert colour_count(painted) >= MIN_COLOURS, f"the window looks blank, see {shot}"
    assert dominant_share(painted) < 0.95, f"the window is (almost) one colour, see {shot}"

    xdotool("windowfocus", "--sync", window)
    xdotool("key", "--clearmodifiers", "ctrl+q")
    # The demo's folder is deleted at quit: nothing in it goes out later, so its posts due
    # within the hour are no reason to ask (the demo asked twice).
    code = app.wait(EXIT_TIMEOUT)
    assert code == 0, app.describe()
    assert stderr_problems(app.stderr()) == [], app.describe()


def test_quit_asks_first_when_posts_are_due_and_enter_takes_cancel(
    launch: LaunchApp,
    app_command: list[str],
    xcb_env: dict[str, str],
    xdotool: XdoTool,
    tmp_path: Path,
) -> None:
    """A data folder with a post due in 30 minutes: Ctrl+Q asks first. With no tray on this X
    server its choices are Quit anyway and Cancel; Enter takes the safe one, Cancel."""
    folder = tmp_path / "archive"
    folder.mkdir()
    due = datetime.now(UTC) + timedelta(minutes=30)
    for command in (
        ["account", "add", "local", "Arkisto", "--folder", str(folder)],
        ["post", "add", "--text", "Puolen tunnin päästä", "--to", "Arkisto", "--at",
         due.strftime("%Y-%m-%dT%H:%M"), "--tz", "UTC"],
    ):  # fmt: skip
        done = subprocess.run(
            [*app_command, *command],
            env={**xcb_env, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    app = launch(app_command, xcb_env)
    window = wait_for_window(app, xdotool)
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "--clearmodifiers", "ctrl+q")
    question = wait_for_window(app, xdotool, QUIT_QUESTION)
    xdotool("windowfocus", "--sync", question)
    xdotool("key", "--clearmodifiers", "Return")
    time.sleep(1.5)
    assert app.proc.poll() is None, "Enter on the quit question quit: " + app.describe()
    # Asked again, Tab moves from Cancel to Quit anyway, and Space presses it.
    xdotool("windowfocus", "--sync", window)
    xdotool("key", "--clearmodifiers", "ctrl+q")
    question = wait_for_window(app, xdotool, QUIT_QUESTION)
    xdotool("windowfocus", "--sync", question)
    xdotool("key", "--clearmodifiers", "Tab")
    xdotool("key", "--clearmodifiers", "space")
    code = app.wait(EXIT_TIMEOUT)
    assert code == 0, app.describe()
    assert stderr_problems(app.stderr()) == [], app.describe()


def test_sigterm_quits_cleanly(
    launch: LaunchApp,
    app_command: list[str],
    xcb_env: dict[str, str],
    xdotool: XdoTool,
) -> None:
    app = start_demo(launch, app_command, xcb_env)
    wait_for_window(app, xdotool)
    app.proc.send_signal(signal.SIGTERM)
    code = app.wait(EXIT_TIMEOUT)
    assert code == 0, app.describe()
    assert stderr_problems(app.stderr()) == [], app.describe()


def test_the_demo_never_asks_the_system_keyring(
    launch: LaunchApp,
    app_command: list[str],
    xcb_env: dict[str, str],
    xdotool: XdoTool,
    tmp_path: Path,
) -> None:
    """The demo's accounts are numbered as the user's own are (``account-1``…): it keeps
    their sign-ins in its own memory and never reads or writes the system keyring, nor makes
    it prompt (a keyring with no default collection asked to create one, seven times). The
    keyring here is one that notes every use; the start-up asks the keyring which backend
    answers once the engine runs, so the window is given time for that."""
    notes = tmp_path / "keyring-calls.txt"
    env = {
        **xcb_env,
        "PYTHON_KEYRING_BACKEND": "tests.e2e.recording_keyring.Keyring",
        LOG_VARIABLE: str(notes),
        "PYTHONPATH": str(ROOT),
    }
    app = start_demo(launch, app_command, env)
    wait_for_window(app, xdotool)
    time.sleep(KEYRING_WAIT_S)
    assert app.proc.poll() is None, app.describe()
    app.proc.send_signal(signal.SIGTERM)
    assert app.wait(EXIT_TIMEOUT) == 0, app.describe()
    assert stderr_problems(app.stderr()) == [], app.describe()
    assert not notes.exists(), notes.read_text(encoding="utf-8")
