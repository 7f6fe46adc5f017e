"""The rows of an import file, each checked as far as it can be without the ledger.

Reading a row and checking it alone (its dates, NIK, register number, sentence: the plan
of a registration) needs no database, and for a participants file it is most of the time
a row takes. On two cores a big file is read and planned by a second (forked) process
while this one checks the plans against the ledger and writes them: the two halves of the
work overlap. The second process never opens the database; it sends rows in order, a
chunk at a time through a pipe whose buffer bounds how far ahead it runs (memory stays
flat), and an error that ends the import (a broken file, an anonymised export) after the
rows before it, so the importing process sees exactly what one process would.
"""

from __future__ import annotations

from typing import Callable, Iterator, NamedTuple

from ..cores import end_process, fork, may_fork
from ..domain.errors import WbpError
from .csv_source import CsvSource

# A file smaller than this is read in the importing process: forking costs more.
PARALLEL_FROM_BYTES = 1_000_000
CHUNK = 500
PIPE_BYTES = 1 << 20       # the most an unprivileged process may ask of Linux


class Row(NamedTuple):
    """A row as read and checked alone. ``values`` (column -> cell) is left out of rows
    that crossed from the reading process (the importing one rebuilds it from ``cells``
    when a row needs it); ``plan`` is a participants row's registration when it passed
    every rule needing no ledger, ``error`` the rule it broke; ``person_uid`` the global id
    the row gives the person (a readmission of someone this ledger knows, when it does)."""

    line: int
    cells: list[str]
    values: dict | None
    plan: object
    error: WbpError | None
    person_uid: str | None


class Rows:
    """The rows of ``source`` through ``prepare``, in file order; ``position`` is how far
    into the file the rows given so far reach (for the progress bar)."""

    def __init__(self, source: CsvSource, prepare: Callable[[int, list[str]], Row],
                 *, parallel: bool) -> None:
        self.source, self.prepare = source, prepare
        self.parallel = parallel and may_fork() and (source.size or 0) >= PARALLEL_FROM_BYTES
        self._position = 0
        self._reading: Iterator[Row] | None = None

    def position(self) -> int:
        return self._position if self.parallel else self.source.position()

    def __iter__(self) -> Iterator[Row]:
        if not self.parallel:
            prepare = self.prepare
            return (prepare(line, cells) for line, cells in self.source.rows())
        self._reading = self._from_reader()
        return self._reading

    def close(self) -> None:
        """End the reading process now (an error, Ctrl-C), not when this is collected."""
        if self._reading is not None:
            self._reading.close()

    def _from_reader(self) -> Iterator[Row]:
        reader, receive = fork(_read, self.source, self.prepare, quiet=True)
        _widen(receive.fileno())
        try:
            while True:
                try:
                    chunk, position, ended = receive.recv()
                except EOFError:
                    raise RuntimeError("reading the file failed: the reading process died"
                                       ) from None
                yield from chunk
                self._position = position
                if ended is not None:
                    if isinstance(ended, BaseException):
                        raise ended
                    return
        finally:
            # a normal end, an error, Ctrl-C or SIGTERM here: the reader ends too
            receive.close()
            end_process(reader)


def _widen(fd: int) -> None:
    """A pipe that holds a whole import batch (2,000 rows) and more: with the default
    64 KB, the reader waited while this process wrote a batch, then this one waited for
    the reader. Linux only; elsewhere the pipe keeps its size."""
    import fcntl

    try:
        fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ"), PIPE_BYTES)
    except (AttributeError, OSError):
        pass


def _read(source: CsvSource, prepare: Callable[[int, list[str]], Row], send) -> None:
    """In the reading process (``cores.fork``, quiet): every row prepared, sent CHUNK at
    a time with how far into the file they reach, then True (the end), or the error that
    ended reading."""
    chunk: list[Row] = []
    try:
        try:
            for line, cells in source.rows():
                row = prepare(line, cells)
                # its values stay here: the importing process rebuilds them if it must
                chunk.append(Row(line, cells, None, row.plan, row.error, row.person_uid))
                if len(chunk) == CHUNK:
                    send.send((chunk, source.position(), None))
                    chunk = []
        except WbpError as error:        # the file is refused: the importing process says so
            send.send((chunk, source.position(), error))
            return
        except Exception as error:       # a fault: said to the importing process, raised there
            send.send((chunk, source.position(),
                       RuntimeError(f"reading the file failed: {error!r}")))
            return
        send.send((chunk, source.position(), True))
    except (BrokenPipeError, OSError):   # the importing process stopped listening
        pass
    finally:
        send.close()
