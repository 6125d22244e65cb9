"""The snippet kernel's runtime inside Pyodide: virtual time, green threads, a virtual event loop,
a tracer, a sandbox, and the cell runner. Imported once per interpreter (one interpreter per document)."""
