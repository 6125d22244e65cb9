# aiofiles as the complete guide uses it: reading the fixture's large_file.txt, writing and
# appending, reading lines, iterating, and what a missing file raises.
import asyncio
import os

import aiofiles
import aiofiles.os


async def main():
    async with aiofiles.open("large_file.txt", "r", encoding="utf-8") as f:
        content = await f.read()
    print(len(content), content.count("\n"), repr(content[:30]))
    async with aiofiles.open("large_file.txt", encoding="utf-8") as f:
        first = await f.readline()
        rest = await f.readlines()
        print(repr(first), len(rest), repr(rest[-1]))
    async with aiofiles.open("large_file.txt", encoding="utf-8") as f:
        n = 0
        async for line in f:
            n += "DEBUG" in line
        print("DEBUG lines:", n)

    async with aiofiles.open("out.txt", "w", encoding="utf-8") as f:
        print("wrote", await f.write("첫 줄\n"), await f.write("second line\n"))
    async with aiofiles.open("out.txt", "a", encoding="utf-8") as f:
        await f.writelines(["third\n", "fourth\n"])
    async with aiofiles.open("out.txt", encoding="utf-8") as f:
        print(repr(await f.read()))
    async with aiofiles.open("out.txt", "rb") as f:
        data = await f.read(5)
        print(data, await f.tell())
        await f.seek(0)
        print(len(await f.read()))
    async with aiofiles.open("blob.bin", "wb") as f:
        await f.write(bytes(range(8)))
    print(os.path.getsize("blob.bin"), (await aiofiles.os.stat("out.txt")).st_size)
    print(await aiofiles.os.path.exists("out.txt"), await aiofiles.os.path.isfile("nope.txt"))
    await aiofiles.os.rename("out.txt", "renamed.txt")
    await aiofiles.os.remove("blob.bin")
    print(sorted(os.listdir(".")))

    try:
        async with aiofiles.open("missing.txt") as f:
            await f.read()
    except FileNotFoundError as e:
        print(f"{type(e).__name__}: {e}", e.errno, e.filename)
    f = await aiofiles.open("renamed.txt")
    print(type(f).__name__, f.closed, f.name, f.mode)
    await f.close()
    print(f.closed)


asyncio.run(main())
