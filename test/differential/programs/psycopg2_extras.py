# psycopg2.extras and the pool: DictCursor, execute_values, executemany, a ThreadedConnectionPool
# shared by threads (the guide's blocking database access).
import threading

import psycopg2
import psycopg2.extras
import psycopg2.pool

conn = psycopg2.connect("postgresql://localhost/mydb")
with conn.cursor(cursor_factory=psycopg2.extras.DictCursor) as cur:
    cur.execute("SELECT id, name, age FROM users ORDER BY id LIMIT 2")
    for row in cur:
        print(row["name"], row[0], row, list(row.keys()))
with conn.cursor() as cur:
    psycopg2.extras.execute_values(cur, "INSERT INTO orders (user_id, product, amount, ordered_at) VALUES %s",
                                   [(2, "책상", 150000, "2024-06-01 10:00:00"), (3, "의자", 80000, "2024-06-02 11:00:00")])
    print(cur.rowcount)
    cur.executemany("UPDATE users SET age = %s WHERE id = %s", [(30, 1), (31, 2)])
    print(cur.rowcount)
    cur.execute("SELECT user_id, product, amount FROM orders ORDER BY id")
    print(cur.fetchall())
conn.commit()
conn.close()

pool = psycopg2.pool.ThreadedConnectionPool(1, 3, "postgresql://localhost/mydb")
results = {}


def worker(user_id):
    c = pool.getconn()
    try:
        with c.cursor() as cur:
            cur.execute("SELECT name, age FROM users WHERE id = %s", (user_id,))
            results[user_id] = cur.fetchone()
    finally:
        pool.putconn(c)


threads = [threading.Thread(target=worker, args=(i,)) for i in (1, 2, 3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
held = [pool.getconn() for _ in range(3)]
try:
    pool.getconn()
except psycopg2.pool.PoolError as e:
    print(f"{type(e).__name__}: {e}")
for c in held:
    pool.putconn(c)
pool.closeall()
print(pool.closed)
