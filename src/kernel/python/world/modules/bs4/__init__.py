"""Stand-in for Beautiful Soup 4, building its tree with the standard library's html.parser
(the parser real bs4 uses for 'html.parser'). lxml and html5lib are not available here, so
asking for them raises FeatureNotFound, as real bs4 does when they are not installed."""

import re
import warnings
from html.parser import HTMLParser

from .element import (CData, Comment, Declaration, Doctype, NavigableString, PageElement,  # noqa: F401
                      ProcessingInstruction, ResultSet, Script, SoupStrainer, Stylesheet, STRING_CONTAINERS, Tag,
                      TemplateString, MULTI_VALUED, VOID_ELEMENTS)

__version__ = "4.14.2"
__all__ = ["BeautifulSoup", "Tag", "NavigableString", "Comment", "CData", "Doctype", "ResultSet", "SoupStrainer",
           "FeatureNotFound", "GuessedAtParserWarning", "MarkupResemblesLocatorWarning", "UnicodeDammit"]


class FeatureNotFound(ValueError):
    """Exception raised by the BeautifulSoup constructor if no parser with the requested features is found."""


class ParserRejectedMarkup(Exception):
    pass


class GuessedAtParserWarning(UserWarning):
    """The warning issued when BeautifulSoup has to guess what parser to use."""


class MarkupResemblesLocatorWarning(UserWarning):
    """The warning issued when BeautifulSoup is given 'markup' that actually looks like a resource locator."""


class XMLParsedAsHTMLWarning(UserWarning):
    pass


_HTML_PARSER_NAMES = {"html.parser", "html", "html5", "fast", "permissive", "strict"}
_NO_PARSER_WARNING = (
    "No parser was explicitly specified, so I'm using the best available HTML parser for this system "
    "(\"html.parser\"). This usually isn't a problem, but if you run this code on another system, or in a "
    "different virtual environment, it may use a different parser and behave differently.\n\n"
    "The code that caused this warning is on line {line_number} of the file {filename}. To get rid of this "
    "warning, pass the additional argument 'features=\"html.parser\"' to the BeautifulSoup constructor.\n")


ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"
PRESERVE_WHITESPACE = {"pre", "textarea"}


class _TreeBuilder(HTMLParser):
    def __init__(self, soup, multi_valued):
        super().__init__(convert_charrefs=True)
        self.soup = soup
        self.stack = [soup]
        self.multi_valued = multi_valued
        self.pending = []  # text since the last markup event, as bs4's current_data

    def _attrs(self, tag, attrs):
        out = {}
        multi = self.multi_valued.get("*", set()) | self.multi_valued.get(tag, set())
        for k, v in attrs:
            if v is None:
                v = ""
            if k in multi:
                v = v.split()
            if k not in out:
                out[k] = v
        return out

    def _append(self, node):
        self._end_data()
        self.stack[-1].contents.append(node)
        node.parent = self.stack[-1]

    def _end_data(self):
        # As bs4's endData: text between two markup events becomes one string, and a string of
        # ASCII whitespace only becomes "\n" (if it has a newline) or " ", except inside <pre>
        # and <textarea>.
        if not self.pending:
            return
        data = "".join(self.pending)
        self.pending = []
        if not data.strip(ASCII_SPACES) and not any(t.name in PRESERVE_WHITESPACE for t in self.stack[1:]):
            data = "\n" if "\n" in data else " "
        container = STRING_CONTAINERS.get(self.stack[-1].name, NavigableString)
        node = container(data)
        self.stack[-1].contents.append(node)
        node.parent = self.stack[-1]

    def handle_starttag(self, tag, attrs, handle_empty_element=True):
        line, col = self.getpos()
        t = Tag(None, None, tag, attrs=self._attrs(tag, attrs), parent=self.stack[-1], sourceline=line,
                sourcepos=col)
        self._append(t)
        if tag in VOID_ELEMENTS and handle_empty_element:
            return
        self.stack.append(t)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs, handle_empty_element=True)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        self._end_data()
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].name == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.pending.append(data)

    def close(self):
        super().close()
        self._end_data()

    def handle_comment(self, data):
        self._append(Comment(data))

    def handle_decl(self, decl):
        if decl.lower().startswith("doctype"):
            self._append(Doctype(decl[len("doctype"):].strip()))
        else:
            self._append(Declaration(decl))

    def unknown_decl(self, data):
        if data.upper().startswith("CDATA["):
            self._append(CData(data[len("CDATA["):]))
        else:
            self._append(Declaration(data))

    def handle_pi(self, data):
        self._append(ProcessingInstruction(data))


def _relink_all(tag):
    tag._relink()
    for c in tag.contents:
        if isinstance(c, Tag):
            _relink_all(c)


class BeautifulSoup(Tag):
    """A data structure representing a parsed HTML document (parsed with html.parser)."""

    ROOT_TAG_NAME = "[document]"
    DEFAULT_BUILDER_FEATURES = ["html", "fast"]

    def __init__(self, markup="", features=None, builder=None, parse_only=None, from_encoding=None,
                 exclude_encodings=None, element_classes=None, **kwargs):
        if "parser" in kwargs and features is None:
            features = kwargs.pop("parser")
        requested = features
        if isinstance(features, str):
            features = [features]
        if builder is not None and not isinstance(builder, str):
            features = ["html.parser"]
        if features:
            for f in features:
                if f not in _HTML_PARSER_NAMES:
                    raise FeatureNotFound(
                        f"Couldn't find a tree builder with the features you requested: {','.join(features)}. "
                        "Do you need to install a parser library?")
        elif requested is None:
            import sys
            frame = sys._getframe(1)
            warnings.warn(_NO_PARSER_WARNING.format(line_number=frame.f_lineno,
                                                    filename=frame.f_code.co_filename),
                          GuessedAtParserWarning, stacklevel=2)
        super().__init__(name=self.ROOT_TAG_NAME)
        self.hidden = 1
        self.builder = None
        self.is_xml = False
        self.known_xml = False
        self.parse_only = parse_only
        self.original_encoding = None
        self.declared_html_encoding = None
        self.contains_replacement_characters = False
        if hasattr(markup, "read"):
            markup = markup.read()
        if isinstance(markup, bytes):
            enc = from_encoding or "utf-8"
            try:
                markup = markup.decode(enc)
                self.original_encoding = enc
            except UnicodeDecodeError:
                markup = markup.decode("windows-1252", "replace")
                self.original_encoding = "windows-1252"
        markup = str(markup)
        if len(markup) <= 256 and ("<" not in markup) and re.match(r"^(https?://|[\w./\\-]+\.(html?|xml|txt)$)",
                                                                      markup.strip()):
            warnings.warn(
                "The input looks more like a URL than markup. You may want to use an HTTP client like requests "
                "to get the document behind the URL, and feed that document to Beautiful Soup."
                if markup.strip().startswith("http") else
                "The input looks more like a filename than markup. You may want to open this file and pass the "
                "filehandle into Beautiful Soup.", MarkupResemblesLocatorWarning, stacklevel=2)
        self.markup = markup
        tb = _TreeBuilder(self, kwargs.get("multi_valued_attributes", MULTI_VALUED) or {})
        tb.feed(markup)
        tb.close()
        _relink_all(self)
        if parse_only is not None:
            kept = [d for d in self.descendants if parse_only.match(d)]
            top = [d for d in kept if not any(p in kept for p in d.parents)]
            for c in list(self.contents):
                c.extract()
            for d in top:
                d.extract()
                self.append(d)

    def new_tag(self, name, namespace=None, nsprefix=None, attrs={}, sourceline=None, sourcepos=None,
                string=None, **kwattrs):
        attrs = dict(attrs)
        attrs.update(kwattrs)
        tag = Tag(None, None, name, namespace, nsprefix, attrs, sourceline=sourceline, sourcepos=sourcepos)
        if string is not None:
            tag.string = string
        return tag

    def new_string(self, s, subclass=None):
        return (subclass or NavigableString)(s)

    def reset(self):
        self.contents = []

    def decode(self, pretty_print=False, eventual_encoding="utf-8", formatter="minimal", iterator=None):
        if pretty_print:
            lines = []
            self._pretty(lines, 0)
            return "\n".join(lines)
        return self._flat(formatter)

    def prettify(self, encoding=None, formatter="minimal"):
        out = self.decode(True, formatter=formatter)
        return out if encoding is None else out.encode(encoding)

    def __copy__(self):
        return type(self)(self.decode(), "html.parser")


_s = BeautifulSoup
_soup = BeautifulSoup


class UnicodeDammit:
    def __init__(self, markup, known_definite_encodings=(), **kwargs):
        self.markup = markup
        for enc in list(known_definite_encodings) + ["utf-8", "windows-1252"]:
            try:
                self.unicode_markup = markup.decode(enc) if isinstance(markup, bytes) else markup
                self.original_encoding = enc if isinstance(markup, bytes) else None
                break
            except UnicodeDecodeError:
                continue
