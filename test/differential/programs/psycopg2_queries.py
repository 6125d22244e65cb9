# psycopg2 against the fixture tables: %s parameters, fetch methods, rowcount and status,
# transactions that need commit, RealDictCursor, errors.
import psycopg2
import psycopg2.extras

conn = psycopg2.connect("postgresql://localhost/mydb")
cur = conn.cursor()
cur.execute("SELECT id, name FROM users WHERE age > %s ORDER BY id", (20,))
print(cur.fetchall(), cur.rowcount, cur.statusmessage)
print([d.name for d in cur.description])
cur.execute("SELECT * FROM orders WHERE user_id = %(uid)s ORDER BY id", {"uid": 1})
print(cur.fetchone(), cur.fetchmany(5), cur.fetchone(), cur.query)
cur.execute("SELECT name, created_at FROM users WHERE id = %s", (123,))
print(cur.fetchone())

cur.execute("INSERT INTO users (name, email, age) VALUES (%s, %s, %s)", ("New", "new@example.com", 30))
print(cur.rowcount, cur.statusmessage)
other = psycopg2.connect(dbname="mydb", host="localhost")
with other.cursor() as c2:
    c2.execute("SELECT count(*) FROM users WHERE email = %s", ("new@example.com",))
    print("before commit:", c2.fetchone())
    conn.rollback()
    c2.execute("SELECT count(*) FROM users WHERE email = %s", ("new@example.com",))
    print("after rollback:", c2.fetchone())
other.commit()

with conn:
    cur.execute("INSERT INTO users (name, email, age) VALUES (%s, %s, %s) RETURNING id", ("New", "new@example.com", 30))
    print("returned", cur.fetchone())
with other.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as c2:
    c2.execute("SELECT name, age FROM users WHERE email = %s", ("new@example.com",))
    print("after commit:", c2.fetchone())
cur.execute("UPDATE users SET age = age + 1 WHERE age > %s", (25,))
print(cur.rowcount, cur.statusmessage)
conn.commit()

try:
    cur.execute("SELECT * FROM nope")
except psycopg2.errors.UndefinedTable as e:
    print(type(e).__name__, repr(e.pgerror), e.pgcode)
try:
    cur.execute("SELECT 1")
except psycopg2.InternalError as e:
    print(type(e).__name__, str(e).strip())
conn.rollback()
try:
    cur.execute("INSERT INTO users (name, email) VALUES (%s, %s)", ("Dup", "chulsoo@example.com"))
except psycopg2.IntegrityError as e:
    print(type(e).__name__, e.pgcode, str(e).splitlines()[0])
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
print(conn.closed, cur.closed)
try:
    cur.execute("SELECT 1")
except psycopg2.InterfaceError as e:
    print("InterfaceError:", e)
