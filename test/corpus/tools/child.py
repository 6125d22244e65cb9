"""One document's blocks in one interpreter (see run_blocks.py). Reads JSON on stdin, writes one
JSON record per block on the real stdout."""
import ast
import asyncio
import doctest
import io
import json
import re
import sys
import time
import traceback
import types

REAL_STDOUT = sys.stdout
PAYLOAD = sys.stdin.readline()
sys.stdin = io.StringIO("")


class Stamped(io.TextIOBase):
    """stdout that remembers when each line was completed."""
    def __init__(self, t0):
        self.t0, self.buf, self.lines = t0, '', []

    def write(self, s):
        self.buf += s
        while '\n' in self.buf:
            line, self.buf = self.buf.split('\n', 1)
            self.lines.append([round(time.monotonic() - self.t0, 3), line])
        return len(s)

    def flush(self):
        pass

    def close_out(self):
        if self.buf:
            self.lines.append([round(time.monotonic() - self.t0, 3), self.buf])
            self.buf = ''


ns = {'__name__': '__main__'}
loop = None  # the persistent loop of transcripts and autoawait blocks (like `python -m asyncio`, Jupyter)


def in_loop(c):
    """Evaluate code inside the persistent running loop, as `python -m asyncio` and ipykernel do
    (so create_task works at top level, and asyncio.run() does not)."""
    global loop
    if loop is None:
        loop = asyncio.new_event_loop()

    async def runner():
        r = eval(c, ns)
        if isinstance(r, types.CoroutineType):
            r = await r
        return r
    return loop.run_until_complete(runner())


def needs_await(source):
    try:
        compile(source, '<stdin>', 'single', dont_inherit=True)
        return False
    except SyntaxError:
        return True


def run_transcript(code, out):
    examples = []
    parser = doctest.DocTestParser()
    checker = doctest.OutputChecker()
    examples_all = parser.get_examples(code)
    asyncio_repl = 'python -m asyncio' in code or any(needs_await(e.source) for e in examples_all)
    # `python -m asyncio` prompts are `>>>` too; `...` continues.
    for ex in examples_all:
        before = len(out.lines)
        out.buf = ''
        err = None
        try:
            c = compile(ex.source, '<stdin>', 'single', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
            in_loop(c) if asyncio_repl else eval(c, ns)
        except BaseException as e:  # noqa: BLE001 - a transcript shows any exception
            err = e
            out.write('Traceback (most recent call last):\n  ...\n' + ''.join(traceback.format_exception_only(type(e), e)))
        out.close_out()
        got = '\n'.join(l[1] for l in out.lines[before:])
        got = got + '\n' if got else ''
        addr = lambda t: re.sub(r'0x[0-9a-fA-F]+', '0x?', t)  # noqa: E731 - addresses differ per run
        ok = checker.check_output(addr(ex.want), addr(got), doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL)
        examples.append({'source': ex.source, 'want': ex.want, 'got': got, 'ok': ok,
                         'exception': f'{type(err).__name__}: {err}' if err else None})
    return examples


def main():
    data = json.loads(PAYLOAD)
    sink = io.StringIO()
    for b in data.get('replay', []):
        sys.stdout = sys.stderr = sink
        try:
            if b['mode'] == 'transcript':
                run_transcript(b['code'], Stamped(time.monotonic()))
            elif b['mode'] != 'none':
                c = compile(b['code'], '<block>', 'exec', flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if b['mode'] == 'autoawait' else 0, dont_inherit=True)
                in_loop(c) if b['mode'] == 'autoawait' else eval(c, ns)
        except BaseException:  # noqa: BLE001
            pass
        finally:
            sys.stdout, sys.stderr = REAL_STDOUT, sys.__stderr__
    for b in data['blocks']:
        t0 = time.monotonic()
        out = Stamped(t0)
        err = io.StringIO()
        sys.stdout, sys.stderr = out, err
        status, exc, examples = 'ok', None, []
        try:
            if b['mode'] == 'transcript':
                examples = run_transcript(b['code'], out)
                if any(e['exception'] for e in examples):
                    status, exc = 'error', next(e['exception'] for e in examples if e['exception'])
            elif b['mode'] == 'none':
                status, exc = 'syntax', 'does not compile'
            else:
                flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT if b['mode'] == 'autoawait' else 0
                c = compile(b['code'], '<block>', 'exec', flags=flags, dont_inherit=True)
                in_loop(c) if b['mode'] == 'autoawait' else eval(c, ns)
        except BaseException as e:  # noqa: BLE001
            status = 'error'
            exc = f'{type(e).__name__}: {e}'
            traceback.print_exc(file=err)
        out.close_out()
        sys.stdout, sys.stderr = REAL_STDOUT, sys.__stderr__
        rec = {'line': b['line'], 'info': b['info'], 'mode': b['mode'], 'gutter': b['gutter'], 'code': b['code'],
               'cut': b['cut'], 'status': status, 'stdout': out.lines, 'stderr': err.getvalue()[-3000:],
               'elapsed': round(time.monotonic() - t0, 3), 'exception': exc, 'examples': examples}
        REAL_STDOUT.write(json.dumps(rec, ensure_ascii=False) + '\n')
        REAL_STDOUT.flush()


main()
