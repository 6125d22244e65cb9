# asyncpg against the simulated PostgreSQL (sqlite underneath), as the documents use it.
import asyncio
import time

import asyncpg


async def main():
    conn = await asyncpg.connect("postgresql://localhost/mydb")
    rows = await conn.fetch("SELECT id, name, age FROM users WHERE age > 20 ORDER BY id")
    for r in rows:
        print(r["id"], r["name"], r.get("age"), r.get("missing", "-"))
    print(rows[0], dict(rows[0]), list(rows[0].keys()), tuple(rows[0]))

    user = await conn.fetchrow("SELECT * FROM users WHERE id = $1", 123)
    print(user["name"], user["email"], type(user["created_at"]).__name__)
    print(await conn.fetchrow("SELECT * FROM users WHERE id = $1", 999))
    print(await conn.fetchval("SELECT count(*) FROM orders WHERE user_id = $1", 1))
    print(await conn.execute("INSERT INTO users (name, email, age) VALUES ($1, $2, $3)", "정다은", "daeun@example.com", 22))
    new_id = await conn.fetchval("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id", "Kim", "kim@example.com")
    print("new id", new_id)
    orders = await conn.fetch("SELECT product, amount FROM orders WHERE user_id = 1 ORDER BY id")
    print([(o["product"], o["amount"]) for o in orders])

    # One connection runs one query at a time (the guide's gather on one connection fails).
    try:
        await asyncio.gather(conn.fetch("SELECT * FROM users"), conn.fetch("SELECT * FROM orders"))
    except asyncpg.exceptions.InterfaceError as e:
        print(f"{type(e).__name__}: {e}")
    await asyncio.sleep(0.5)

    try:
        await conn.execute("INSERT INTO users (name, email) VALUES ($1, $2)", "Dup", "chulsoo@example.com")
    except asyncpg.UniqueViolationError as e:
        print(f"{type(e).__name__}: {e}")
    try:
        await conn.fetch("SELECT * FROM customers")
    except asyncpg.PostgresError as e:
        print(f"{type(e).__name__}: {e} [{e.sqlstate}]")

    try:
        async with conn.transaction():
            await conn.execute("DELETE FROM orders")
            raise RuntimeError("abort")
    except RuntimeError:
        pass
    print("orders after rollback:", await conn.fetchval("SELECT count(*) FROM orders"))
    await conn.close()
    print(conn.is_closed())

    # A pool runs queries concurrently, up to max_size at once (latency 0.1 s per query).
    async with asyncpg.create_pool("postgresql://localhost/mydb", min_size=2, max_size=2) as pool:
        start = time.perf_counter()
        counts = await asyncio.gather(*(pool.fetchval("SELECT count(*) FROM users WHERE age > $1", a)
                                        for a in (10, 20, 30, 40)))
        print(counts, f"{time.perf_counter() - start:.1f}s")

    try:
        await asyncpg.connect("mysql://localhost/x")
    except Exception as e:
        print(f"{type(e).__name__}: {e}")


asyncio.run(main())
