# A process pool's workers are other processes: their own pid, their own copy of the module's
# globals (a job's change does not reach the parent, but later jobs of the same worker see it),
# arguments and results crossing by pickle (a result is a copy; what cannot be pickled fails).
# Pickling a lambda raises AttributeError ("Can't pickle local object") in 3.13 and
# pickle.PicklingError in 3.14, so that case prints whether it is one of the two.
import os
import pickle
import threading
from concurrent.futures import ProcessPoolExecutor
import multiprocessing

counter = 0
registry = []

class Box:
    def __init__(self, v):
        self.v = v

def bump(n):
    global counter
    counter += n
    registry.append(n)
    return counter, len(registry)

def pid():
    return os.getpid()

def ppid():
    return os.getppid()

def same(box):
    box.v += 1
    return box

def echo(x):
    return x


def kind(e):
    if isinstance(e, (AttributeError, pickle.PicklingError)):
        return "not picklable by reference"
    return f"{type(e).__module__}.{type(e).__name__}: {e}"

def main():
    parent = os.getpid()
    with ProcessPoolExecutor(max_workers=1) as ex:
        print("pid differs:", ex.submit(pid).result() != parent)
        print("ppid is parent:", ex.submit(ppid).result() == parent)
        print("bumps:", [ex.submit(bump, 1).result() for _ in range(3)])
        print("parent counter:", counter, registry)
        b = Box(1)
        r = ex.submit(same, b).result()
        print("copy:", r is b, type(r) is Box, b.v, r.v)
        for bad in (lambda: 1, threading.Lock(), threading.RLock(), threading.Event()):
            try:
                ex.submit(echo, bad).result()
            except Exception as e:
                print("unpicklable:", kind(e))
        try:
            ex.submit(lambda: 1).result()
        except Exception as e:
            print("lambda fn:", kind(e))
    with multiprocessing.Pool(1) as pool:
        print("pool pid differs:", pool.apply(pid) != parent)
        print("pool bumps:", pool.map(bump, [1, 2]), pool.apply(bump, (5,)))
        print("parent counter:", counter, registry)
        try:
            pool.apply(echo, (lambda: 1,))
        except Exception as e:
            print("pool unpicklable:", kind(e))

if __name__ == "__main__":
    main()
