# asyncpg against the fixture tables (postgresql://localhost/mydb): fetch, fetchrow, fetchval,
# execute's status, Record, types, transactions and errors.
import asyncio

import asyncpg


async def main():
    conn = await asyncpg.connect("postgresql://localhost/mydb")
    rows = await conn.fetch("SELECT id, name, age FROM users WHERE age > 20 ORDER BY id")
    for r in rows:
        print(r["id"], r["name"], r.get("age"), r.get("missing", "-"), r[1])
    print(rows[0], dict(rows[0]), list(rows[0].keys()), tuple(rows[0]), len(rows[0]))
    print(type(rows).__name__, type(rows[0]).__name__, "name" in rows[0])

    user = await conn.fetchrow("SELECT * FROM users WHERE id = $1", 123)
    print(user["name"], user["email"], repr(user["created_at"]))
    print(await conn.fetchrow("SELECT * FROM users WHERE id = $1", 999))
    print(await conn.fetchval("SELECT count(*) FROM orders WHERE user_id = $1", 1))
    print(await conn.execute("INSERT INTO users (name, email, age) VALUES ($1, $2, $3)", "정다은", "daeun@example.com", 22))
    new_id = await conn.fetchval("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id", "Kim", "kim@example.com")
    print("new id", new_id)
    print(await conn.execute("UPDATE users SET age = age + 1 WHERE age > $1", 30))
    print(await conn.execute("DELETE FROM users WHERE email = $1", "kim@example.com"))
    orders = await conn.fetch("SELECT product, amount, ordered_at FROM orders WHERE user_id = 1 ORDER BY id")
    print([(o["product"], o["amount"], o["ordered_at"]) for o in orders])
    print(await conn.fetchrow("SELECT $1::int + 1 AS n, $2::text AS s", 41, "x"))

    try:
        await conn.execute("INSERT INTO users (name, email) VALUES ($1, $2)", "Dup", "chulsoo@example.com")
    except asyncpg.UniqueViolationError as e:
        print(f"{type(e).__name__}: {e}")
        print("  ", e.sqlstate, isinstance(e, asyncpg.PostgresError), e.constraint_name)
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
    async with conn.transaction():
        await conn.execute("UPDATE orders SET amount = amount * 2 WHERE id = $1", 1)
    print("after commit:", await conn.fetchval("SELECT amount FROM orders WHERE id = 1"))
    await conn.close()
    print(conn.is_closed())


asyncio.run(main())
