"""The names a cell defines and the names it uses, read from its source with `symtable`, so a later
cell's dependencies on earlier ones are known without running anything."""

import builtins
import symtable

_BUILTINS = set(dir(builtins))


def imported_names(source, filename="<cell>"):
    """Module-level names bound only by import statements in the cell itself."""
    try:
        top = symtable.symtable(source, filename, "exec")
    except SyntaxError:
        return []
    return sorted(s.get_name() for s in top.get_symbols() if s.is_imported() and not s.is_assigned())


def defines_and_uses(source, filename="<cell>"):
    try:
        top = symtable.symtable(source, filename, "exec")
    except SyntaxError:
        return [], []
    defines = sorted(s.get_name() for s in top.get_symbols()
                     if (s.is_assigned() or s.is_imported() or s.is_namespace())
                     and not s.get_name().startswith("."))
    uses = set()

    def walk(table, top_level):
        for sym in table.get_symbols():
            name = sym.get_name()
            if not sym.is_referenced():
                continue
            if top_level or sym.is_global() or sym.is_declared_global():
                uses.add(name)
        for child in table.get_children():
            walk(child, False)

    walk(top, True)
    uses = sorted(n for n in uses if n not in _BUILTINS and not n.startswith("."))
    return defines, uses
