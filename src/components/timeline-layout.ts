// The timeline's drawing size, shared by the gantt text (src/emit/gantt.ts, which cuts labels and
// decides which bars hold words for this width) and Mermaid's settings (mermaid-config.ts). A module
// of its own so the page's script gets the numbers without the emit's code.
export const LAYOUT = { width: 600, leftPadding: 170, rightPadding: 40, barHeight: 20, barGap: 6, topPadding: 40, fontSize: 12 } as const;
