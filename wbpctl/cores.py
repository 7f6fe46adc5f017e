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


def fork(target, *args, quiet: bool = False):
    """(process, the end of a pipe to read) for ``target(*args, send)`` run in a forked
    process, sending through ``send``. The child closes its copy of the end its parent
    reads (else, its parent gone, it would wait forever on a full pipe, holding the
    parent's stdout); Ctrl-C, SIGTERM and SIGHUP are held back across the fork, so the
    caller's ``end_process`` is in force before one can arrive. ``quiet``: the child
    ignores Ctrl-C and dies at SIGTERM/SIGHUP (its parent says what an interruption
    means, then ends it)."""
    import multiprocessing

    from . import interrupts

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_forked, args=(target, receive, quiet, *args, send),
                              daemon=True)
    held = interrupts.hold()
    try:
        process.start()
    except BaseException:
        interrupts.release(held)
        receive.close()
        raise
    finally:
        send.close()
    try:
        interrupts.release(held)
    except BaseException:
        end_process(process)
        raise
    return process, receive


def _forked(target, receive, quiet: bool, *args) -> None:
    import signal

    from . import interrupts

    receive.close()
    if quiet:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        for name in ("SIGTERM", "SIGHUP"):    # what the parent ignores (nohup) stays so
            if hasattr(signal, name) and signal.getsignal(getattr(signal, name)) \
                    is not signal.SIG_IGN:
                signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupts.STOPPING)   # held at the fork
    target(*args)
