"""Named fault points: where the operations tests kill, break or pause a run."""
from __future__ import annotations

import errno
import os
import signal
import time

FAULT_ENV = "ROLEDATA_FAULT"


def fault_point(name: str) -> None:
    """Fault injection for the operations tests, named points in a run.

    `ROLEDATA_FAULT=<point>:kill` makes the process SIGKILL itself there, as
    a dying machine would; `<point>:raise` raises an error there, as a bug
    would; `<point>:disk-full` raises the error a full disk gives (ENOSPC);
    `<point>:sleep=<seconds>` pauses there, so a test can act while
    the run is in that state (delete a file, start a second run). Unset,
    this costs one dictionary lookup.
    """
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    point, _, action = spec.partition(":")
    if point != name:
        return
    if action == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    elif action == "raise":
        raise RuntimeError(f"injected fault at {name}")
    elif action == "disk-full":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), f"<injected at {name}>")
    elif action.startswith("sleep="):
        time.sleep(float(action.removeprefix("sleep=")))
