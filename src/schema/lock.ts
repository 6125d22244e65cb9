// The lock file: `content/check.lock.json`, written by `npm run check -- --update`, committed.
//
//   {
//     "runtime": { "pyodide": "314.0.7", "kernel": "f4df84418e20b3d4", "python": "3.14" },
//     "cells": {
//       "<slug>/<cell key>": { "file": "content/ko/<slug>.md", "line": 76, "verdict": "ran",
//                              "key": "00fa105d", "output": "[0.000] …", "cpuMs": 3.6, "needs": [] }
//     }
//   }
//
// Each cell's verdict and output as they were accepted; any difference fails the check until
// `--update` accepts the new state. The program writes it, people review it: unknown fields are
// kept (a newer version may have added them), wrong ones are an error naming the file and line.
import { z } from 'astro/zod';
import { CELL_KEY } from './settings.ts';

const CELL_ID = new RegExp(`^[^/]+/${CELL_KEY.source.slice(1)}`);

export const VERDICTS = ['verified', 'drift', 'ran', 'expected-error', 'error', 'hangs', 'skipped'] as const;

export const lockEntrySchema = z.looseObject({
  file: z.string().min(1).describe('The document, relative to the working directory.'),
  line: z.number().int().positive().describe("The line of the block's opening fence."),
  verdict: z.enum(VERDICTS).describe('The verdict when the state was accepted.'),
  key: z.string().regex(CELL_KEY, { error: "must be the cell key (8 hex digits of the sha256 of the block's code, then -2, -3… for repeats)" })
    .describe('The cell key: the entry applies while the code is unchanged.'),
  output: z.string().describe('What the cell printed, one `[virtual time] text` line per output line.'),
  cpuMs: z.number().min(0).optional().describe('The real CPU cost measured when the cell was accepted: what the pages show.'),
  needs: z.array(z.string()).optional().describe('Keys of the earlier cells it needed in that run: how a check with no cache schedules it.'),
}).describe('One cell as it was accepted.');

export const lockFileSchema = z.looseObject({
  runtime: z.record(z.string(), z.string())
    .describe('The runtime that produced the entries: `pyodide` and `python` bind (a change fails the check); `kernel` is a fingerprint of the runtime files, recorded only.'),
  cells: z.record(z.string().regex(CELL_ID, { error: 'must be `<document slug>/<cell key>`' }), lockEntrySchema)
    .describe('Every cell of the checked documents, by `<slug>/<cell key>`.'),
}).describe('The accepted state of every cell.');
