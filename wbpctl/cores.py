"""Whether a command may use a second process (a forked one) for half of its work.

A big import reads and checks rows in one process while another writes them; a verify
checks hashes in one while another replays. That pays where a second core is free and
the system forks. ``WBPCTL_PROCESSES=1`` keeps wbpctl to one process (a shared server,
or to measure one against the other).
"""

from __future__ import annotations

import os


def may_fork() -> bool:
    if os.environ.get("WBPCTL_PROCESSES", "").strip() == "1":
        return False
    import multiprocessing

    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def end_process(process) -> None:
    """Stop a forked process (a ``multiprocessing`` one) and wait for it; one that does
    not end when told is killed (a signal sent in the instant after the fork is lost to
    the new process, which Python's start-up clears of pending signals)."""
    if process.is_alive():
        process.terminate()
    process.join(5)
    if process.exitcode is None:
        process.kill()
        process.join()
