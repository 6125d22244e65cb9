# aiofiles: write then read back, line iteration, aiofiles.os, a fixture file.
import asyncio

import aiofiles
import aiofiles.os


async def main():
    async with aiofiles.open("test.txt", "w") as f:
        await f.write("Hello, Async!\n")
        await f.writelines(["line 2\n", "line 3\n"])
    async with aiofiles.open("test.txt", "r") as f:
        print(repr(await f.read()))
    async with aiofiles.open("test.txt") as f:
        async for line in f:
            print(line.rstrip())
    f = await aiofiles.open("test.txt", "rb")
    print(await f.read(5), type(f).__name__)
    await f.close()
    print(await aiofiles.os.path.exists("test.txt"), (await aiofiles.os.stat("test.txt")).st_size)
    await aiofiles.os.rename("test.txt", "renamed.txt")
    print(sorted(await aiofiles.os.listdir(".")))
    await aiofiles.os.remove("renamed.txt")
    async with aiofiles.open("large_file.txt") as f:
        data = await f.read()
    print(len(data.splitlines()), data.splitlines()[0])
    try:
        async with aiofiles.open("missing.txt") as f:
            pass
    except FileNotFoundError as e:
        print(f"FileNotFoundError: {e}")


asyncio.run(main())
import simworld  # noqa: E402

for u in simworld.take_usage():
    print(u["kind"], u["target"], u["detail"], u["fixture"])
