"""Timeouts."""


class Timeout:
    def __init__(self, timeout=5.0, *, connect=None, read=None, write=None, pool=None):
        if isinstance(timeout, Timeout):
            connect, read, write, pool = timeout.connect, timeout.read, timeout.write, timeout.pool
        elif isinstance(timeout, tuple):
            connect, read, write, pool = (tuple(timeout) + (None,) * 4)[:4]
        else:
            connect = timeout if connect is None else connect
            read = timeout if read is None else read
            write = timeout if write is None else write
            pool = timeout if pool is None else pool
        self.connect, self.read, self.write, self.pool = connect, read, write, pool

    def __repr__(self):
        if len({self.connect, self.read, self.write, self.pool}) == 1:
            return f"Timeout(timeout={self.connect})"
        return f"Timeout(connect={self.connect}, read={self.read}, write={self.write}, pool={self.pool})"


DEFAULT_TIMEOUT_CONFIG = Timeout(timeout=5.0)
