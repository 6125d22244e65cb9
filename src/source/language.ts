// Is a ```python block really Python? Documents sometimes put shell commands or a Java comparison
// in a python fence. Such code is not run (or only its Python part is), and the reason is shown.

const SHELL = /^\s*(\$\s+)?(pip3?|python3?|npm|uvicorn|poetry|conda|brew|apt(-get)?|curl)\s/;
const FOREIGN_LINE = /^\s*(\/\/|\/\*|public\s+class|import\s+java\.|[A-Z]\w*<[^>]+>\s+\w+\s*=|System\.out|console\.log\(|#include\b)/;

function foreignLanguage(line: string): string {
  if (/CompletableFuture|System\.out|import java|Thread\.sleep|@\w+Mapping|Mono</.test(line)) return 'Java';
  if (/console\.log|=>/.test(line)) return 'JavaScript';
  return 'another language';
}

export interface LanguageCheck {
  notPython: string | null;
  runCode: string;
  partial: { fromLine: number; language: string; reason: string } | null;
}

export function checkLanguage(code: string): LanguageCheck {
  const lines = code.split('\n');
  const meaningful = lines.filter((l) => l.trim() && !l.trim().startsWith('#'));
  if (meaningful.length > 0 && meaningful.every((l) => SHELL.test(l))) {
    return { notPython: 'shell commands, not Python', runCode: '', partial: null };
  }
  const firstForeign = lines.findIndex((l) => FOREIGN_LINE.test(l));
  if (firstForeign < 0) return { notPython: null, runCode: code, partial: null };
  // Cut at the section header that introduces the foreign part (`# ===== Java ... =====`), if any.
  let cut = firstForeign;
  while (cut > 0 && (lines[cut - 1]!.trim() === '' || lines[cut - 1]!.trim().startsWith('#'))) cut--;
  const language = foreignLanguage(lines.slice(firstForeign).join('\n'));
  const prefix = lines.slice(0, cut).join('\n').trimEnd();
  if (!prefix.split('\n').some((l) => l.trim() && !l.trim().startsWith('#'))) {
    return { notPython: `${language}, not Python`, runCode: '', partial: null };
  }
  return {
    notPython: null,
    runCode: prefix + '\n',
    partial: { fromLine: cut + 1, language, reason: `from line ${cut + 1} the block is ${language}, shown for comparison; only the Python part runs` },
  };
}
