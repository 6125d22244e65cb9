"""Runs chapter notebooks top to bottom in real Jupyter (nbclient + ipykernel) and prints one JSON
verdict per notebook on stdout: which code cells ran, which raised and with what.

    /usr/bin/python3 test/emit/run-notebook.py NOTEBOOK.ipynb [MORE.ipynb ...] [--keep-going]
    /usr/bin/python3 test/emit/run-notebook.py --code-key NOTEBOOK.ipynb [MORE.ipynb ...]

By default the notebook runs as `jupyter nbconvert --execute` would, with allow_errors=False: a
cell tagged `raises-exception` may raise, any other error stops the run there (status "failed",
the failing cell listed with its ename). --keep-going runs every cell whatever raises, to see all
of a notebook's failures at once. Each notebook runs in a fresh kernel in a scratch directory, so
what one notebook writes cannot change the next; notebooks given together run one after another,
the next one's kernel starting while the current one runs (a kernel takes about a second to boot).

--code-key prints, per notebook, a digest of what runs: each code cell's tokens without comments,
and its tags. Two notebooks with the same key run the same code (the English notebook of a chapter
differs from the Korean one in its prose and its comments), so one run answers for both.
"""
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
import time
import tokenize

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def code_key(path):
    nb = nbformat.read(path, as_version=4)
    digest = hashlib.sha256()
    for cell in nb.cells:
        if cell.cell_type != 'code':
            continue
        tags = sorted(cell.get('metadata', {}).get('tags', []))
        try:
            tokens = [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(cell.source).readline)
                      if t.type not in (tokenize.COMMENT, tokenize.NL)]
        except (tokenize.TokenError, SyntaxError, IndentationError):
            tokens = [('source', cell.source)]
        digest.update(json.dumps([tags, tokens], ensure_ascii=False).encode())
        digest.update(b'\0')
    return digest.hexdigest()


def start_kernel():
    """A kernel booting in a scratch directory of its own, for the next notebook; the error instead
    when it cannot start (the notebook it was for is then reported with it, not lost)."""
    from jupyter_client.manager import KernelManager
    scratch = tempfile.mkdtemp(prefix='nb-run-')
    try:
        km = KernelManager(kernel_name='python3')
        km.start_kernel(cwd=scratch)
    except Exception as e:  # noqa: BLE001 - reported as that notebook's verdict
        shutil.rmtree(scratch, ignore_errors=True)
        return e
    return km, scratch


def run(path, keep_going, kernel):
    """The notebook's verdict. Whatever goes wrong around the notebook (a kernel that does not
    start or answer in time on a busy machine) is its verdict too, so the rest of the list runs."""
    if isinstance(kernel, Exception):
        return {'notebook': path, 'status': 'kernel-failed', 'message': repr(kernel)[-2000:],
                'code_cells': 0, 'executed': 0, 'failed': [], 'cells': [], 'seconds': 0}
    try:
        return run_in(path, keep_going, kernel)
    except Exception as e:  # noqa: BLE001 - reported, and the next notebook still runs
        km, _ = kernel
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        return {'notebook': path, 'status': 'runner-error', 'message': repr(e)[-2000:],
                'code_cells': 0, 'executed': 0, 'failed': [], 'cells': [], 'seconds': 0}


def run_in(path, keep_going, kernel):
    nb = nbformat.read(path, as_version=4)
    km, scratch = kernel
    cells = []

    def executed(cell, cell_index, execute_reply=None, **_):
        errors = [o for o in cell.get('outputs', []) if o.get('output_type') == 'error']
        tags = cell.get('metadata', {}).get('tags', [])
        expected = 'raises-exception' in tags
        entry = {'index': cell_index, 'id': cell.get('id'), 'expected_raise': expected}
        if errors:
            entry['status'] = 'expected-raise' if expected else 'raised'
            entry['ename'] = errors[0].get('ename')
            entry['evalue'] = errors[0].get('evalue', '')[:500]
        else:
            entry['status'] = 'ok'
        cells.append(entry)

    started = time.monotonic()
    try:
        # A kernel that boots while the machine is busy may take longer than nbclient's 60 s.
        client = NotebookClient(nb, km=km, kernel_name='python3', timeout=120, startup_timeout=300,
                                allow_errors=keep_going,
                                resources={'metadata': {'path': scratch}},
                                on_cell_executed=executed)
        verdict = {'notebook': path, 'status': 'ok'}
        try:
            client.execute()
        except CellExecutionError as e:
            verdict['status'] = 'failed'
            verdict['message'] = str(e)[-2000:]
        except CellTimeoutError as e:
            verdict['status'] = 'timeout'
            verdict['message'] = str(e)[-2000:]
        except DeadKernelError as e:
            verdict['status'] = 'dead-kernel'
            verdict['message'] = str(e)[-2000:]
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=True)
        shutil.rmtree(scratch, ignore_errors=True)
    if keep_going and any(c['status'] == 'raised' for c in cells):
        verdict['status'] = 'failed'
    verdict['code_cells'] = sum(1 for c in nb.cells if c.cell_type == 'code')
    verdict['executed'] = len(cells)
    verdict['failed'] = [c for c in cells if c['status'] == 'raised']
    verdict['cells'] = cells
    verdict['seconds'] = round(time.monotonic() - started, 2)
    return verdict


def main(argv):
    keep_going = '--keep-going' in argv
    keys = '--code-key' in argv
    paths = [a for a in argv if not a.startswith('--')]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    if keys:
        for path in paths:
            print(json.dumps({'notebook': os.path.abspath(path), 'key': code_key(path)}, ensure_ascii=False), flush=True)
        return 0
    worst = 0
    kernel = start_kernel()
    for i, path in enumerate(paths):
        current, kernel = kernel, (start_kernel() if i + 1 < len(paths) else None)
        verdict = run(os.path.abspath(path), keep_going, current)
        print(json.dumps(verdict, ensure_ascii=False), flush=True)
        if verdict['status'] != 'ok':
            worst = 1
    return worst


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
