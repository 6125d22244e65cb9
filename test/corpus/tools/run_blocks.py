"""Run every Python block of the corpus in a real CPython and record what happens.

    ~/.pyenv/versions/3.13.0/bin/python test/corpus/tools/run_blocks.py [FILE.md ...]

Writes test/corpus/tools/cpython-runs.json (one record per block: the code that ran, each stdout line
with the real seconds since the block started, stderr, the exception, the elapsed time, and for
transcripts each example's expected and actual echo) and prints a readable report. Blocks of one
document share a namespace, in order, like the checker's cells; a block that runs longer than
HANG_SECONDS is recorded as `hangs` and the document goes on in a fresh interpreter.
Nothing reads stdin (input() gets EOF). Compare the report with each document by eye and with
check_expected.py (status classes), then write the verdicts into expected.yaml.
"""
import json
import re
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
sys.path.insert(0, str(HERE))
from blocks import find_blocks, prepare  # noqa: E402

HANG_SECONDS = 12


# How a reviewer sees that the author ran a block as a file: `python main.py` (or `uv run app.py`) in
# the lines around it, or a traceback frame of a .py file after it. CPython then compiles it as a
# file, where `await` outside a function is a SyntaxError, not Jupyter's top-level await.
RUNS_FILE = re.compile(r'(?<![\w.-])(?:(?:uv|poetry|pipenv)\s+run\s+(?:python[\d.]*\s+)?|(?:python[\d.]*|py)\s+)(?:-\w+\s+)*[\w./~-]+\.py\b|File "[^"<]+\.py", line \d+')


def runs_as_file(lines, block, next_line):
    end = block['line'] + len(block['body'].split('\n')) + 1  # the closing fence, 1-based
    before = lines[max(0, block['line'] - 4):block['line'] - 1]
    after = lines[end:min(len(lines), next_line - 1, end + 25)]
    return any(RUNS_FILE.search(l) for l in before + after)


def run_document(path):
    text = path.read_text(encoding='utf8')
    blocks = [dict(b, **prepare(b['body'])) for b in find_blocks(text)]
    lines = text.split('\n')
    for k, b in enumerate(blocks):
        next_line = blocks[k + 1]['line'] if k + 1 < len(blocks) else len(lines) + 1
        if b['mode'] == 'autoawait' and runs_as_file(lines, b, next_line):
            b['mode'] = 'exec'
    records = []
    start = 0
    hung = set()
    while start < len(blocks):
        # After a hang: a fresh interpreter, which first replays (silently) the earlier blocks that ended.
        replay = [b for k, b in enumerate(blocks[:start]) if k not in hung]
        payload = json.dumps({'replay': replay, 'blocks': blocks[start:]})
        proc = subprocess.Popen([sys.executable, str(HERE / 'child.py')], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd='/tmp')
        proc.stdin.write(payload + '\n')
        proc.stdin.close()
        done = 0
        import selectors
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ)
        while done < len(blocks) - start:
            if not sel.select(HANG_SECONDS):
                proc.kill()
                b = blocks[start + done]
                records.append({'line': b['line'], 'info': b['info'], 'mode': b['mode'], 'gutter': b['gutter'],
                                'code': b['code'], 'cut': b['cut'], 'status': 'hangs', 'stdout': [], 'stderr': '',
                                'elapsed': HANG_SECONDS, 'exception': None, 'examples': []})
                hung.add(start + done)
                done += 1
                break
            line = proc.stdout.readline()
            if not line:
                break
            records.append(json.loads(line))
            done += 1
        proc.wait()
        start += done if done else 1
    return {'file': str(path.relative_to(CORPUS)), 'blocks': records}


def main():
    files = [Path(a).resolve() for a in sys.argv[1:]] or sorted(CORPUS.glob('*/*.md'))
    with ThreadPoolExecutor(8) as pool:
        docs = list(pool.map(run_document, files))
    out = HERE / 'cpython-runs.json'
    old = {}
    if out.exists() and sys.argv[1:]:
        old = {d['file']: d for d in json.loads(out.read_text())['documents']}
    for d in docs:
        old[d['file']] = d
    out.write_text(json.dumps({'python': sys.version.split()[0], 'documents': [old[k] for k in sorted(old)]},
                              ensure_ascii=False, indent=1) + '\n')
    for d in docs:
        print(f"===== {d['file']}")
        for r in d['blocks']:
            print(f"--- line {r['line']} [{r['info']}] mode={r['mode']} gutter={r['gutter']} status={r['status']} elapsed={r['elapsed']:.3f}")
            for o in r['stdout']:
                print(f"  [{o[0]:6.3f}] {o[1]}")
            if r['exception']:
                print(f"  !! {r['exception']}")
            for ex in r.get('examples', []):
                if not ex['ok']:
                    print(f"  transcript mismatch: {ex['source']!r}\n     want {ex['want']!r}\n     got  {ex['got']!r}")


if __name__ == '__main__':
    main()
