// No bridge by construction (issue 26, route 1): the JavaScript-facing built-in modules cannot be
// made again by any import route, and what JavaScript a snippet can still reach gives it nothing:
// first with every Python-side guard in place, then with all of them off (as a snippet that undid
// them would leave the interpreter), where only the realm and the process hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from '../../src/kernel/node/pool.ts';
import { BRIDGE_MODULES } from '../../src/kernel/bridge.ts';
import type { CellRun } from '../../src/kernel/types.ts';
import { describeRun, startDocument, text } from '../kernel/helpers.ts';

const TIMEOUT = 120_000;
const REFUSED = 'EvalError: code generation from strings is not available in the sandbox';

function ok(run: CellRun): CellRun {
  expect(run.status, describeRun(run)).toBe('ok');
  return run;
}

// Every JsProxy a snippet can find without gc (class hierarchy, function globals, module dicts),
// and what `.constructor.constructor` makes of it. Layer 1 cannot refuse this walk: it is plain
// attribute access.
const PROXY_WALK = `
  import sys
  def js_values(d):
      return [v for v in list(d.values()) if type(v).__name__ == 'JsProxy' or type(type(v)).__name__ == '_JsProxyMetaClass']
  found, seen, stack = [], set(), [object]
  while stack:
      cls = stack.pop()
      if id(cls) in seen:
          continue
      seen.add(id(cls))
      try:
          stack.extend(type.__subclasses__(cls))
      except TypeError:
          pass
      for value in list(vars(cls).values()):
          g = getattr(value, '__globals__', None)
          if isinstance(g, dict) and id(g) not in seen:
              seen.add(id(g))
              found.extend(js_values(g))
  for module in list(sys.modules.values()):
      found.extend(js_values(getattr(module, '__dict__', {})))
  outcomes = set()
  for proxy in found:
      try:
          proxy.constructor.constructor("return process")()
          outcomes.add("COMPILED")
      except Exception as error:
          outcomes.add(str(error).split("\\n")[0])
  print(len(found) > 0, sorted(outcomes))
`;

describe('the bridge, with the Python guards in place', { timeout: TIMEOUT }, () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1); });
  afterAll(async () => { await pool.close(); });

  it('create_builtin makes none of the bridge modules, and they are not in builtin_module_names', async () => {
    const cell = startDocument(pool, 'create-builtin', {
      create: `
        import _imp, sys
        from importlib.machinery import BuiltinImporter, ModuleSpec
        for name in ${JSON.stringify([...BRIDGE_MODULES])}:
            print(name, _imp.create_builtin(ModuleSpec(name, BuiltinImporter)), name in sys.builtin_module_names)
        print("math", type(_imp.create_builtin(ModuleSpec("math", BuiltinImporter))).__name__)
      `,
    });
    expect(text(ok(await cell('create')))).toEqual([...BRIDGE_MODULES.map((name) => `${name} None False`), 'math module']);
  });

  it('import after emptying sys.meta_path and sys.modules still finds no bridge; no JsFinder is left', async () => {
    const cell = startDocument(pool, 'meta-path', {
      meta: `
        import sys
        print([type(f).__name__ for f in sys.meta_path if 'Js' in type(f).__name__])
        saved = list(sys.meta_path)
        from importlib.machinery import BuiltinImporter
        sys.meta_path[:] = [BuiltinImporter]
        for name in ("_pyodide_core", "js", "pyodide_js", "_ctypes", "_testinternalcapi"):
            sys.modules.pop(name, None)
            try:
                __import__(name)
                print(name, "IMPORTED")
            except ModuleNotFoundError as error:
                print(name, type(error).__name__, error)
        sys.meta_path[:] = saved
      `,
    });
    expect(text(ok(await cell('meta')))).toEqual([
      '[]',
      "_pyodide_core ModuleNotFoundError No module named '_pyodide_core'",
      "js ModuleNotFoundError No module named 'js'",
      "pyodide_js ModuleNotFoundError No module named 'pyodide_js'",
      "_ctypes ModuleNotFoundError No module named '_ctypes'",
      "_testinternalcapi ModuleNotFoundError No module named '_testinternalcapi'",
    ]);
  });

  it('every JsProxy found through class and function globals compiles no code', async () => {
    const cell = startDocument(pool, 'walk', { walk: PROXY_WALK });
    expect(text(ok(await cell('walk')))).toEqual([`True ['${REFUSED}']`]);
  });
});

describe('the bridge, with every Python guard off (the realm and the process alone)', { timeout: TIMEOUT }, () => {
  let pool: KernelPool;
  beforeAll(() => { pool = new KernelPool(1, { testPythonGuards: false, testEscapeHatch: true }); });
  afterAll(async () => { await pool.close(); });

  it('the original _pyodide_core still works, and its JavaScript objects compile no code', async () => {
    const cell = startDocument(pool, 'core', {
      core: `
        import sys
        core = sys.modules["_pyodide_core"]  # the first import's module, which the guards would have removed
        for make in (lambda: core.to_js([]), lambda: core.to_js({}), lambda: core.create_proxy(print)):
            value = make()
            try:
                value.constructor.constructor("return process")()
                print("COMPILED")
            except Exception as error:
                print(str(error).split("\\n")[0])
        try:
            import js  # unregistered by the host, guards or not
            print(sorted(n for n in dir(js) if not n.startswith("_")))
        except ModuleNotFoundError as error:
            print(error)
      `,
    });
    expect(text(ok(await cell('core')))).toEqual([REFUSED, REFUSED, REFUSED, "No module named 'js'"]);
  });

  it('a gc walk finds JsProxies, and none of them leads to the process, the global scope or fs', async () => {
    // The targets come from the test-only escape hatch (the real objects, to compare by identity);
    // the walk starts from everything else and never passes through the hatch.
    const cell = startDocument(pool, 'gc', {
      gc: { realBudget: 60, code: `
        import gc, sys
        JsProxy = sys.modules["pyodide.ffi"].JsProxy
        hatch = sys.modules["escape_hatch"]
        roots = [r for o in gc.get_objects() for r in gc.get_referents(o) if isinstance(r, JsProxy) and not r == hatch]
        fs = hatch.getBuiltinModule("fs")
        targets = {"process": hatch.process, "globalThis": hatch.globalThis, "fs": fs,
                   "readFileSync": fs.readFileSync, "child_process": hatch.getBuiltinModule("child_process")}
        seen, found, queue, outcomes = set(), set(), list(roots), set()
        while queue and len(seen) < 3000:
            value = queue.pop(0)
            if value.js_id in seen or value == hatch:
                continue
            seen.add(value.js_id)
            found.update(name for name, target in targets.items() if value == target)
            try:
                if getattr(value, "byteLength", None) is not None:
                    continue  # memory and typed arrays: numbers only, millions of indexes
                names = dir(value)
            except Exception:
                continue
            for name in names:
                try:
                    child = getattr(value, name)
                except Exception:
                    continue
                if isinstance(child, JsProxy):
                    queue.append(child)
        for value in roots:
            try:
                value.constructor.constructor("return process")()
                outcomes.add("COMPILED")
            except AttributeError:
                pass  # a null-prototype object: no constructor at all
            except Exception as error:
                outcomes.add(str(error).split("\\n")[0])
        print(len(roots) > 5, len(seen), sorted(found), sorted(outcomes))
      ` },
    });
    expect(text(ok(await cell('gc')))).toEqual([`True 3000 [] ['${REFUSED}']`]);
  });
});
