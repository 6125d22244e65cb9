// Mermaid's settings for timelines, shared by the page (build-time diagrams) and the runner (redrawn
// after a run). The left column holds each task's label, e.g. `download('파일A', 2)`: wide enough
// that labels do not run into the bars.
// Labels come from snippets (task names): 'strict' keeps Mermaid from rendering HTML in them or
// binding click handlers, whatever the diagram text says (src/emit/escape.ts keeps the syntax out).
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'neutral',
  gantt: { useWidth: 720, leftPadding: 190, sectionFontSize: 12, barHeight: 18, barGap: 6 },
} as const;
