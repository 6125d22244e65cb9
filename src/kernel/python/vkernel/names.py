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


def _module_level_augmented(source):
    """Targets of module-level augmented assignments (`total += 1`): each reads the name first,
    which symtable does not count as a reference."""
    import ast

    found = set()

    def visit(body):
        for node in body:
            if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                found.add(node.target.id)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue
            for field in ("body", "orelse", "finalbody", "handlers", "cases"):
                inner = getattr(node, field, None)
                if isinstance(inner, list):
                    visit([n for n in inner if isinstance(n, ast.AST)])

    try:
        visit(ast.parse(source).body)
    except SyntaxError:
        pass
    return found


def _module_scope(tree):
    """The nodes of the module's own scope (not inside functions, classes or lambdas)."""
    import ast

    stack = list(tree.body)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        stack.extend(ast.iter_child_nodes(node))


def _comprehension_only(source):
    """Names bound at module level only as a comprehension's loop variable (and read nowhere
    else). Since Python 3.12
    comprehensions are inlined and symtable lists their variables in the module's table, but
    `[x for x in data]` leaves no `x` behind: it is not a definition."""
    import ast

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    loop_targets = set()
    for node in _module_scope(tree):
        if isinstance(node, ast.comprehension):
            loop_targets.update(id(n) for n in ast.walk(node.target) if isinstance(n, ast.Name))
    inside = set()
    for node in _module_scope(tree):
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            inside.update(id(n) for n in ast.walk(node))
    in_loops, elsewhere = set(), set()
    for node in _module_scope(tree):
        if not isinstance(node, ast.Name):
            continue
        if id(node) in loop_targets:
            in_loops.add(node.id)
        elif isinstance(node.ctx, ast.Store) or id(node) not in inside:
            # Bound otherwise, or read outside any comprehension: a name of the module's own.
            elsewhere.add(node.id)
    return in_loops - elsewhere


def defines_and_uses(source, filename="<cell>"):
    try:
        top = symtable.symtable(source, filename, "exec")
    except SyntaxError:
        return [], []
    comprehension_only = _comprehension_only(source)
    defines = sorted(s.get_name() for s in top.get_symbols()
                     if (s.is_assigned() or s.is_imported() or s.is_namespace())
                     and not s.get_name().startswith(".") and s.get_name() not in comprehension_only)
    uses = set()

    def walk(table, top_level):
        for sym in table.get_symbols():
            name = sym.get_name()
            # `global n` then `n += 1` (or `n = ...`) in a function: symtable records no reference
            # for an augmented assignment, but it reads the module's `n`.
            if not top_level and sym.is_declared_global() and sym.is_assigned():
                uses.add(name)
            if not sym.is_referenced():
                continue
            if top_level or sym.is_global() or sym.is_declared_global():
                uses.add(name)
        for child in table.get_children():
            walk(child, False)

    walk(top, True)
    uses.update(_module_level_augmented(source))
    uses = sorted(n for n in uses if n not in _BUILTINS and not n.startswith(".") and n not in comprehension_only)
    return defines, uses
