# Ctrl-C under asyncio.run: asyncio.Runner installs its own SIGINT handler, which cancels the main
# task first (so its `except CancelledError` and `finally` run, even while the loop waits in
# select), and KeyboardInterrupt then propagates from asyncio.run. A second Ctrl-C raises at once.
import asyncio
import signal

print("before:", signal.getsignal(signal.SIGINT) is signal.default_int_handler)


async def waits():
    asyncio.get_running_loop().call_later(0.5, signal.raise_signal, signal.SIGINT)
    print("installed by asyncio.run:", signal.getsignal(signal.SIGINT) is not signal.default_int_handler)
    try:
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        print("main cancelled at", round(asyncio.get_running_loop().time() - start, 1))
        raise
    finally:
        print("main's finally")


try:
    start = asyncio.new_event_loop().time()
    asyncio.run(waits())
except KeyboardInterrupt:
    print("KeyboardInterrupt from asyncio.run")
print("restored:", signal.getsignal(signal.SIGINT) is signal.default_int_handler)


async def swallows():
    asyncio.get_running_loop().call_soon(signal.raise_signal, signal.SIGINT)
    try:
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        print("cancelled, and returns anyway")
    return "done"


print("result:", asyncio.run(swallows()))


async def twice():
    loop = asyncio.get_running_loop()
    loop.call_soon(signal.raise_signal, signal.SIGINT)
    try:
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        print("first interrupt cancels")
        try:
            signal.raise_signal(signal.SIGINT)
        except KeyboardInterrupt:
            print("second interrupt raises at once")
        raise


try:
    asyncio.run(twice())
except KeyboardInterrupt:
    print("KeyboardInterrupt from asyncio.run")

previous = signal.signal(signal.SIGINT, lambda signum, frame: print("own handler", signum == signal.SIGINT))
print("previous is default:", previous is signal.default_int_handler)
signal.raise_signal(signal.SIGINT)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("default handler raises")
