"""bs4.element: the parse tree (Tag, NavigableString and friends), after Beautiful Soup 4."""

import re

__all__ = ["PageElement", "NavigableString", "Comment", "CData", "Doctype", "Declaration",
           "ProcessingInstruction", "Script", "Stylesheet", "TemplateString", "Tag", "ResultSet", "SoupStrainer"]

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta",
                 "param", "source", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex",
                 "nextid", "spacer"}
MULTI_VALUED = {"*": {"class", "accesskey", "dropzone"}, "a": {"rel", "rev"}, "link": {"rel", "rev"},
                "td": {"headers"}, "th": {"headers"}, "form": {"accept-charset"}, "object": {"archive"},
                "area": {"rel"}, "icon": {"sizes"}, "iframe": {"sandbox"}, "output": {"for"}}
PRESERVE_WHITESPACE = {"pre", "textarea"}


def _escape_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _quoted_attr(value):
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if '"' in value:
        if "'" in value:
            return '"' + value.replace('"', "&quot;") + '"'
        return "'" + value + "'"
    return '"' + value + '"'


class PageElement:
    parent = None
    next_sibling = None
    previous_sibling = None

    # -- navigation
    @property
    def parents(self):
        p = self.parent
        while p is not None:
            yield p
            p = p.parent

    @property
    def next_siblings(self):
        s = self.next_sibling
        while s is not None:
            yield s
            s = s.next_sibling

    @property
    def previous_siblings(self):
        s = self.previous_sibling
        while s is not None:
            yield s
            s = s.previous_sibling

    def _root(self):
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def _document_order(self):
        root = self._root()
        return [root] + list(root.descendants) if isinstance(root, Tag) else [root]

    @property
    def next_element(self):
        order = self._document_order()
        i = next(i for i, e in enumerate(order) if e is self)
        return order[i + 1] if i + 1 < len(order) else None

    @property
    def previous_element(self):
        order = self._document_order()
        i = next(i for i, e in enumerate(order) if e is self)
        return order[i - 1] if i > 0 else None

    @property
    def next_elements(self):
        order = self._document_order()
        i = next(i for i, e in enumerate(order) if e is self)
        yield from order[i + 1:]

    @property
    def previous_elements(self):
        order = self._document_order()
        i = next(i for i, e in enumerate(order) if e is self)
        yield from reversed(order[:i])

    # -- searching relative to this element
    def _find_in(self, generator, name, attrs, string, limit, kwargs):
        strainer = SoupStrainer(name, attrs, string, **kwargs)
        results = ResultSet(strainer)
        for el in generator:
            if strainer.match(el):
                results.append(el)
                if limit and len(results) >= limit:
                    break
        return results

    def find_next(self, name=None, attrs={}, string=None, **kwargs):
        r = self._find_in(self.next_elements, name, attrs, string, 1, kwargs)
        return r[0] if r else None

    def find_all_next(self, name=None, attrs={}, string=None, limit=None, **kwargs):
        return self._find_in(self.next_elements, name, attrs, string, limit, kwargs)

    def find_previous(self, name=None, attrs={}, string=None, **kwargs):
        r = self._find_in(self.previous_elements, name, attrs, string, 1, kwargs)
        return r[0] if r else None

    def find_all_previous(self, name=None, attrs={}, string=None, limit=None, **kwargs):
        return self._find_in(self.previous_elements, name, attrs, string, limit, kwargs)

    def find_next_sibling(self, name=None, attrs={}, string=None, **kwargs):
        r = self._find_in(self.next_siblings, name, attrs, string, 1, kwargs)
        return r[0] if r else None

    def find_next_siblings(self, name=None, attrs={}, string=None, limit=None, **kwargs):
        return self._find_in(self.next_siblings, name, attrs, string, limit, kwargs)

    def find_previous_sibling(self, name=None, attrs={}, string=None, **kwargs):
        r = self._find_in(self.previous_siblings, name, attrs, string, 1, kwargs)
        return r[0] if r else None

    def find_previous_siblings(self, name=None, attrs={}, string=None, limit=None, **kwargs):
        return self._find_in(self.previous_siblings, name, attrs, string, limit, kwargs)

    def find_parent(self, name=None, attrs={}, **kwargs):
        r = self._find_in(self.parents, name, attrs, None, 1, kwargs)
        return r[0] if r else None

    def find_parents(self, name=None, attrs={}, limit=None, **kwargs):
        return self._find_in(self.parents, name, attrs, None, limit, kwargs)

    findNext = find_next
    findAllNext = find_all_next
    findPrevious = find_previous
    findAllPrevious = find_all_previous
    findNextSibling = find_next_sibling
    findNextSiblings = find_next_siblings
    findPreviousSibling = find_previous_sibling
    findPreviousSiblings = find_previous_siblings
    findParent = find_parent
    findParents = find_parents

    # -- modification
    def extract(self, _self_index=None):
        if self.parent is not None:
            parent = self.parent
            idx = next(i for i, c in enumerate(parent.contents) if c is self)
            del parent.contents[idx]
            parent._relink()
        self.parent = None
        self.next_sibling = self.previous_sibling = None
        return self

    def replace_with(self, *args):
        parent = self.parent
        if parent is None:
            raise ValueError("Cannot replace one element with another when the element to be replaced is not "
                             "part of a tree.")
        idx = parent.index(self)
        self.extract()
        for offset, el in enumerate(args):
            parent.insert(idx + offset, el)
        return self

    replaceWith = replace_with

    def decompose(self):
        self.extract()

    @property
    def decomposed(self):
        return False

    def wrap(self, wrap_inside):
        me = self.replace_with(wrap_inside)
        wrap_inside.append(me)
        return wrap_inside

    def insert_before(self, *args):
        parent = self.parent
        idx = parent.index(self)
        for offset, el in enumerate(args):
            parent.insert(idx + offset, el)

    def insert_after(self, *args):
        parent = self.parent
        idx = parent.index(self)
        for offset, el in enumerate(args):
            parent.insert(idx + 1 + offset, el)

    def get_text(self, separator="", strip=False, types=None):
        return separator.join(self._all_strings(strip, types))

    getText = get_text

    @property
    def text(self):
        return self.get_text()

    @property
    def stripped_strings(self):
        for s in self._all_strings(True):
            yield s


class NavigableString(str, PageElement):
    PREFIX = ""
    SUFFIX = ""

    def __new__(cls, value):
        return str.__new__(cls, value)

    def __getnewargs__(self):
        return (str(self),)

    def __copy__(self):
        return type(self)(self)

    def __eq__(self, other):
        return str.__eq__(self, other)

    def __hash__(self):
        return str.__hash__(self)

    def __repr__(self):
        return str.__repr__(self)

    def output_ready(self, formatter="minimal"):
        return self.PREFIX + (_escape_text(self) if formatter == "minimal" else str(self)) + self.SUFFIX

    @property
    def name(self):
        return None

    @property
    def string(self):
        return self

    @property
    def strings(self):
        yield from self._all_strings()

    def _all_strings(self, strip=False, types=None):
        value = str(self).strip() if strip else str(self)
        if value or not strip:
            yield value

    def get_text(self, separator="", strip=False, types=None):
        return separator.join(self._all_strings(strip, types))

    @property
    def text(self):
        return self.get_text()

    def find_all(self, *a, **k):
        return ResultSet(None)


class PreformattedString(NavigableString):
    def output_ready(self, formatter="minimal"):
        return self.PREFIX + str(self) + self.SUFFIX


class CData(PreformattedString):
    PREFIX = "<![CDATA["
    SUFFIX = "]]>"


class ProcessingInstruction(PreformattedString):
    PREFIX = "<?"
    SUFFIX = ">"


class Comment(PreformattedString):
    PREFIX = "<!--"
    SUFFIX = "-->"


class Declaration(PreformattedString):
    PREFIX = "<?"
    SUFFIX = "?>"


class Doctype(PreformattedString):
    PREFIX = "<!DOCTYPE "
    SUFFIX = ">\n"


class Stylesheet(NavigableString):
    def output_ready(self, formatter="minimal"):
        return str(self)


class Script(NavigableString):
    def output_ready(self, formatter="minimal"):
        return str(self)


class TemplateString(NavigableString):
    pass


class RubyTextString(NavigableString):
    pass


class RubyParenthesisString(NavigableString):
    pass


STRING_CONTAINERS = {"script": Script, "style": Stylesheet, "template": TemplateString, "rt": RubyTextString,
                     "rp": RubyParenthesisString}


class Tag(PageElement):
    """An HTML tag, with its attributes and contents."""

    def __init__(self, parser=None, builder=None, name=None, namespace=None, prefix=None, attrs=None, parent=None,
                 previous=None, is_xml=False, sourceline=None, sourcepos=None, can_be_empty_element=None,
                 cdata_list_attributes=None, preserve_whitespace_tags=None, interesting_string_types=None,
                 namespaces=None):
        self.name = name
        self.namespace = namespace
        self.prefix = prefix
        self.attrs = dict(attrs) if attrs else {}
        self.contents = []
        self.parent = parent
        self.hidden = False
        self.sourceline = sourceline
        self.sourcepos = sourcepos
        self.can_be_empty_element = (name in VOID_ELEMENTS) if can_be_empty_element is None else can_be_empty_element
        self.interesting_string_types = (STRING_CONTAINERS.get(name, NavigableString)
                                         if interesting_string_types is None else interesting_string_types)

    parserClass = None

    def _relink(self):
        prev = None
        for c in self.contents:
            c.parent = self
            c.previous_sibling = prev
            if prev is not None:
                prev.next_sibling = c
            prev = c
        if prev is not None:
            prev.next_sibling = None

    # -- attribute access
    def __getitem__(self, key):
        return self.attrs[key]

    def __setitem__(self, key, value):
        self.attrs[key] = value

    def __delitem__(self, key):
        self.attrs.pop(key, None)

    def get(self, key, default=None):
        return self.attrs.get(key, default)

    def get_attribute_list(self, key, default=None):
        value = self.get(key, default)
        if not isinstance(value, list):
            value = [value]
        return value

    def has_attr(self, key):
        return key in self.attrs

    def __contains__(self, x):
        return x in self.contents

    def __len__(self):
        return len(self.contents)

    def __iter__(self):
        return iter(self.contents)

    def __bool__(self):
        return True

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Tag):
            return False
        return (self.name == other.name and self.attrs == other.attrs and len(self.contents) == len(other.contents)
                and all(a == b for a, b in zip(self.contents, other.contents)))

    def __ne__(self, other):
        return not self == other

    def __call__(self, *args, **kwargs):
        return self.find_all(*args, **kwargs)

    def __getattr__(self, tag):
        if len(tag) > 3 and tag.endswith("Tag"):
            tag = tag[:-3]
        if tag.startswith("__") or tag in ("contents", "attrs", "name", "parent"):
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{tag}'")
        return self.find(tag)

    # -- contents
    @property
    def children(self):
        return iter(self.contents)

    @property
    def descendants(self):
        stack = list(reversed(self.contents))
        while stack:
            node = stack.pop()
            yield node
            if isinstance(node, Tag):
                stack.extend(reversed(node.contents))

    @property
    def is_empty_element(self):
        return len(self.contents) == 0 and self.can_be_empty_element

    isSelfClosing = is_empty_element

    @property
    def string(self):
        if len(self.contents) != 1:
            return None
        child = self.contents[0]
        if isinstance(child, NavigableString):
            return child
        return child.string

    @string.setter
    def string(self, value):
        self.clear()
        self.append(value if isinstance(value, NavigableString) else NavigableString(value))

    @property
    def strings(self):
        yield from self._all_strings()

    def _all_strings(self, strip=False, types=None):
        if types is None:
            types = self.interesting_string_types
        for d in self.descendants:
            if not isinstance(d, NavigableString):
                continue
            if types is not None and type(d) is not types and not (
                    isinstance(types, tuple) and type(d) in types):
                continue
            value = d.strip() if strip else d
            if strip and len(value) == 0:
                continue
            yield str(value)

    def append(self, tag):
        self.insert(len(self.contents), tag)

    def extend(self, tags):
        for t in list(tags):
            self.append(t)

    def insert(self, position, new_child):
        if new_child is None:
            raise ValueError("Cannot insert None into a tag.")
        if new_child is self:
            raise ValueError("Cannot insert a tag into itself.")
        if isinstance(new_child, str) and not isinstance(new_child, NavigableString):
            new_child = NavigableString(new_child)
        if new_child.parent is not None:
            if new_child.parent is self and self.index(new_child) < position:
                position -= 1
            new_child.extract()
        self.contents.insert(position, new_child)
        self._relink()

    def index(self, element):
        for i, child in enumerate(self.contents):
            if child is element:
                return i
        raise ValueError("Tag.index: element not in tag")

    def clear(self, decompose=False):
        for c in list(self.contents):
            c.extract()

    def unwrap(self):
        parent = self.parent
        idx = parent.index(self)
        children = list(self.contents)
        self.extract()
        for offset, c in enumerate(children):
            parent.insert(idx + offset, c)
        return self

    replace_with_children = unwrap

    def smooth(self):
        pass

    # -- searching
    def find(self, name=None, attrs={}, recursive=True, string=None, **kwargs):
        r = self.find_all(name, attrs, recursive, string, 1, _stacklevel=3, **kwargs)
        return r[0] if r else None

    findChild = find

    def find_all(self, name=None, attrs={}, recursive=True, string=None, limit=None, _stacklevel=2, **kwargs):
        if "text" in kwargs and string is None:
            string = kwargs.pop("text")
        gen = self.descendants if recursive else iter(self.contents)
        return self._find_in(gen, name, attrs, string, limit, kwargs)

    findAll = find_all
    findChildren = find_all

    def select(self, selector, namespaces=None, limit=None, **kwargs):
        from .css import select
        return ResultSet(None, select(self, selector, limit))

    def select_one(self, selector, namespaces=None, **kwargs):
        r = self.select(selector, limit=1)
        return r[0] if r else None

    @property
    def css(self):
        return _CSS(self)

    # -- output
    def _attr_string(self):
        parts = []
        for key in sorted(self.attrs):
            val = self.attrs[key]
            if val is None:
                parts.append(key)
                continue
            if isinstance(val, (list, tuple)):
                val = " ".join(val)
            parts.append(f"{key}={_quoted_attr(str(val))}")
        return (" " + " ".join(parts)) if parts else ""

    def decode(self, indent_level=None, eventual_encoding="utf-8", formatter="minimal", iterator=None):
        pretty = indent_level is not None and indent_level is not False
        if pretty:
            lines = []
            self._pretty(lines, 0 if indent_level is True else int(indent_level))
            return "\n".join(lines)
        return self._flat(formatter)

    def _open(self):
        if self.is_empty_element:
            return f"<{self._qname()}{self._attr_string()}/>"
        return f"<{self._qname()}{self._attr_string()}>"

    def _qname(self):
        return f"{self.prefix}:{self.name}" if self.prefix else self.name

    def _flat(self, formatter="minimal"):
        if self.hidden:
            return "".join(c._flat(formatter) if isinstance(c, Tag) else c.output_ready(formatter)
                           for c in self.contents)
        if self.is_empty_element:
            return self._open()
        inner = "".join(c._flat(formatter) if isinstance(c, Tag) else c.output_ready(formatter)
                        for c in self.contents)
        return f"{self._open()}{inner}</{self._qname()}>"

    def _pretty(self, lines, level):
        pad = " " * level
        if self.name in PRESERVE_WHITESPACE:
            lines.append(pad + self._flat())
            return
        if not self.hidden:
            lines.append(pad + self._open())
            if self.is_empty_element:
                return
        inner = level if self.hidden else level + 1
        for c in self.contents:
            if isinstance(c, Tag):
                c._pretty(lines, inner)
            else:
                if isinstance(c, Doctype):
                    lines.append(" " * inner + c.output_ready().rstrip("\n"))
                    continue
                text = c.output_ready() if isinstance(c, PreformattedString) else _escape_text(str(c).strip())
                if isinstance(c, (Script, Stylesheet)):
                    text = str(c).strip()
                if text.strip():
                    lines.append(" " * inner + text)
        if not self.hidden:
            lines.append(pad + f"</{self._qname()}>")

    def prettify(self, encoding=None, formatter="minimal"):
        out = self.decode(True, formatter=formatter)
        return out if encoding is None else out.encode(encoding)

    def encode(self, encoding="utf-8", indent_level=None, formatter="minimal", errors="xmlcharrefreplace"):
        return self.decode(indent_level, formatter=formatter).encode(encoding, errors)

    def decode_contents(self, indent_level=None, eventual_encoding="utf-8", formatter="minimal"):
        return "".join(c._flat(formatter) if isinstance(c, Tag) else c.output_ready(formatter) for c in self.contents)

    def encode_contents(self, indent_level=None, encoding="utf-8", formatter="minimal"):
        return self.decode_contents(indent_level, formatter=formatter).encode(encoding)

    def renderContents(self, encoding="utf-8", prettyPrint=False, indentLevel=0):
        return self.encode_contents(encoding=encoding)

    def __str__(self):
        return self.decode()

    __repr__ = __str__
    __unicode__ = __str__


class _CSS:
    def __init__(self, tag):
        self.tag = tag

    def select(self, selector, namespaces=None, limit=0, flags=0, **kwargs):
        return self.tag.select(selector, limit=limit or None)

    def select_one(self, selector, namespaces=None, flags=0, **kwargs):
        return self.tag.select_one(selector)

    def iselect(self, selector, namespaces=None, limit=0, flags=0, **kwargs):
        return iter(self.select(selector, limit=limit))

    def closest(self, selector, namespaces=None, flags=0, **kwargs):
        from .css import matches
        node = self.tag
        while node is not None and isinstance(node, Tag) and node.name != "[document]":
            if matches(node, selector):
                return node
            node = node.parent
        return None

    def match(self, selector, namespaces=None, flags=0, **kwargs):
        from .css import matches
        return matches(self.tag, selector)

    def filter(self, selector, namespaces=None, flags=0, **kwargs):
        from .css import matches
        return ResultSet(None, [c for c in self.tag.contents if isinstance(c, Tag) and matches(c, selector)])


class ResultSet(list):
    """A ResultSet is just a list that keeps track of the SoupStrainer that created it."""

    def __init__(self, source, result=()):
        super().__init__(result)
        self.source = source

    def __getattr__(self, key):
        raise AttributeError(
            f"ResultSet object has no attribute '{key}'. You're probably treating a list of elements like a "
            "single element. Did you call find_all() when you meant to call find()?")


def _match_value(pattern, value, is_class=False):
    """Does an attribute (or name/string) value match a find_all filter?"""
    if pattern is True:
        return value is not None
    if pattern is False:
        return value is None
    if pattern is None:
        return True
    if isinstance(value, list):
        if any(_match_value(pattern, v) for v in value):
            return True
        value = " ".join(value)
    if callable(pattern) and not isinstance(pattern, re.Pattern):
        return bool(pattern(value))
    if value is None:
        return False
    if isinstance(pattern, re.Pattern):
        return pattern.search(value) is not None
    if isinstance(pattern, (list, tuple, set, frozenset)):
        return any(_match_value(p, value) for p in pattern)
    if isinstance(pattern, bytes):
        pattern = pattern.decode()
    return str(value) == str(pattern)


class SoupStrainer:
    """Encapsulates a number of ways of matching a markup element (tag or string)."""

    def __init__(self, name=None, attrs={}, string=None, **kwargs):
        if string is None and "text" in kwargs:
            string = kwargs.pop("text")
        self.name = name
        attrs = dict(attrs) if isinstance(attrs, dict) else ({"class": attrs} if attrs else {})
        if "class_" in kwargs:
            attrs["class"] = kwargs.pop("class_")
        attrs.update(kwargs)
        self.attrs = attrs
        self.string = string

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name!r} attrs={self.attrs!r} string={self.string!r}>"

    def _match_tag(self, tag):
        name = self.name
        if name is not None and name is not True:
            if callable(name) and not isinstance(name, re.Pattern):
                if not name(tag):
                    return False
            elif not _match_value(name, tag.name):
                return False
        for key, pattern in self.attrs.items():
            value = tag.attrs.get(key)
            if callable(pattern) and not isinstance(pattern, re.Pattern) and pattern not in (True, False):
                if not pattern(value if not isinstance(value, list) else " ".join(value)):
                    return False
                continue
            if not _match_value(pattern, value, key == "class"):
                return False
        if self.string is not None:
            s = tag.string
            if s is None or not _match_value(self.string, str(s)):
                return False
        return True

    def match(self, el):
        if isinstance(el, Tag):
            if self.name is None and not self.attrs and self.string is not None:
                return False
            return self._match_tag(el)
        if isinstance(el, NavigableString):
            if self.name is not None or self.attrs:
                return False
            if self.string is None:
                return False
            return _match_value(self.string, str(el))
        return False

    search = match
