"""A small CSS selector engine for Tag.select() (real bs4 delegates to soupsieve).

Supported: type, *, .class, #id, [attr], [attr=v], [attr~=v], [attr^=v], [attr$=v], [attr*=v],
[attr|=v], the combinators ' ', '>', '+', '~', selector lists with ',', and :first-child,
:last-child, :only-child, :first-of-type, :last-of-type, :nth-child(an+b|odd|even),
:nth-of-type(...), :not(...), :-soup-contains("text")."""

import re

from .element import Tag

_TOKEN = re.compile(r"""
    (?P<ws>\s*(?P<comb>[>+~])\s*|\s+)
  | (?P<type>\*|[A-Za-z][\w-]*)
  | \#(?P<id>[\w-]+)
  | \.(?P<cls>[\w-]+)
  | \[\s*(?P<attr>[\w:-]+)\s*(?:(?P<op>[~^$*|]?=)\s*(?P<val>"[^"]*"|'[^']*'|[^\]\s]+)\s*)?\]
  | :(?P<pseudo>[\w-]+)(?:\((?P<arg>(?:[^()]|\([^()]*\))*)\))?
""", re.VERBOSE)


class SelectorSyntaxError(ValueError):
    pass


def _split_groups(selector):
    depth, cur, out = 0, "", []
    for ch in selector:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [g.strip() for g in out]


def _parse(selector):
    """-> list of groups; a group is a list of (combinator, [simple conditions])."""
    groups = []
    for group in _split_groups(selector):
        if not group:
            raise SelectorSyntaxError(f"Malformed selector: {selector!r}")
        steps, conds, comb, pos = [], [], " ", 0
        while pos < len(group):
            m = _TOKEN.match(group, pos)
            if not m or m.end() == pos:
                raise SelectorSyntaxError(f"Invalid character {group[pos]!r} position {pos} in {selector!r}")
            pos = m.end()
            if m.group("ws") is not None:
                if conds:
                    steps.append((comb, conds))
                    conds = []
                comb = m.group("comb") or " "
                continue
            conds.append(m)
        if conds:
            steps.append((comb, conds))
        groups.append(steps)
    return groups


def _nth(expr, index):
    expr = expr.strip().lower().replace(" ", "")
    if expr == "odd":
        a, b = 2, 1
    elif expr == "even":
        a, b = 2, 0
    elif "n" in expr:
        a_s, _, b_s = expr.partition("n")
        a = int(a_s) if a_s not in ("", "+", "-") else (-1 if a_s == "-" else 1)
        b = int(b_s) if b_s else 0
    else:
        return index == int(expr)
    if a == 0:
        return index == b
    return (index - b) % a == 0 and (index - b) // a >= 0


def _siblings(tag):
    return [c for c in tag.parent.contents if isinstance(c, Tag)] if tag.parent is not None else [tag]


def _match_simple(tag, m):
    if m.group("type"):
        t = m.group("type")
        return t == "*" or tag.name == t.lower()
    if m.group("id"):
        return tag.get("id") == m.group("id")
    if m.group("cls"):
        classes = tag.get("class") or []
        if isinstance(classes, str):
            classes = classes.split()
        return m.group("cls") in classes
    if m.group("attr"):
        name = m.group("attr")
        if name not in tag.attrs:
            return False
        if not m.group("op"):
            return True
        value = tag.attrs[name]
        value = " ".join(value) if isinstance(value, list) else str(value)
        want = m.group("val")
        if want[:1] in "\"'":
            want = want[1:-1]
        op = m.group("op")
        return {
            "=": value == want,
            "~=": want in value.split(),
            "^=": bool(want) and value.startswith(want),
            "$=": bool(want) and value.endswith(want),
            "*=": bool(want) and want in value,
            "|=": value == want or value.startswith(want + "-"),
        }[op]
    pseudo = m.group("pseudo").lower()
    arg = m.group("arg")
    sibs = _siblings(tag)
    same = [s for s in sibs if s.name == tag.name]
    if pseudo == "first-child":
        return sibs[0] is tag
    if pseudo == "last-child":
        return sibs[-1] is tag
    if pseudo == "only-child":
        return len(sibs) == 1
    if pseudo == "first-of-type":
        return same[0] is tag
    if pseudo == "last-of-type":
        return same[-1] is tag
    if pseudo == "only-of-type":
        return len(same) == 1
    if pseudo == "nth-child":
        return _nth(arg, next(i for i, s in enumerate(sibs) if s is tag) + 1)
    if pseudo == "nth-last-child":
        return _nth(arg, len(sibs) - next(i for i, s in enumerate(sibs) if s is tag))
    if pseudo == "nth-of-type":
        return _nth(arg, next(i for i, s in enumerate(same) if s is tag) + 1)
    if pseudo == "not":
        return not matches(tag, arg)
    if pseudo == "empty":
        return not any(isinstance(c, Tag) or str(c) for c in tag.contents)
    if pseudo in ("-soup-contains", "contains"):
        texts = [t.strip()[1:-1] if t.strip()[:1] in "\"'" else t.strip() for t in arg.split(",")]
        return any(t in tag.get_text() for t in texts)
    if pseudo == "root":
        return tag.parent is not None and tag.parent.name == "[document]"
    raise SelectorSyntaxError(f"':{pseudo}' pseudo-class is not implemented at this time")


def _match_step(tag, conds):
    return isinstance(tag, Tag) and tag.name != "[document]" and all(_match_simple(tag, c) for c in conds)


def _match_steps(tag, steps, i, scope):
    comb, conds = steps[i]
    if not _match_step(tag, conds):
        return False
    if i == 0:
        return True
    if comb == ">":
        p = tag.parent
        return p is not None and p is not scope and _match_steps(p, steps, i - 1, scope) if p is not scope else False
    if comb == " ":
        p = tag.parent
        while p is not None and p is not scope:
            if _match_steps(p, steps, i - 1, scope):
                return True
            p = p.parent
        return False
    sibs = _siblings(tag)
    idx = next(j for j, s in enumerate(sibs) if s is tag)
    if comb == "+":
        return idx > 0 and _match_steps(sibs[idx - 1], steps, i - 1, scope)
    if comb == "~":
        return any(_match_steps(s, steps, i - 1, scope) for s in sibs[:idx])
    return False


def matches(tag, selector):
    return any(_match_steps(tag, steps, len(steps) - 1, None) for steps in _parse(selector))


def select(root, selector, limit=None):
    groups = _parse(selector)
    out = []
    for d in root.descendants:
        if not isinstance(d, Tag):
            continue
        if any(_match_steps(d, steps, len(steps) - 1, root.parent if False else None) and
               _within(d, steps, root) for steps in groups):
            out.append(d)
            if limit and len(out) >= limit:
                break
    return out


def _within(tag, steps, root):
    # The whole chain must match inside root's subtree for descendant selectors rooted at root's
    # descendants; soupsieve matches against the whole document but returns only descendants,
    # which is what matching without a scope does.
    return True
