// Mermaid's settings for timelines, shared by the page (build-time diagrams) and the runner (redrawn
// after a run). The sizes match the layout the gantt text was made for (timeline-layout.ts):
// the drawing keeps its width (a phone scrolls it sideways in its own box, cells.css) so its text
// stays at 12px instead of shrinking with the column.
// Labels come from snippets (task names): 'strict' keeps Mermaid from rendering HTML in them or
// binding click handlers, whatever the diagram text says (src/emit/escape.ts keeps the syntax out).
import { LAYOUT } from './timeline-layout.ts';

/**
 * Colours from Starlight's custom properties, so one drawing follows the site's light and dark
 * themes, also when the reader switches after it was drawn: no redraw. Mermaid puts this after its
 * own theme's rules inside the SVG, under the SVG's id, so these win (its own use `!important` too).
 * Text is drawn in the theme's text colours on the page background or on pale/dark bar fills
 * (contrast measured by test/browser/timeline.test.ts). Waiting bars are dashed, running ones
 * solid, blocking ones thick and red: told apart without colour too.
 */
const THEME_CSS = `
  text, .sectionTitle, .taskText, .taskTextOutsideRight, .taskTextOutsideLeft, .tick text {
    font-family: var(--__sl-font, system-ui, sans-serif) !important;
  }
  .sectionTitle, .sectionTitle0, .sectionTitle1, .sectionTitle2, .sectionTitle3 { fill: var(--sl-color-white) !important; }
  .grid .tick line { stroke: var(--sl-color-gray-5) !important; opacity: 1 !important; }
  .grid .tick text { fill: var(--sl-color-gray-2) !important; font-size: ${LAYOUT.fontSize}px !important; }
  .section0, .section2 { fill: transparent !important; }
  .section1, .section3 { fill: var(--sl-color-gray-6) !important; opacity: 0.7 !important; }
  .task0, .task1, .task2, .task3 {
    fill: var(--sl-color-accent-low) !important; stroke: var(--sl-color-accent) !important;
    stroke-width: 1.5px !important; stroke-dasharray: 4 3 !important;
  }
  .active0, .active1, .active2, .active3 {
    fill: var(--sl-color-accent-high) !important; stroke: var(--sl-color-accent-high) !important; stroke-dasharray: none !important;
  }
  .crit0, .crit1, .crit2, .crit3 {
    fill: var(--sl-color-red-low) !important; stroke: var(--sl-color-red) !important; stroke-width: 3px !important; stroke-dasharray: none !important;
  }
  .done0, .done1, .done2, .done3, .doneCrit0, .doneCrit1, .doneCrit2, .doneCrit3 {
    fill: var(--sl-color-gray-6) !important; stroke: var(--sl-color-gray-3) !important; stroke-width: 1px !important; stroke-dasharray: none !important;
  }
  .doneCrit0, .doneCrit1, .doneCrit2, .doneCrit3 { fill: var(--sl-color-red-low) !important; stroke: var(--sl-color-red) !important; }
  .taskText0, .taskText1, .taskText2, .taskText3, .critText0, .critText1, .critText2, .critText3,
  .doneText0, .doneText1, .doneText2, .doneText3, .doneCritText0, .doneCritText1, .doneCritText2, .doneCritText3,
  .taskTextOutsideRight, .taskTextOutsideLeft, .taskTextOutside0, .taskTextOutside1, .taskTextOutside2, .taskTextOutside3 {
    fill: var(--sl-color-white) !important;
  }
  .activeText0, .activeText1, .activeText2, .activeText3 { fill: var(--sl-color-black) !important; }
`;

export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'neutral',
  themeCSS: THEME_CSS,
  gantt: {
    useWidth: LAYOUT.width,
    useMaxWidth: false,
    leftPadding: LAYOUT.leftPadding,
    rightPadding: LAYOUT.rightPadding,
    topPadding: LAYOUT.topPadding,
    barHeight: LAYOUT.barHeight,
    barGap: LAYOUT.barGap,
    fontSize: LAYOUT.fontSize,
    sectionFontSize: LAYOUT.fontSize,
    numberSectionStyles: 4,
    // One row per task: its bars (running, waiting, its end) side by side.
    displayMode: 'compact',
  },
} as const;
