"""The check that a test's private X server answers before the program is started on it."""

from __future__ import annotations

import subprocess
import sys

from tests.x_display import answers, state


def test_a_server_that_is_gone_does_not_answer() -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    assert not answers(gone, 4242, timeout=0.2)


def test_a_running_process_with_no_socket_does_not_answer() -> None:
    waiting = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert not answers(waiting, 4242, timeout=0.2)  # nothing listens on X4242
    finally:
        waiting.kill()
        waiting.wait()
    said = state(4242)
    assert said.startswith("display :4242: lock file pid none, socket file absent, nothing answers")
