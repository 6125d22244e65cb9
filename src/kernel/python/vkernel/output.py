"""stdout and stderr as timestamped events, in the shape of Jupyter stream outputs."""

import io

from .clock import clock


class EventLog:
    def __init__(self):
        self.events = []
        self.origin = 0.0
        self.frozen = False   # after a hang, the interpreter's clean-up noise is not the program's

    def reset(self, origin):
        self.events = []
        self.origin = origin
        self.frozen = False

    def write(self, stream, text):
        if self.frozen or not text:
            return
        t = round(clock.now - self.origin, 9)
        last = self.events[-1] if self.events else None
        # print() writes its text and its newline separately: keep them one event.
        if last is not None and last["stream"] == stream and last["t"] == t \
                and not last["text"].endswith("\n"):
            last["text"] += text
        else:
            self.events.append({"stream": stream, "text": text, "t": t})


class StreamWriter(io.TextIOBase):
    def __init__(self, log, name, sink=None):
        self._log = log
        self._name = name
        self._sink = sink  # live streaming to the host (browser cells), or None

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
        if self._sink is not None and not self._log.frozen:
            self._sink(self._name, text, round(clock.now - self._log.origin, 9))
        return len(text)

    def flush(self):
        pass
