// How the author ran a block, when the document shows it: as a file (`$ python main.py` in a
// terminal after it or in its prose, or a traceback it shows from `File "main.py"`). Such a block is
// compiled as CPython compiles a file, where `await` outside a function is a SyntaxError; any other
// block runs as a notebook cell, with top-level await.
import type { RootContent } from 'mdast';
import type { StatedOutput } from './model.ts';

// `python main.py`, `python3 -u app.py`, `uv run app.py`, `py demo.py`, after a prompt or none.
const COMMAND = /(?<![\w.-])(?:(?:uv|poetry|pipenv)\s+run\s+(?:python[\d.]*\s+)?|(?:python[\d.]*|py)\s+)(?:-[uOBWX]\S*\s+)*[\w./\\~-]+\.py(?![\w.])/i;
const PROMPT = /^\s*(?:\$|%|>|PS [^>]*>|C:\\[^>]*>)?\s*/;
const SHELL_FENCES = new Set(['', 'console', 'terminal', 'shell', 'sh', 'bash', 'zsh', 'powershell', 'cmd', 'text', 'txt', 'output', 'shell-session']);
// A frame of a file the author ran, not of the interpreter's own modules nor of a notebook cell.
const SCRIPT_FRAME = /File "(?![^"]*(?:[\\/]lib[\\/]python|site-packages|<))([^"]+\.py)", line \d+/;

/** How far past a block a terminal session may be and still be its run: a few paragraphs. */
const REACH = 4;

/**
 * What shows the block run as a file, as written (`python main.py`, `File "main.py"`), or null:
 * a terminal command as the first line of a fence within a few nodes after it (up to a heading or the
 * next python block), a command in the prose about it, or a frame of a `.py` file in a traceback it shows.
 */
export function scriptEvidence(siblings: RootContent[], index: number, prose: { text: string }[], stated: StatedOutput[]): string | null {
  for (let i = index + 1; i < siblings.length && i <= index + REACH; i++) {
    const node = siblings[i]!;
    if (node.type === 'heading' || node.type === 'thematicBreak') break;
    if (node.type !== 'code') continue;
    const lang = (node.lang ?? '').toLowerCase();
    if (!SHELL_FENCES.has(lang)) break; // another program (python, or any other language) comes first
    const first = (node.value.split('\n').find((l) => l.trim() !== '') ?? '').replace(PROMPT, '');
    const command = COMMAND.exec(first);
    if (command && command.index === 0) return command[0].trim();
  }
  for (const paragraph of prose) {
    const command = COMMAND.exec(paragraph.text);
    if (command) return command[0].trim();
  }
  for (const s of stated) {
    for (const line of s.lines) {
      const frame = SCRIPT_FRAME.exec(line.text);
      if (frame) return `File "${frame[1]}"`;
    }
  }
  return null;
}
