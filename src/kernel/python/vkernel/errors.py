"""Ends of a run that user code must not be able to swallow: they derive from BaseException and the
cell runner also checks the scheduler's state after the cell, in case a bare `except:` caught one."""


class KernelStop(BaseException):
    status = "error"

    def __init__(self, message, diagnosis=None):
        super().__init__(message)
        self.message = message
        self.diagnosis = diagnosis or []


class Hang(KernelStop):
    """Nothing can ever run again (deadlock), or the virtual-time budget is spent."""

    status = "hangs"


class CpuTimeout(KernelStop):
    """The real-time budget ran out while a thread other than the main one was running (a CPU
    loop there). Reported like the main thread's interrupt: a KeyboardInterrupt, status timeout."""

    status = "timeout"
    ename = "KeyboardInterrupt"


class Unsupported(RuntimeError):
    """A construct the kernel cannot model faithfully. Raised instead of printing something a real
    interpreter would not."""

    def __init__(self, *args):
        super().__init__(*args)
        from . import limits
        limits.hit(f"what the kernel cannot model ({args[0]})" if args else "what the kernel cannot model")
