"""Find the Python-looking blocks of a corpus tutorial, the way a careful human reviewer reads them.

This is a reviewer's aid for establishing expected.yaml, not the checker: it knows the forms the
corpus uses (fences of any python-ish info string, fences in list items and block quotes, Liquid
`{% highlight python %}` blocks) and turns each block into something CPython can run:
  - line-number gutters are stripped;
  - `>>>` transcripts are run example by example (see run_blocks.py);
  - pasted output after a marker line (`# Output`, `# 결과`, `---`, `>> ...`) or trailing lines that
    are not Python are cut off;
  - top-level `await` outside a transcript is run Jupyter-style (autoawait).
"""
import ast
import re

PY_INFO = re.compile(r'^(python3?|py3?|pycon|pyrepl)\b', re.I)
FENCE = re.compile(r'^(?P<prefix>(?:[ \t]*>[ \t]?|[ \t]*(?:[-*+]|\d+[.)])[ \t]+|[ \t]+)*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$')
LIQUID_OPEN = re.compile(r'^\s*\{%-?\s*highlight\s+(?P<lang>\w+)[^%]*%\}\s*$')
LIQUID_CLOSE = re.compile(r'^\s*\{%-?\s*endhighlight\s*-?%\}\s*$')
OUTPUT_MARKER = re.compile(r'^\s*(#+\s*(output|outputs|result|results|결과|출력|출력 결과|실행 결과|输出|输出结果|运行结果|実行結果|出力)\s*[:：]?\s*$|-{3,}\s*$)', re.I)


def strip_prefix(line, prefix):
    """Remove the container prefix (block quote markers, list indentation) of the opening fence."""
    quotes = prefix.count('>')
    out = line
    for _ in range(quotes):
        out = re.sub(r'^[ \t]*>[ \t]?', '', out, count=1)
    width = len(re.sub(r'[ \t]*>[ \t]?', '', prefix))
    # list items: the content is indented by the width of the marker
    spaces = len(out) - len(out.lstrip(' '))
    return out[min(width, spaces):]


def find_blocks(text):
    lines = text.split('\n')
    blocks = []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = FENCE.match(line)
        lq = LIQUID_OPEN.match(line)
        if m:
            fence, info, prefix = m.group('fence'), m.group('info').strip(), m.group('prefix')
            j = i + 1
            body = []
            while j < len(lines):
                inner = strip_prefix(lines[j], prefix)
                if inner.strip().startswith(fence[0] * len(fence)) and inner.strip().strip(fence[0]) == '':
                    break
                body.append(inner)
                j += 1
            if PY_INFO.match(info):
                blocks.append({'line': i + 1, 'info': info.split()[0], 'body': '\n'.join(body)})
            i = j + 1
            continue
        if lq:
            j = i + 1
            body = []
            while j < len(lines) and not LIQUID_CLOSE.match(lines[j]):
                body.append(lines[j])
                j += 1
            if lq.group('lang').lower() in ('python', 'py', 'python3', 'pycon'):
                blocks.append({'line': i + 1, 'info': 'liquid:' + lq.group('lang'), 'body': '\n'.join(body)})
            i = j + 1
            continue
        i += 1
    return blocks


def strip_gutter(body):
    """Line numbers in front of every line: cut at the column where the code starts (the narrowest
    number-plus-spaces prefix), so indentation after the gutter survives left- or right-aligned numbers."""
    lines = body.split('\n')
    content = [l for l in lines if l.strip()]
    if not content or not all(re.match(r'^\s*\d+(\s|$)', l) for l in content):
        return body, False
    if all(re.match(r'^\s*\d+\t', l) for l in content if re.sub(r'^\s*\d+', '', l).strip()):  # tab-separated gutter
        return '\n'.join(re.sub(r'^\s*\d+\t?', '', l) for l in lines), True
    with_code = [re.match(r'^\s*\d+ *', l).group(0) for l in content if re.sub(r'^\s*\d+', '', l).strip()]
    col = min(len(p) for p in with_code) if with_code else 0
    return '\n'.join(l[col:] if re.sub(r'^\s*\d+', '', l).strip() else '' for l in lines), True


def compiles(code, flags=0):
    try:
        compile(code, '<block>', 'exec', flags=flags, dont_inherit=True)
        return True
    except SyntaxError:
        return False


def cut_echoed_values(code, cut):
    """Output pasted right after the final `asyncio.run(...)` that happens to parse as Python (`cba`,
    `[0, 1, 4]`): bare expressions that call nothing, after the last top-level asyncio.run line."""
    lines = code.split('\n')
    runs = [k for k, l in enumerate(lines) if l.startswith('asyncio.run(')]
    if not runs:
        return code, cut
    k = runs[-1] + 1
    tail = [l for l in lines[k:] if l.strip()]
    if not tail:
        return code, cut
    try:
        tree = ast.parse('\n'.join(lines[k:]))
    except SyntaxError:
        return code, cut
    if all(isinstance(n, ast.Expr) and not any(isinstance(x, ast.Call) for x in ast.walk(n)) for n in tree.body):
        return '\n'.join(lines[:k]), '\n'.join(lines[k:]) + ('\n' + cut if cut else '')
    return code, cut


def prepare(body):
    """-> dict(mode=transcript|exec|autoawait|none, code=..., gutter=bool, cut=str)"""
    code, gutter = strip_gutter(body)
    if any(l.startswith('>>>') for l in code.split('\n')):
        return {'mode': 'transcript', 'code': code, 'gutter': gutter, 'cut': ''}
    lines = code.split('\n')
    for k, l in enumerate(lines):
        if OUTPUT_MARKER.match(l) or l.startswith('>> '):
            if compiles('\n'.join(lines[:k])) or compiles('\n'.join(lines[:k]), ast.PyCF_ALLOW_TOP_LEVEL_AWAIT):
                code, cut = '\n'.join(lines[:k]), '\n'.join(lines[k:])
                break
    else:
        cut = ''
        k = len(lines)
        while k > 0 and not (compiles('\n'.join(lines[:k])) or compiles('\n'.join(lines[:k]), ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)):
            k -= 1
        if k < len(lines) and k > 0:
            code, cut = '\n'.join(lines[:k]), '\n'.join(lines[k:])
    code, cut = cut_echoed_values(code, cut)
    if compiles(code):
        mode = 'exec'
    elif compiles(code, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT):
        mode = 'autoawait'
    else:
        mode = 'none'
    return {'mode': mode, 'code': code, 'gutter': gutter, 'cut': cut}
