"""Starting the window: data folder, single instance, database, window, tray, clean quit.

Start-up is ordered so the window shows as early as it safely can: the lock and the
database's cheap checks come first, the whole-file integrity scan runs beside the window
(nothing is written until it passes), and the log file, the raise-me socket and the tray
icon are set up once the window is on screen.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    QTimer,
    QTimeZone,
    QtMsgType,
    Signal,
    SignalInstance,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

# Only what the window's first frame needs (ui/main_window.py): the database, the engine
# and the modules that use PySide's Qt namespace are imported once the frame has shown.
from somestudio import APP_ID, APP_NAME, __version__
from somestudio.app.paths import DataHome, StorageError, prepare_home, resolve_home
from somestudio.app.settings import SettingsStore, peek
from somestudio.ui import gui_gc
from somestudio.ui.assets import app_icon
from somestudio.ui.i18n import install_language, resolve_language, saved_language
from somestudio.ui.keys_held import KeysHeld
from somestudio.ui.main_window import COMPLETE_MODULES, MainWindow
from somestudio.ui.process_setup import interpreter_for_gui
from somestudio.ui.single_instance import SingleInstance
from somestudio.ui.start_steps import Warmup, after_painted, run_steps
from somestudio.ui.storage_text import storage_text
from somestudio.ui.theme.scheme import ThemeFollower
from somestudio.ui.unix_signals import SignalBridge

if TYPE_CHECKING:
    from concurrent.futures import Future
    from zoneinfo import ZoneInfo

    from somestudio.app.workspace import Workspace
    from somestudio.ui.watchdog import Watchdog

log = logging.getLogger(__name__)

ENV_EXIT_WHEN_SHOWN = "SOMESTUDIO_EXIT_WHEN_SHOWN"
ENV_WATCHDOG = "SOMESTUDIO_WATCHDOG"  # a JSON file: report GUI-thread blocks there at quit
SHOWN_LINE = "somestudio: window shown"
RESPONSIVE_LINE = "somestudio: window responsive at"
EXIT_PROBLEM = 1
BUILD_WAIT_S = 30.0  # at quit: how long an engine still being built is waited for
TASKS_WAIT_S = 3.0  # at quit: how long a page's background work still running is waited for
RAISE_WAIT_S = 5.0  # a second launch: how long the first window has to come up and answer
RESTART = -1  # _run's answer when the window asked to start again
# What complete_window imports besides the window's own (main_window.COMPLETE_MODULES): on a
# worker while the first frame answers input.
OPEN_MODULES = ("somestudio.app.workspace", "somestudio.app.studio")
# What _after_shown and the welcome import (warmed on a worker with the page in view's).
AFTER_SHOWN_MODULES = (
    "logging.handlers",
    "PySide6.QtNetwork",
    "somestudio.ui.tray",
    "somestudio.ui.first_run.start",  # show_welcome_if_new
)


def launch(*, demo: bool) -> int:
    demo_folder = Path(tempfile.mkdtemp(prefix="somestudio-demo-")) if demo else None
    try:
        if demo_folder is not None:
            from somestudio.app.accounts import use_throwaway_keyring  # noqa: PLC0415
            from somestudio.app.demo import build_demo_home  # noqa: PLC0415

            # The demo's accounts are numbered as the user's own are: their sign-ins live
            # in this process only, never in (or read from) the system keyring.
            use_throwaway_keyring()
            # The café's posts at their wall times where the user is (not Helsinki's).
            build_demo_home(demo_folder, zone_name=system_zone().key)
            gc.collect()  # what building it left (collection is off until the first frame)
            home = DataHome(demo_folder, explicit=True)
        else:
            home = resolve_home()
        code = _run(home, demo=demo)
    finally:
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)
    if code == RESTART:
        _start_again()
    return code


def _start_again() -> None:
    """The same program with the same arguments, in this process (after every lock and file
    of the data folder was let go): how a new language takes effect from the welcome."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    arguments = sys.orig_argv if not getattr(sys, "frozen", False) else sys.argv
    os.execv(sys.executable, [sys.executable, *arguments[1:]])  # noqa: S606 - no shell: on purpose


def _create_application() -> QApplication:
    QApplication.setApplicationName(APP_ID)
    QApplication.setApplicationDisplayName(APP_NAME)
    QApplication.setOrganizationName(APP_ID)
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(APP_ID)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)  # quitting is explicit: the tray may keep us alive
    app.setWindowIcon(app_icon())
    return app


# Warnings Qt's AT-SPI bridge writes whenever a screen reader (Orca, an accessibility
# checker) asks it something it cannot answer: a value that is no number (a combo box's text
# asked as a number), the private bus address libatspi asks every application for, an
# object deleted a moment before it was asked about. Nothing in the program went wrong, and
# they came in hundreds (313 lines in 20 minutes of Orca): the first of each kind is logged
# at INFO, the rest at DEBUG, none on stderr. Any other warning stays one.
ATSPI_CATEGORY = "qt.accessibility.atspi"
ATSPI_HARMLESS = (
    re.compile(r"^AtSpiAdaptor::valueInterface: Could not convert to double: "),
    re.compile(
        r'^AtSpiAdaptor::applicationInterface does not implement "GetApplicationBusAddress"'
    ),
    re.compile(r'^Could not find accessible on path: "/org/a11y/atspi/accessible/\d+"$'),
)
_atspi_said: set[int] = set()


def _harmless_bridge_level(category: str, message: str) -> int | None:
    """INFO for a known-harmless accessibility-bridge warning the first time, DEBUG after;
    None for anything else."""
    if category != ATSPI_CATEGORY:
        return None
    for kind, pattern in enumerate(ATSPI_HARMLESS):
        if pattern.match(message):
            first = kind not in _atspi_said
            _atspi_said.add(kind)
            return logging.INFO if first else logging.DEBUG
    return None


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "default"
    text = message if category == "default" else f"{category}: {message}"
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    if level == logging.WARNING:
        level = _harmless_bridge_level(category, message) or level
    logging.getLogger("qt").log(level, "%s", text)
    if level >= logging.WARNING:
        print(text, file=sys.stderr, flush=True)  # noqa: T201


def _report_fatal(app: QApplication, message: str, *, english: str | None = None) -> None:
    """``message`` in the window's language on stderr and in a dialog; the log keeps
    ``english`` (the error's own sentence and code) when there is one."""
    if logging.getLogger().handlers:  # before the log file is set up, stderr says it all
        log.error("%s", english or message)
    print(f"{APP_ID}: {message}", file=sys.stderr, flush=True)  # noqa: T201
    # Launched from a desktop menu nobody sees stderr; from a terminal or a test, a modal
    # dialog would only get in the way.
    interactive = app.platformName() not in ("offscreen", "minimal") and not sys.stderr.isatty()
    if interactive:
        from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415 - not before the first frame

        QMessageBox.critical(None, APP_NAME, message)


# IANA's other names for UTC: a machine set to UTC (Debian links /etc/localtime to Etc/UTC)
# is shown as "UTC" everywhere, as the calendar names it.
UTC_ALIASES = dict.fromkeys(
    ("Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu"), "UTC"
)


def system_zone() -> ZoneInfo:
    """The system's IANA zone: the one ``TZ`` names, else the one ``/etc/localtime`` links
    to, else Qt's answer (UTC by that name, not an alias). Qt's costs 7 ms before the first
    frame (its time zone class and the system's zone data); the first two read a variable
    and a link."""
    from zoneinfo import ZoneInfo  # noqa: PLC0415 - 5 ms: not before the first frame

    for name in _zone_names():
        try:
            return ZoneInfo(UTC_ALIASES.get(name, name))
        except (ValueError, LookupError, OSError):  # OSError: TZ=Europe names a folder
            continue
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        return ZoneInfo(UTC_ALIASES.get(name, name))
    except (ValueError, LookupError, OSError):
        return ZoneInfo("UTC")


def _zone_names() -> list[str]:
    """IANA names the environment gives for the system's zone, most binding first."""
    names = []
    variable = os.environ.get("TZ", "").lstrip(":")
    if variable:
        names.append(variable.rpartition("/zoneinfo/")[2] if "/zoneinfo/" in variable else variable)
    target = os.path.realpath("/etc/localtime")  # itself where it is no link, or none
    if "/zoneinfo/" in target:
        names.append(target.rpartition("/zoneinfo/")[2])
    return names


def _run(home: DataHome, *, demo: bool) -> int:
    app = _create_application()
    # Before any worker runs: widgets that become garbage are deleted on this thread only.
    # The switch interval and Python's collection as ui/process_setup.py says.
    interpreter_for_gui()
    gui_gc.hold_until_shown()  # the first frame waits for no collection
    qInstallMessageHandler(_qt_message)
    # Before any widget: the language (Settings, else the system's) and light or dark.
    language = install_language(resolve_language(saved_language(home.path)))
    # Fusion paints the first frame as ThemeStyle would: the style comes once it is shown;
    # the colours are the ones the window last showed (the system is asked once it shows).
    theme = ThemeFollower(app, style_later=True, remembered=peek(home.path, "colour_scheme"))
    log.debug("language %s (%s), theme follower %s", language.language, language.locale, theme)
    try:
        folder = prepare_home(home)
    except StorageError as exc:
        _report_storage_error(app, exc)
        return EXIT_PROBLEM

    guard = SingleInstance(folder)
    held = guard.acquire()
    if not held:
        # A window started a moment ago answers once it is up: ask for a few seconds.
        if guard.ask_running_instance_to_raise(wait_s=RAISE_WAIT_S):
            already = app.translate("launch", "%1 is already running; raised its window.")
            print(already.replace("%1", APP_NAME), flush=True)  # noqa: T201
            return 0
        held = guard.acquire()  # the other one may have quit meanwhile
    if not held and guard.owner_kind() == "run-scheduler":
        # "Another Some Studio process (python3.11, pid 994)" meant nothing to someone who
        # runs the background scheduler as the README's service.
        pid, _owner = guard.owner()
        _report_fatal(
            app,
            app.translate(
                "launch",
                "Some Studio's background scheduler (run-scheduler, pid %1) is publishing from "
                "the data folder %2, so the window cannot open on it. Stop it first (Ctrl+C "
                "in its terminal, or for the service: systemctl --user stop "
                "somestudio-scheduler), then start Some Studio; the window publishes while it "
                "is open.",
            )
            .replace("%1", str(pid))
            .replace("%2", str(folder)),
        )
        return EXIT_PROBLEM
    if not held:
        pid, owner = guard.owner()
        _report_fatal(
            app,
            app.translate(
                "launch",
                "Another Some Studio process (%1, pid %2) is using the data folder %3. "
                "Close it first.",
            )
            .replace("%1", owner or "?")
            .replace("%2", str(pid))
            .replace("%3", str(folder)),
        )
        return EXIT_PROBLEM
    try:
        return _run_window(app, guard, folder, theme, demo=demo)
    finally:
        guard.release()
        # Python may tear objects down after Qt is gone: no Python handler from here on.
        qInstallMessageHandler(None)


def storage_hook(
    workspace: Workspace,
    windows: list[MainWindow],
    damaged: Callable[[BaseException], None],
    previous: Callable[..., object],
) -> Callable[[type[BaseException], BaseException, object], None]:
    """The uncaught-exception hook for what the database says under a view's read or write:
    a shared workspace's server gone is the band above the pages (until the change feed
    reaches it again), a damaged SQLite file is ``damaged(error)``; anything else goes to
    ``previous``."""

    def uncaught(kind: type[BaseException], value: BaseException, trace: object) -> None:
        if workspace.unreachable(value):
            log.info("the shared workspace's server could not be reached: %s", kind.__name__)
            for shown in windows:
                shown.server_unreachable()
            return
        damage = workspace.damage(value)
        if damage is None:
            previous(kind, value, trace)
            return
        log.info("reading the database failed: %s", value)  # the report says it
        damaged(damage)

    return uncaught


def _report_storage_error(app: QApplication, exc: BaseException) -> None:
    code = getattr(exc, "code", "")
    message = storage_text(exc)
    if str(code).startswith("workspace."):  # the workspace the settings name (issue 17)
        message += "\n\n" + app.translate(
            "launch",
            "To work in this computer's own workspace meanwhile, run: "
            "somestudio workspace use sqlite",
        )
    _report_fatal(app, message, english=f"{exc} [{code}]" if code else str(exc))


class _Verification(QObject):
    """Carries the background integrity check's verdict to the GUI thread."""

    failed = Signal(object)  # the exception: worded on the GUI thread

    def watch(self, future: Future[str]) -> None:
        future.add_done_callback(self._done)

    def _done(self, future: Future[str]) -> None:
        error = future.exception()
        if error is not None:
            self.failed.emit(error)  # queued to the GUI thread: emitted off it


def _run_window(
    app: QApplication,
    guard: SingleInstance,
    folder: Path,
    theme: ThemeFollower,
    *,
    demo: bool,
) -> int:
    """The window's frame on screen first (no database, no Qt enum: ``MainWindow`` without a
    studio); then, each in a turn of its own while the window answers input, the rest: the
    modules imported on a worker, the workspace opened and the window completed, the page in
    view, the engine."""
    from somestudio.app.logs import LOG_FILE, LOG_FOLDER  # noqa: PLC0415

    log_file = folder / LOG_FOLDER / LOG_FILE
    settings = SettingsStore(folder)
    window = MainWindow(
        None, settings, None, home=folder, log_file=log_file, demo=demo, first_frame_first=True
    )
    opened: list[Workspace] = []
    reported: list[BaseException] = []
    previous_hook = sys.excepthook
    scheduler = _Scheduler(None)
    warm_complete = Warmup(window)  # what complete() imports
    warmup = Warmup(window)  # what the page in view and the log, tray and welcome import

    def integrity_failed(error: BaseException) -> None:
        if reported:
            return  # told once; the window is already on its way out
        reported.append(error)
        _report_storage_error(app, error)
        window.discard_state()  # nothing more is written, not even settings
        window.hide()
        # Through the event loop: a verdict that came before app.exec() started would
        # otherwise be an exit() nobody hears, leaving a window on a damaged file.
        QTimer.singleShot(0, lambda: app.exit(EXIT_PROBLEM))

    def shut_down() -> None:
        window.save_state()
        # Hidden before quitting: Qt closes (and unmaps) every window on quit, and a repaint
        # queued just before would otherwise be flushed to a window whose handle is gone.
        window.hide()
        app.quit()

    window.quit_requested.connect(shut_down)
    app.aboutToQuit.connect(window.save_state)
    bridge = SignalBridge(lambda _signum: shut_down())
    watchdog = _start_watchdog()
    # Start-up is done once the engine runs: its modules' objects stay (ui/heap.py).
    scheduler.started.connect(lambda: QTimer.singleShot(0, _freeze_loaded))
    first = _FirstExpose(window)
    first.exposed.connect(gui_gc.first_frame_shown)  # what start-up loaded is frozen
    exit_when = os.environ.get(ENV_EXIT_WHEN_SHOWN)
    if exit_when == "1":
        first.exposed.connect(_report_shown)
    elif exit_when == "responsive":
        first.exposed.connect(lambda: _report_responsive(scheduler, shut_down))

    def remember_scheme(scheme: str) -> None:
        if settings.value.colour_scheme != scheme and not reported:
            settings.update(colour_scheme=scheme)

    # The rest of start-up waits for the window to be on screen, and the window answers
    # input throughout (ui/start_steps.py): what completing the window needs is imported on
    # a worker, then the workspace is opened and the window completed; the modules of the
    # page in view, the log, the raise-me socket and the tray are imported on a worker; then
    # the page is built and the status bar's counts read (on a worker), each step in a turn
    # of its own; once the page has painted, the engine with its network clients (the
    # heaviest imports) is built on a thread of its own.
    def shown() -> None:
        # This runs as the Expose arrives, and Qt paints the frame once it returns: the rest
        # comes in the turns after that paint.
        QTimer.singleShot(0, window, after_first_paint)

    def after_first_paint() -> None:
        from somestudio.ui.idle_gate import gate  # noqa: PLC0415 - after the first frame

        gate().enable()  # made here, on the GUI thread whose loop it follows
        gate().hold_tasks(True)  # the pages' first reads too, until the engine runs
        scheduler.started.connect(lambda: gate().hold_tasks(False))
        # The importing thread in a turn of its own too, so the input that came meanwhile
        # does not wait for the interpreter it holds.
        QTimer.singleShot(0, window, theme.install_style)
        QTimer.singleShot(0, window, theme.follow)
        modules = (*OPEN_MODULES, *COMPLETE_MODULES)
        from somestudio.ui.pyside_types import make_types_then  # noqa: PLC0415

        # Every Qt type made here first, between events: two threads making types at once
        # crash the process (``pyside_types``).
        QTimer.singleShot(
            0, window, lambda: make_types_then(lambda: warm_complete.start(modules), window)
        )

    def complete() -> None:
        try:
            complete_window()
        except BaseException:
            # Told as any uncaught error is (the hook, the log): a window left as its first
            # frame would answer nothing.
            QTimer.singleShot(0, lambda: app.exit(EXIT_PROBLEM))
            raise

    def complete_window() -> None:
        from somestudio.app.studio import Studio  # noqa: PLC0415 - imported by the warmup
        from somestudio.app.workspace import open_workspace  # noqa: PLC0415

        try:
            workspace = open_workspace(folder, verify_in_background=True, settings=settings)
        except StorageError as exc:
            _report_storage_error(app, exc)
            window.discard_state()
            window.hide()
            app.exit(EXIT_PROBLEM)
            return
        opened.append(workspace)
        # A page the checks at opening could not read first may turn out damaged when a
        # view reads it: that is the damaged-database message and an exit, not a traceback
        # per view.
        sys.excepthook = storage_hook(workspace, [window], integrity_failed, previous_hook)
        window.complete(Studio(workspace), system_zone())
        keys.release()  # what was typed meanwhile, in order
        if reported:  # the first views already found the file damaged
            return
        # Remembered once the data folder is known to be usable (nothing is written before).
        theme.follow(remember_scheme)
        verification = _Verification(window)
        verification.failed.connect(integrity_failed)
        verification.watch(workspace.verified)
        scheduler.use(workspace)
        if exit_when == "1":
            QTimer.singleShot(0, shut_down)
            return
        modules = (*window.start_modules(), *AFTER_SHOWN_MODULES)
        QTimer.singleShot(0, window, lambda: warmup.start(modules))

    def after_imports() -> None:
        run_steps(
            (
                lambda: _after_shown(app, guard, window, folder),
                window.finish_start,
                window.show_welcome_if_new,
                lambda: after_painted(window, lambda: scheduler.start(window)),
            ),
            window,
        )

    warm_complete.done.connect(complete)
    warmup.done.connect(after_imports)
    first.exposed.connect(shown)
    window.show()
    window.windowHandle().installEventFilter(first)  # a shown window always has its handle
    keys = KeysHeld(window)  # until complete(): the menus' shortcuts come with it
    try:
        try:
            code = app.exec()
        finally:
            sys.excepthook = previous_hook
            if "somestudio.ui.idle_gate" in sys.modules:
                from somestudio.ui.idle_gate import gate  # noqa: PLC0415

                gate().close()  # the loop is over: start-up's threads no longer wait for its idle
            warm_complete.join(BUILD_WAIT_S)  # no import may run on while Python shuts down
            warmup.join(BUILD_WAIT_S)
            clean = scheduler.stop()
            if "somestudio.ui.tasks" in sys.modules:
                from somestudio.ui.tasks import shutdown_all  # noqa: PLC0415

                # Background reads of the pages end with them; a sign-in still waiting does not.
                clean = shutdown_all(TASKS_WAIT_S) and clean
            bridge.close()
            if watchdog is not None:
                watchdog.stop()
                watchdog.write(Path(os.environ[ENV_WATCHDOG]))
        if reported:
            code = EXIT_PROBLEM
        log.info("quit with code %s", code)
        if not clean:
            # A send or a page's work is stuck where no abort reaches (a name lookup); Python
            # would wait for its thread at exit. Everything is recorded, so quit now: closing
            # takes at most 8 s.
            logging.shutdown()
            os._exit(int(code))
        if window.restart_wanted and code == 0:
            log.info("starting again (the language changed)")
            return RESTART
        return int(code)
    finally:
        for workspace in opened:  # after the engine stopped: it writes there
            workspace.close(checkpoint=True)  # the database file whole without its log


class _EngineBuilt(QObject):
    """Carries the engine built on the start-up thread to the GUI thread."""

    built = Signal(object, object)  # (engine, planner), or (None, exception)
    started = Signal()  # the engine is attached to the window and running (or failed to)


class _Scheduler:
    """The publishing engine, started once the window is up and stopped before storage closes.

    The engine's modules (APScheduler, the network clients, requests) take a good part of a
    second to import and build: that happens on a thread of its own, so the window answers
    input meanwhile; the engine is attached and started on the GUI thread when it is ready.
    """

    def __init__(self, workspace: Workspace | None) -> None:
        """Without ``workspace`` (the app's start, before it is opened) ``use`` gives it."""
        self._workspace = workspace
        self._engine: object | None = None
        self._bridge: object | None = None
        self._builder: threading.Thread | None = None
        self._stopped = False
        self._built = _EngineBuilt()
        self._window: MainWindow | None = None
        self._built.built.connect(self._attach)

    def use(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def start(self, window: MainWindow) -> None:
        """Build the engine off the GUI thread; it starts once built (see ``started``)."""
        if self._builder is not None or self._stopped or self._workspace is None:
            return
        self._window = window
        from somestudio.ui.pyside_types import make_all_now  # noqa: PLC0415

        make_all_now()  # no type left for the builder to make (``pyside_types``)
        # While the builder runs Python code, each call from Qt into Python (every painted
        # chip) waits for the interpreter lock: _run hands it over every 0.5 ms for life.
        self._builder = threading.Thread(target=self._build, name="engine-start", daemon=True)
        self._builder.start()

    def _build(self) -> None:
        from somestudio.ui.idle_gate import courteously  # noqa: PLC0415 - loaded by then

        with courteously():  # its imports wait while the GUI thread paints
            self._build_engine()

    def _build_engine(self) -> None:
        try:
            # Warm the modules the window needs to attach the engine (imports only: the
            # widgets themselves are built on the GUI thread).
            import somestudio.app.calendar_feed  # noqa: PLC0415 - the first change refreshes it
            import somestudio.ui.calendar.actions  # noqa: PLC0415
            import somestudio.ui.drafts.draft_actions  # noqa: PLC0415
            import somestudio.ui.engine_bridge  # noqa: PLC0415
            import somestudio.ui.notifier  # noqa: PLC0415, F401
            from somestudio.app.planning import Planner  # noqa: PLC0415
            from somestudio.app.scheduler import create_engine  # noqa: PLC0415

            workspace = self._workspace
            assert workspace is not None  # start() needs it
            engine = create_engine(workspace)
            planner = Planner(workspace, engine)
        except Exception as exc:  # told on the GUI thread, like any failure
            self._built.built.emit(None, exc)
            return
        self._built.built.emit(engine, planner)
        # While the window attaches it: the keyring's modules, which the Accounts page and the
        # schedule dialog's check would otherwise load with the window waiting.
        from somestudio.app.accounts import warm_keyring  # noqa: PLC0415

        warm_keyring()

    def _attach(self, engine: object, planner: object) -> None:
        window = self._window
        if self._stopped or window is None:
            return
        if engine is None:
            raise cast("BaseException", planner)  # the uncaught-exception hook reports it
        from somestudio.app.planning import Planner  # noqa: PLC0415
        from somestudio.app.scheduler import Engine  # noqa: PLC0415
        from somestudio.ui.engine_bridge import EngineBridge  # noqa: PLC0415

        assert isinstance(engine, Engine) and isinstance(planner, Planner)
        bridge = EngineBridge(engine, window)
        window.attach_planner(planner, bridge)
        try:
            engine.start()
        except StorageError:
            return  # the integrity check failed: its own handler tells the user and quits
        self._engine, self._bridge = engine, bridge
        window.status.set_scheduler_state(running=engine.running)
        window.refresh_status_soon()
        # In a turn of its own: the dialog's rows are built apart from the engine's attaching.
        QTimer.singleShot(0, window, window.show_attention_if_missed)
        self._built.started.emit()

    @property
    def started(self) -> SignalInstance:
        return self._built.started

    def stop(self) -> bool:
        """Stop the engine (at most a few seconds, whatever the network does); False when a
        worker thread could not be stopped."""
        self._stopped = True
        if self._builder is not None:
            self._builder.join(BUILD_WAIT_S)  # an engine built but never started needs no stop
        from somestudio.app.scheduler import Engine  # noqa: PLC0415
        from somestudio.ui.engine_bridge import EngineBridge  # noqa: PLC0415

        if isinstance(self._bridge, EngineBridge):
            self._bridge.close()
        if not isinstance(self._engine, Engine):
            return True
        clean = self._engine.shutdown(wait=True)
        from somestudio.app.scheduler import abort_network_requests  # noqa: PLC0415

        abort_network_requests()  # other work (a metrics refresh) must not hold the exit up
        return clean


def _freeze_loaded() -> None:
    from somestudio.ui.heap import freeze_what_is_loaded  # noqa: PLC0415

    freeze_what_is_loaded()
    log.debug("the objects loaded are left out of later collections")


def _after_shown(
    app: QApplication, guard: SingleInstance, window: MainWindow, folder: Path
) -> None:
    from somestudio.app.logs import setup_logging  # noqa: PLC0415
    from somestudio.ui.tray import Tray  # noqa: PLC0415

    setup_logging(folder)
    log.info("starting %s %s on %s (platform %s)", APP_ID, __version__, folder, app.platformName())

    def raise_for_second_launch() -> None:
        log.info("window raised for a second launch")
        window.bring_to_front()

    guard.activation_requested.connect(raise_for_second_launch)
    guard.listen()
    if Tray.available():
        tray = Tray(app.windowIcon(), window)
        tray.show_requested.connect(window.bring_to_front)
        tray.new_post_requested.connect(window.new_post)
        tray.quit_requested.connect(window.request_quit)
        window.attention_changed.connect(tray.set_attention)
        window.inbox_changed.connect(tray.set_inbox)
        window.notification_wanted.connect(tray.notify)
        tray.set_inbox(window.inbox_unread)
        window.set_tray_available(True)
        window.refresh_status_soon()
        tray.show()
    log.info("window ready")


class _FirstExpose(QObject):
    """Tells once when the window first appears on screen (its first Expose event)."""

    exposed = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and not self._done:
            self._done = True
            self.exposed.emit()
        return False


def _start_watchdog() -> Watchdog | None:
    """With SOMESTUDIO_WATCHDOG (benchmarks): a watchdog of the GUI thread, reporting there."""
    if not os.environ.get(ENV_WATCHDOG):
        return None
    from somestudio.ui.watchdog import Watchdog  # noqa: PLC0415

    watchdog = Watchdog()
    watchdog.start()
    return watchdog


def _report_responsive(scheduler: _Scheduler, shut_down: Callable[[], None]) -> None:
    """For the start-up benchmark: once the engine runs, say when the window last began to
    answer input within 50 ms (after its first frame), then quit without the quit question
    (see ``_report_shown``)."""
    from somestudio.ui.watchdog import Watchdog  # noqa: PLC0415

    print(SHOWN_LINE, flush=True)  # noqa: T201
    watchdog = Watchdog()
    watchdog.start()

    def settled() -> None:
        if watchdog.busy_since() is not None or watchdog.first_answer is None:
            QTimer.singleShot(10, settled)
            return
        watchdog.stop()
        at = max(watchdog.first_answer, watchdog.last_block_end() or 0.0)
        print(f"{RESPONSIVE_LINE} {at:.6f}", flush=True)  # noqa: T201
        QTimer.singleShot(0, shut_down)

    # The pings of the last 2 intervals tell whether the engine's attachment blocked.
    scheduler.started.connect(lambda: QTimer.singleShot(20, settled))


def _report_shown() -> None:
    """For benchmarks and tests: say the window is shown (its first frame). It quits once
    the window is complete (its workspace opened: a data folder that cannot be used is
    still refused), without the quit question (Qt 6's quit() closes the windows first, and
    a window with posts due soon asks before it closes — here nobody is there to answer)."""
    print(SHOWN_LINE, flush=True)  # noqa: T201
