"""stdout and stderr as timestamped events, in the shape of Jupyter stream outputs."""

import io

from . import host
from .clock import clock


# What one cell's output may keep: beyond either limit, lines are counted, not kept (a snippet that
# prints forever must not fill the report, the cache and the pages).
MAX_KEPT_CHARS = 1 << 20
MAX_KEPT_LINES = 10_000


class EventLog:
    def __init__(self):
        self.reset(0.0)

    def reset(self, origin):
        self.events = []
        self.origin = origin
        self.frozen = False   # after a hang, the interpreter's clean-up noise is not the program's
        self.kept_chars = 0
        self.kept_lines = 0
        self.omitted_lines = 0
        self.omitted_chars = 0

    def omitted_notice(self):
        """The line that stands for what was not kept, or None."""
        if not self.omitted_chars:
            return None
        lines = max(1, self.omitted_lines)
        return (f"[{lines} more lines not kept ({self.omitted_chars} characters): "
                f"a cell keeps at most {MAX_KEPT_LINES} lines or {MAX_KEPT_CHARS} characters]\n")

    def write(self, stream, text):
        if self.frozen or not text:
            return
        newlines = text.count("\n")
        if self.omitted_chars or self.kept_chars + len(text) > MAX_KEPT_CHARS \
                or self.kept_lines + newlines > MAX_KEPT_LINES:
            self.omitted_chars += len(text)
            self.omitted_lines += newlines
            return
        self.kept_chars += len(text)
        self.kept_lines += newlines
        t = round(clock.now - self.origin, 9)
        last = self.events[-1] if self.events else None
        # print() writes its text and its newline separately: keep them one event.
        if last is not None and last["stream"] == stream and last["t"] == t \
                and not last["text"].endswith("\n"):
            last["text"] += text
        else:
            self.events.append({"stream": stream, "text": text, "t": t})


class StreamWriter(io.TextIOBase):
    def __init__(self, log, name, live=False):
        self._log = log
        self._name = name
        self._live = live  # streamed to the host as it is written (browser cells)

    @property
    def name(self):
        return f"<{self._name}>"

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def isatty(self):
        return False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._log.write(self._name, text)
        if self._live and not self._log.frozen:
            host.call("write", self._name, text, round(clock.now - self._log.origin, 9))
        return len(text)

    def flush(self):
        pass
