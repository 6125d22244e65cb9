"""Load the fixtures' databases into a real PostgreSQL database.

    python3 seed.py FIXTURES.json DBNAME

Connects with libpq's environment (PGHOST, PGPORT, PGUSER) to DBNAME, which must exist and be
empty, and runs each fixture database's `schema:` and inserts its `rows:` (mappings by column
name, lists in column order), as the stand-ins seed their sqlite database. The fixtures README
says that a SERIAL column then goes on from the highest seeded id ("as if the sequence had been
set after seeding"), so every serial sequence is set to its column's maximum here.

Every fixture database is loaded into the one DBNAME: the documents connect to one database.
"""

import json
import sys

import psycopg2

fixtures_path, dbname = sys.argv[1], sys.argv[2]
with open(fixtures_path, encoding="utf-8") as f:
    docs = json.load(f)

conn = psycopg2.connect(dbname=dbname)
cur = conn.cursor()
for doc in docs:
    for db in doc.get("databases") or []:
        if db.get("schema"):
            cur.execute(db["schema"])
        for table, rows in (db.get("rows") or {}).items():
            cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                        "ORDER BY ordinal_position", (table,))
            columns = [c for (c,) in cur.fetchall()]
            for row in rows:
                names = list(row) if isinstance(row, dict) else columns[:len(row)]
                values = list(row.values()) if isinstance(row, dict) else list(row)
                cur.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(values))})",
                            values)
cur.execute("SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND column_default LIKE 'nextval(%%'")
for table, column in cur.fetchall():
    cur.execute(f"SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX({column}), 0) + 1, false) FROM {table}",
                (table, column))
conn.commit()
conn.close()
