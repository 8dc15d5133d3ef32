"""Keep secrets out of core dumps: no core file, and not dumpable (nor readable through
/proc/<pid>/mem or ptrace by other processes of the same user).

Called first thing by every command and the window: a token read from the keyring lives in
this process's memory, and an 87 MB core after a publish once held one three times.
"""

from __future__ import annotations

import contextlib
import sys

PR_SET_DUMPABLE = 4  # <linux/prctl.h>
PR_GET_DUMPABLE = 3


def harden_process() -> None:
    """Disable core dumps (RLIMIT_CORE 0, soft and hard) and mark the process non-dumpable
    on Linux. Quietly does what the platform allows: this must never stop the app."""
    with contextlib.suppress(ImportError, ValueError, OSError):
        import resource  # noqa: PLC0415 - POSIX only

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes  # noqa: PLC0415

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def is_dumpable() -> bool:
    """This process's dumpable flag (True off Linux, where it cannot be read)."""
    if not sys.platform.startswith("linux"):
        return True
    import ctypes  # noqa: PLC0415

    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
