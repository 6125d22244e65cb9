# Inside a process pool's worker, multiprocessing.current_process() is that worker (its own
# name, numbered among the processes the program started, its pid, daemonic in a Pool only) and
# parent_process() is the main process; in the main process they are MainProcess and None.
# The start method's class name differs by version (ForkProcess under 3.13's fork, ForkServerProcess
# under 3.14's forkserver), so the case prints the name's shape, not the name.
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor


def who(_):
    me = multiprocessing.current_process()
    parent = multiprocessing.parent_process()
    return (
        bool(re.fullmatch(r"Fork(Server)?(Process|PoolWorker)-\d+", me.name)),
        "PoolWorker" in me.name,
        me.pid == os.getpid() == me.ident,
        me.daemon,
        me is multiprocessing.current_process(),
        parent is not None and parent.name,
        parent is not None and parent.pid == os.getppid(),
    )


if __name__ == "__main__":
    main = multiprocessing.current_process()
    print(main.name, main.pid == os.getpid(), multiprocessing.parent_process())
    with ProcessPoolExecutor(max_workers=1) as ex:
        print("executor", ex.submit(who, 0).result())
    with multiprocessing.Pool(1) as pool:
        print("pool", pool.apply(who, (0,)))
    print(multiprocessing.current_process() is main, multiprocessing.current_process().name)
