"""What a snippet may reach. The interpreter is fresh for every document, so module state,
monkeypatches and files never leak between documents; here we close the doors to the host:
the JavaScript bridge modules, and real network sockets."""

import importlib.abc
import sys

BLOCKED = ("js", "pyodide_js", "pyodide", "_pyodide", "pyodide_http", "micropip", "kernel_host")


class _BlockHostModules(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


def install():
    # The kernel has already taken what it needs from these modules; snippets get none of them.
    for name in list(sys.modules):
        if name.split(".")[0] in BLOCKED:
            del sys.modules[name]
    sys.meta_path.insert(0, _BlockHostModules())

    import socket

    def no_network(*args, **kwargs):
        raise OSError(101, "Network is unreachable (the sandbox has no network)")

    socket.create_connection = no_network
    socket.getaddrinfo = no_network
    socket.gethostbyname = no_network
    socket.socket.connect = no_network
    socket.socket.connect_ex = no_network
