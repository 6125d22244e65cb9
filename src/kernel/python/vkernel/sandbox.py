"""What a snippet may reach: the first of the sandbox's boundaries (the process the interpreter runs
in is the second; see src/kernel/node/sandbox-process.ts).

Two parts:

- `open_channel()` takes what the kernel needs from Pyodide (the host module, `run_sync`, the
  host's own event loop) into the closure of an audit hook, and removes every other reference. The
  kernel talks to the host only through `vkernel.host` audit events (host.py), so no kernel module
  global, attribute or frame a snippet can walk to holds a JavaScript object. Audit hooks cannot be
  removed or listed from Python.
- `seal()` makes the same hook refuse, from then on, what would lead back to the host: importing the
  bridge modules (even after `sys.meta_path` is edited), the `gc` functions that enumerate every
  object, other threads' frames, the frames of the hook itself, shells and processes, real sockets,
  loading native code, and writing into the runtime's own files.

CPython offers no complete isolation inside one interpreter, and every guard here could in principle
be undone by a snippet: this boundary narrows the routes. What holds without it is outside Python:
the host removes the bridge modules from CPython's built-in table and extension cache once the kernel
has started (src/kernel/bridge.ts), the JavaScript realm compiles no code and keeps no capability
(src/kernel/realm-lock.ts), and the process is isolated by the operating system."""

import sys

from . import limits

BLOCKED = ("js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "pyodide_http", "micropip",
           "kernel_host", "ctypes", "_ctypes")

_NO_SHELL = "sh: not found (the sandbox has no shell and cannot start processes)"
_NO_NETWORK = "Network is unreachable (the sandbox has no network)"
# What the check is told a cell needed (vkernel/limits.py).
NETWORK_LIMIT = "a network connection"
PROCESS_LIMIT = "another process or a shell"
_ENETUNREACH = 101


class _BlockHostModules:
    """Import-system finder for the names above: the audit hook refuses `import` statements, this
    refuses importlib's own lookups (`importlib.import_module` passes no audit event)."""

    @staticmethod
    def find_spec(fullname, path=None, target=None):
        root = fullname.split(".")[0]
        if root in BLOCKED:
            raise ModuleNotFoundError(f"No module named {root!r}", name=root)
        return None

    @staticmethod
    def invalidate_caches():
        pass


class _Failure:
    """An exception raised while the channel answered, carried out of the hook in the box: the hook
    never raises, so its frame (whose closure holds the host's objects) is never in a traceback."""
    __slots__ = ("exc",)

    def __init__(self, exc):
        self.exc = exc


def open_channel():
    """Called once by the kernel before any snippet runs. Returns False outside Pyodide."""
    try:
        import kernel_host as host
        from pyodide.ffi import can_run_sync, run_sync
    except ImportError:
        return False
    import asyncio.events as events
    host_loop = events._get_running_loop()
    get_running, set_running = events._get_running_loop, events._set_running_loop

    def channel(event, args):
        if event != "vkernel.host":
            return
        try:
            op, params, box = args
            if op == "wait":
                # Pyodide's run_sync hands its argument to asyncio.ensure_future on the running
                # loop; inside the sandbox that loop is ours, so the host's is lent back meanwhile.
                own = get_running()
                set_running(host_loop)
                try:
                    run_sync(host.wait(int(params[0])))
                finally:
                    set_running(own)
            elif op == "gate":
                box[0] = int(host.gate())
            elif op == "open":
                host.open(int(params[0]))
            elif op == "spawn":
                if not callable(params[0]):
                    raise TypeError("spawn needs a callable")
                host.spawn(params[0])
            elif op == "take_interrupt":
                box[0] = bool(host.takeInterrupt())
            elif op == "available":
                box[0] = bool(can_run_sync())
            elif op == "write":
                host.write(str(params[0]), str(params[1]), float(params[2]))
        except BaseException as exc:  # noqa: BLE001 - carried out, re-raised by host.call
            exc.__traceback__ = None
            exc.__context__ = None
            try:
                args[2][0] = _Failure(exc)
            except BaseException:  # noqa: BLE001 - a malformed call from a snippet: nothing to say
                pass

    sys.addaudithook(channel)
    return True


def _refuse(event, args):
    """The audit hook installed by seal(). Everything it decides by is a literal of its own code
    (immutable): it has no closure, reads no module global and keeps no state a snippet could
    reach through a traceback's frame and change. Any exception it raises aborts the event."""
    if event == "import":
        name = args[0]
        if isinstance(name, str) and name.split(".")[0] in (
                "js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "pyodide_http",
                "micropip", "kernel_host", "ctypes", "_ctypes"):
            root = name.split(".")[0]
            raise ModuleNotFoundError(f"No module named {root!r}", name=root)
    elif event in ("gc.get_objects", "gc.get_referrers", "gc.get_referents",
                   "sys._current_frames"):
        raise RuntimeError(f"{event}() is not available in the sandbox")
    elif event in ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
                   "subprocess.Popen", "pty.spawn"):
        limits.hit(PROCESS_LIMIT)
        raise FileNotFoundError(2, "sh: not found (the sandbox has no shell and cannot start processes)")
    elif event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
                   "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                   "socket.gethostbyname_ex", "socket.getnameinfo"):
        limits.hit(NETWORK_LIMIT)
        raise OSError(101, "Network is unreachable (the sandbox has no network)")
    elif event.startswith("ctypes."):
        raise RuntimeError("native code is not available in the sandbox")
    elif event == "object.__setattr__" and len(args) > 1 and args[1] == "__code__":
        raise RuntimeError("replacing a function's code is not available in the sandbox")
    elif event == "open":
        path, mode = args[0], args[1]
        if isinstance(path, str) and isinstance(mode, str) and any(c in mode for c in "wax+") \
                and path.startswith(("/lib/", "/kernel/", "/usr/lib/")):
            raise PermissionError(13, "Permission denied (the runtime's files are read-only)", path)
    elif event in ("os.remove", "os.rename", "os.rmdir", "os.chmod", "os.truncate", "os.symlink",
                   "os.link", "shutil.rmtree", "os.mkdir"):
        path = args[0]
        if isinstance(path, str) and path.startswith(("/lib/", "/kernel/", "/usr/lib/")):
            raise PermissionError(13, "Permission denied (the runtime's files are read-only)", path)


def seal():
    """From the first cell on: the host's modules are gone and the hook refuses the routes back."""
    for name in list(sys.modules):
        if name.split(".")[0] in BLOCKED:
            del sys.modules[name]
    # Pyodide's finder for `import js` holds the registered JavaScript modules (the host removes
    # them too, src/kernel/bridge.ts): the kernel needs nothing of it after open_channel().
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "JsFinder"]
    sys.meta_path.insert(0, _BlockHostModules)
    _disable_processes()
    _disable_sockets()
    sys.addaudithook(_refuse)


def _disable_processes():
    # On a machine without /bin/sh, CPython's os.system returns 127 and subprocess raises
    # FileNotFoundError; the audit hook refuses both, these make the result the expected one.
    import os

    def system(command):
        limits.hit(PROCESS_LIMIT)
        return 127 << 8  # the exit status of a shell that could not be started

    os.system = system

    def popen(*args, **kwargs):
        limits.hit(PROCESS_LIMIT)
        raise OSError(2, _NO_SHELL)

    os.popen = popen


def _disable_sockets():
    import socket

    def no_network(*args, **kwargs):
        limits.hit(NETWORK_LIMIT)
        raise OSError(_ENETUNREACH, _NO_NETWORK)

    socket.create_connection = no_network
    socket.getaddrinfo = no_network
    socket.gethostbyname = no_network
    socket.socket.connect = no_network
    socket.socket.connect_ex = no_network
