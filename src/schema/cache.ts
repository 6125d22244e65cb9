// A cache entry: `.cache/check/<key>.json`, one cell's run as the kernel returned it (`CellRun`,
// src/kernel/types.ts), under a key made of everything that can change the run: the code, the
// earlier cells it depends on, its settings, the fixtures, the kernel and Pyodide versions.
//
//   { "status": "ok", "events": [{ "stream": "stdout", "text": "…", "t": 1 }], "result": null,
//     "error": null, "virtualSeconds": 1, "cpuMs": 3.2, "trace": { "actors": […] },
//     "statements": […], "defines": […], "imports": […], "uses": […], "world": […] }
//
// The shape is the one the host accepts from a sandbox (src/kernel/node/validate.ts), plus the
// runs of an interactive transcript's statements (`parts`), which the check merges before caching.
// A cache is only a cache: an entry that does not match is ignored (with a warning) and run again.
import { z } from 'astro/zod';
import { cellRunSchema } from '../kernel/node/validate.ts';

export const cacheEntrySchema = cellRunSchema.extend({
  parts: z.array(cellRunSchema).optional().describe("An interactive transcript's statements, each run on its own."),
}).describe('One cell run, as the kernel returned it.');
