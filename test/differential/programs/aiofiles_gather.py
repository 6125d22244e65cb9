# Several files written and read back concurrently with gather, as the tutorials' examples do.
import asyncio

import aiofiles


async def write(name, lines):
    async with aiofiles.open(name, "w", encoding="utf-8") as f:
        for line in lines:
            await f.write(f"{line}\n")
    return name


async def count(name):
    async with aiofiles.open(name, encoding="utf-8") as f:
        return name, len(await f.readlines())


async def main():
    names = await asyncio.gather(*(write(f"file{i}.txt", range(i * 10)) for i in range(1, 4)))
    print(names)
    print(await asyncio.gather(*(count(n) for n in names)))
    async with aiofiles.open("file2.txt") as f:
        print(repr(await f.read(12)))
    try:
        async with aiofiles.open("file1.txt", "r") as f:
            await f.write("x")
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)


asyncio.run(main())
