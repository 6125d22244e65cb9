// What counting CPU work would cost: runs CPU-bound cells of the guide's kind in a plain Pyodide
// (no kernel), bare and under each way CPython 3.14 offers to count executed code, and prints the
// slowdown of each (best of three runs in CPU time, each beside a bare run). The figures behind the kernel's CPU-time design
// (README, "The kernel"). Usage: node scripts/cpu-clock-cost.ts [--n 1000000]
import { loadPyodide } from 'pyodide';

const args = process.argv.slice(2);
const n = args[0] === '--n' ? Number(args[1]) : 1_000_000;
if (!Number.isInteger(n) || n <= 0) {
  console.error('usage: node scripts/cpu-clock-cost.ts [--n COUNT]');
  process.exit(2);
}

const PROGRAM = String.raw`
import sys
from cpu_clock import seconds as cpu_seconds
M = sys.monitoring
E = M.events
N = ${n}

def genexpr():
    return sum(i * i for i in range(N))

def loop():
    s = 0
    for i in range(N):
        s += i * i
    return s

def calls():
    def sq(i):
        return i * i
    s = 0
    for i in range(N // 4):
        s += sq(i)
    return s

WORKLOADS = {"sum(i*i for i in range(N))": genexpr, "for-loop s += i*i": loop, "for-loop calling sq(i), N/4": calls}
count = 0

def bump(*args):
    global count
    count += 1

def tracer(frame, event, arg):
    global count
    count += 1
    return tracer

def opcode_tracer(frame, event, arg):
    global count
    frame.f_trace_opcodes = True
    count += 1
    return opcode_tracer

TOOL = 5

def monitor(events):
    def on():
        M.use_tool_id(TOOL, "cost")
        for event in events:
            M.register_callback(TOOL, event, bump)
        mask = 0
        for event in events:
            mask |= event
        M.set_events(TOOL, mask)
    def off():
        M.set_events(TOOL, 0)
        M.free_tool_id(TOOL)
    return on, off

APPROACHES = {
    "bare": (lambda: None, lambda: None),
    "monitoring INSTRUCTION": monitor([E.INSTRUCTION]),
    "monitoring LINE": monitor([E.LINE]),
    "monitoring JUMP+BRANCH_LEFT/RIGHT": monitor([E.JUMP, E.BRANCH_LEFT, E.BRANCH_RIGHT]),
    "monitoring JUMP (back-edges) + PY_START/RESUME": monitor([E.JUMP, E.PY_START, E.PY_RESUME]),
    "monitoring PY_START+PY_RESUME (per call)": monitor([E.PY_START, E.PY_RESUME]),
    "monitoring CALL (per call, incl. C)": monitor([E.CALL]),
    "settrace (call+line)": (lambda: sys.settrace(tracer), lambda: sys.settrace(None)),
    "settrace + f_trace_opcodes": (lambda: sys.settrace(opcode_tracer), lambda: sys.settrace(None)),
    "setprofile (calls incl. C)": (lambda: sys.setprofile(tracer), lambda: sys.setprofile(None)),
}

def run(work, on, off):
    global count
    count = 0
    on()
    t0 = cpu_seconds()
    work()
    elapsed = cpu_seconds() - t0
    off()
    return elapsed, count

def measure(work, on, off):
    """Best of three, each run paired with a bare one: a machine shared with other work slows
    runs at random, so the bare figure is taken beside each instrumented one."""
    bare, timed, counted = [], [], 0
    for _ in range(3):
        bare.append(run(work, *APPROACHES["bare"])[0])
        elapsed, counted = run(work, on, off)
        timed.append(elapsed)
    return min(bare), min(timed), counted

print(sys.version.split()[0], "N =", N)
for label, work in WORKLOADS.items():
    print(f"\n{label}")
    for name, (on, off) in APPROACHES.items():
        if name == "bare":
            continue
        base, elapsed, counted = measure(work, on, off)
        print(f"  {name:48s} bare {base * 1000:5.0f} ms CPU, counted {elapsed * 1000:6.0f} ms  x{elapsed / base:5.1f}  {counted:>10,d} events")
`;

const pyodide = await loadPyodide({ stdout: (line: string) => console.log(line), stderr: (line: string) => console.error(line) } as never);
// The process's CPU time, not the wall clock: on a machine shared with other work the wall clock
// of the same run varies by 4x, the CPU time spent on it much less.
pyodide.registerJsModule('cpu_clock', { seconds: () => { const { user, system } = process.cpuUsage(); return (user + system) / 1e6; } });
await pyodide.runPythonAsync(PROGRAM);
