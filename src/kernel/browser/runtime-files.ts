// The Python runtime for the browser: the very files the Node host reads from src/kernel/python/
// (see ../node/runtime-files.ts), bundled as text by Vite. One source of truth.
import type { RuntimeFiles } from '../engine.ts';

const modules = import.meta.glob<string>(
  ['../python/**/*.py', '!../python/**/tests/**', '!../python/**/__pycache__/**', '!../python/**/.*'],
  { query: '?raw', import: 'default', eager: true },
);

export const runtimeFiles: RuntimeFiles = Object.fromEntries(
  Object.entries(modules).map(([path, text]) => [path.replace(/^\.\.\/python\//, ''), text]),
);
