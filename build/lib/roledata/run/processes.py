"""Processes that die with their run: Linux's parent-death signal for every child a run starts
(Prefect's server, parse workers), so a run killed with SIGKILL leaves nothing behind."""
from __future__ import annotations

import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGTERM) -> None:
    """In a child: ask the kernel for `sig` when the parent dies (a no-op where there is no prctl)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, sig)
    except (OSError, AttributeError):
        pass


def worker_dies_with(parent: int) -> None:
    """A worker process's initializer: killed with its run; gone at once if the run already is."""
    die_with_parent(signal.SIGKILL)
    if os.getppid() != parent:  # the run died before the signal was asked for
        os._exit(1)
