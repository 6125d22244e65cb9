# psycopg2: %s parameters, transactions (commit needed), errors.
import time

import psycopg2
import psycopg2.extras

conn = psycopg2.connect("postgresql://localhost/mydb")
cur = conn.cursor()
start = time.time()
cur.execute("SELECT id, name FROM users WHERE age > %s ORDER BY id", (20,))
print(cur.fetchall(), cur.rowcount, cur.statusmessage)
print([d.name for d in cur.description])
cur.execute("SELECT * FROM orders WHERE user_id = %(uid)s", {"uid": 1})
print(len(cur.fetchall()), cur.query)
print(f"two queries: {time.time() - start:.1f}s")

cur.execute("INSERT INTO users (name, email, age) VALUES (%s, %s, %s)", ("New", "new@example.com", 30))
other = psycopg2.connect(dbname="mydb", host="localhost", user="app", password="secret")
with other.cursor() as c2:
    conn.rollback()
    c2.execute("SELECT count(*) FROM users WHERE email = %s", ("new@example.com",))
    print("after rollback:", c2.fetchone())

with conn:
    cur.execute("INSERT INTO users (name, email, age) VALUES (%s, %s, %s)", ("New", "new@example.com", 30))
with other.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as c2:
    c2.execute("SELECT name, age FROM users WHERE email = %s", ("new@example.com",))
    print("after commit:", c2.fetchone())

try:
    cur.execute("SELECT * FROM nope")
except psycopg2.errors.UndefinedTable as e:
    print(type(e).__name__, repr(e.pgerror), e.pgcode)
try:
    cur.execute("SELECT 1")
except psycopg2.InternalError as e:
    print(type(e).__name__, str(e).strip())
conn.rollback()
cur.execute("SELECT 1")
print(cur.fetchone())
try:
    cur.execute("SELECT %s, %s", (1,))
except IndexError as e:
    print("IndexError:", e)
print(cur.mogrify("SELECT * FROM users WHERE name = %s AND age > %s", ("O'Neil", 20)))
cur.close()
conn.close()
other.close()
try:
    cur.execute("SELECT 1")
except psycopg2.InterfaceError as e:
    print("InterfaceError:", e)
try:
    psycopg2.connect(host="db.internal", dbname="x")
except psycopg2.OperationalError as e:
    print("OperationalError:", str(e).strip())
