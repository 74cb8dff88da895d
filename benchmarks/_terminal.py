"""Run a program in a pseudo-terminal and time what it paints (shared by the UI benchmarks)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time


class Terminal:
    def __init__(self, argv: list[str], cols: int = 120, rows: int = 40,
                 env: dict | None = None) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                                     env=full_env, start_new_session=True, close_fds=True)
        os.close(slave)
        self.master = master
        self.output = bytearray()

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return b""
        self.output += chunk
        return chunk

    def wait_for(self, needle: bytes, timeout: float = 30.0) -> float:
        """Seconds since launch until `needle` has been written to the terminal."""
        deadline = time.perf_counter() + timeout
        while needle not in self.output:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{needle!r} never appeared")
            self.read(0.05)
        return time.perf_counter() - self.started

    def drain(self, quiet: float = 0.3) -> None:
        while self.read(quiet):
            pass

    def keypress_latency(self, key: bytes, timeout: float = 5.0) -> float:
        """Seconds from writing `key` to the first bytes painted in answer."""
        self.drain(0.15)
        sent = time.perf_counter()
        os.write(self.master, key)
        deadline = sent + timeout
        while time.perf_counter() < deadline:
            if self.read(0.5):
                return time.perf_counter() - sent
        return float("inf")

    def close(self) -> None:
        # SIGHUP, as sshd sends when a connection drops; SIGKILL if that is not enough.
        try:
            os.killpg(self.proc.pid, signal.SIGHUP)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        os.close(self.master)


BARE_APP = '''
import sys
from textual.app import App
from textual.widgets import TextArea

class Bare(App):
    def compose(self):
        yield TextArea(open(sys.argv[1], encoding="utf-8").read(), read_only=True,
                       soft_wrap=True)

Bare().run()
'''


def marker(text: str) -> bytes:
    """A word from the first paragraph, past the cursor, that a paint writes whole."""
    words = [w for w in text.split()[3:40] if w.isalpha() and len(w) >= 7]
    return (words[0] if words else text.split()[5]).encode()
