# An asyncpg pool shared by concurrent tasks, and one connection used by two at once.
import asyncio

import asyncpg


async def user_orders(pool, user_id):
    async with pool.acquire() as conn:
        name = await conn.fetchval("SELECT name FROM users WHERE id = $1", user_id)
        total = await conn.fetchval("SELECT COALESCE(SUM(amount), 0) FROM orders WHERE user_id = $1", user_id)
        return user_id, name, total


async def main():
    async with asyncpg.create_pool("postgresql://localhost/mydb", min_size=2, max_size=3) as pool:
        print(await asyncio.gather(*(user_orders(pool, i) for i in (1, 2, 3, 123))))
        counts = await asyncio.gather(*(pool.fetchval("SELECT count(*) FROM users WHERE age > $1", a) for a in (10, 20, 30, 40)))
        print(counts)
        print(await pool.fetchrow("SELECT name, age FROM users ORDER BY age DESC LIMIT 1"))
        print(await pool.execute("UPDATE users SET age = 20 WHERE id = $1", 3))
        rows = await pool.fetch("SELECT u.name, o.product FROM users u JOIN orders o ON o.user_id = u.id ORDER BY o.id")
        print([tuple(r) for r in rows])
        print(pool.get_max_size(), pool.get_min_size())

    conn = await asyncpg.connect("postgresql://localhost/mydb")
    try:
        await asyncio.gather(conn.fetch("SELECT * FROM users"), conn.fetch("SELECT * FROM orders"))
    except asyncpg.exceptions.InterfaceError as e:
        print(f"{type(e).__name__}: {e}")
    await asyncio.sleep(0.5)
    print(await conn.fetchval("SELECT count(*) FROM users"))
    await conn.close()


asyncio.run(main())
