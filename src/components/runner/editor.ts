// The in-place code editor (CodeMirror 6 with Python highlighting). Loaded only when a reader
// clicks Edit: nothing of it is on the page before.
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { python } from '@codemirror/lang-python';
import { classHighlighter } from '@lezer/highlight';

export interface EditorHandle {
  view: EditorView;
  get code(): string;
  set code(text: string);
  focus(): void;
  /** The caret at a line (0-based) and column of the code. */
  caretAt(line: number, column: number): void;
}

const theme = EditorView.theme({
  // The --code-* variables are the static code block's computed style (set by the runner when it
  // opens the editor over that block), so editing does not change how the code looks.
  '&': { fontSize: 'var(--code-font-size, var(--sl-text-code, 0.875rem))', backgroundColor: 'var(--code-background, var(--sl-color-gray-6))', color: 'var(--code-color, var(--sl-color-white))' },
  '.cm-content': { fontFamily: 'var(--code-font-family, var(--__sl-font-mono, monospace))', lineHeight: 'var(--code-line-height, 1.65)', caretColor: 'currentColor' },
  '.cm-gutters': { backgroundColor: 'var(--code-background, var(--sl-color-gray-6))', color: 'var(--sl-color-gray-3)', border: 'none', lineHeight: 'var(--code-line-height, 1.65)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--sl-color-accent) 8%, transparent)' },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent)' },
  '.cm-scroller': { maxHeight: '32rem', overflow: 'auto' },
});

export function createEditor(parent: HTMLElement, code: string, on: { change: (code: string) => void; run: () => void; label: string }): EditorHandle {
  const run = () => {
    on.run();
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: code,
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(), indentOnInput(), bracketMatching(),
        indentUnit.of('    '), python(), syntaxHighlighting(classHighlighter), theme,
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run }, { key: 'Shift-Enter', run }])),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ 'aria-label': on.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) on.change(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    get code() {
      return view.state.doc.toString();
    },
    set code(text: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus() {
      view.focus();
    },
    caretAt(line: number, column: number) {
      const doc = view.state.doc;
      const at = doc.line(Math.min(Math.max(line + 1, 1), doc.lines));
      view.dispatch({ selection: { anchor: at.from + Math.min(Math.max(column, 0), at.length) }, scrollIntoView: true });
    },
  };
}
