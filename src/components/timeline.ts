// The page side of timelines: Mermaid (about 190 KiB of script) loads only when a timeline comes
// within a screen of the viewport, each diagram is drawn as it nears, and the drawn SVG gets an
// accessible name and a link to its table. The runner redraws a timeline after a run with
// `showTimeline`. Nothing here imports the emit (its Markdown code would join the page's script).
import { MERMAID_CONFIG } from './mermaid-config.ts';
import { mermaidModuleUrl } from './mermaid-module.ts';
import { LAYOUT } from './timeline-layout.ts';
import { timelineLabels, type TimelineLocale } from './timeline-labels.ts';

type Mermaid = (typeof import('mermaid'))['default'];
/** The installed Mermaid's version, set by the build (astro.config.mjs `vite.define`). */
declare const __MERMAID_VERSION__: string;
let loading: Promise<Mermaid> | null = null;

function mermaid(): Promise<Mermaid> {
  // Mermaid's own build, served beside the pages (mermaid-module.ts): not part of the page's bundle.
  loading ??= (import(/* @vite-ignore */ mermaidModuleUrl(__MERMAID_VERSION__)) as Promise<typeof import('mermaid')>).then(({ default: m }) => {
    m.initialize(MERMAID_CONFIG);
    return m;
  });
  return loading;
}

/**
 * d3 writes milliseconds with three digits (`0.500 s`, `1.000 s`); the axis reads `0.5 s`, `1 s`.
 * The gantt text picks the step (src/emit/gantt.ts `axisFor`), this only shortens its labels.
 */
export function compactTick(label: string): string {
  return label.replace(/^(\d+)\.(\d*?)0*(\s\S+)$/, (_, whole: string, fraction: string, unit: string) => `${whole}${fraction ? `.${fraction}` : ''}${unit}`);
}

/**
 * On a screen narrower than the drawing (a phone) the bars scroll sideways in their box and the
 * row names would scroll away with them: once the box is scrolled, a copy of the names (plain
 * text, hidden from screen readers: the SVG and the table name the rows) stays at its left edge.
 */
function pinNames(pre: HTMLElement, svg: SVGSVGElement): void {
  const scroll = pre.closest<HTMLElement>('.timeline-scroll');
  if (!scroll) return;
  scroll.querySelector(':scope > .timeline-names')?.remove();
  const origin = svg.getBoundingClientRect();
  const names = document.createElement('div');
  names.className = 'timeline-names';
  names.setAttribute('aria-hidden', 'true');
  const ground = document.createElement('div');
  ground.className = 'timeline-names-ground';
  ground.style.width = `${LAYOUT.leftPadding - 14}px`;
  ground.style.height = `${origin.height}px`;
  names.append(ground);
  for (const title of svg.querySelectorAll<SVGTextElement>('text.sectionTitle')) {
    const box = title.getBoundingClientRect();
    const span = document.createElement('span');
    span.textContent = title.textContent;
    span.style.top = `${box.top - origin.top}px`;
    span.style.left = `${box.left - origin.left}px`;
    span.style.lineHeight = `${box.height}px`;
    ground.append(span);
  }
  scroll.prepend(names);
  const update = () => scroll.classList.toggle('timeline-scrolled', scroll.scrollLeft > 0);
  if (!scroll.dataset.pinned) {
    scroll.dataset.pinned = '';
    scroll.addEventListener('scroll', update, { passive: true });
  }
  update();
}

/** Draws one `pre.mermaid`; its `data-name` and `data-table` become the SVG's name and description. */
export async function drawDiagram(pre: HTMLElement): Promise<void> {
  const m = await mermaid();
  try {
    await m.run({ nodes: [pre] });
  } catch (error) {
    console.error('the timeline could not be drawn', error);
    return;
  }
  const svg = pre.querySelector('svg');
  if (!svg) return;
  for (const tick of svg.querySelectorAll('.tick text')) tick.textContent = compactTick(tick.textContent ?? '');
  pinNames(pre, svg);
  // Mermaid marks the SVG as a structured document; to a screen reader it is one picture, whose
  // content the table says.
  svg.setAttribute('role', 'img');
  svg.removeAttribute('aria-roledescription');
  if (pre.dataset.name) svg.setAttribute('aria-label', pre.dataset.name);
  if (pre.dataset.table) svg.setAttribute('aria-describedby', pre.dataset.table);
}

/**
 * Half a screen above and below the viewport: near enough that Mermaid (loaded on the first
 * approach) and the drawing are ready as the reader scrolls there, far enough that a reader who
 * stays at the top of a chapter does not load Mermaid for a diagram a screen further down.
 */
const NEAR = '50% 0px 50% 0px';

export function watchTimelines(root: ParentNode = document): void {
  const boxes = [...root.querySelectorAll<HTMLElement>('[data-timeline]')].filter((b) => b.querySelector('pre.mermaid:not([data-processed])'));
  if (boxes.length === 0) return;
  const draw = (box: Element) => {
    const pre = box.querySelector<HTMLElement>('pre.mermaid:not([data-processed])');
    if (pre) void drawDiagram(pre);
  };
  if (typeof IntersectionObserver === 'undefined') {
    boxes.forEach(draw);
    return;
  }
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      draw(entry.target);
    }
  }, { rootMargin: NEAR });
  boxes.forEach((box) => observer.observe(box));
}

/** What the runner passes: the emit's `Timeline` (src/emit/gantt.ts), structurally. */
export interface TimelineData {
  gantt: string;
  name: string;
  height: number;
  rows: { label: string; started: number; ended: number; waited: string[]; outcome: string; count: number }[];
}

function cell(tag: 'td' | 'th', text: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

/** The table rows, as Cell.astro writes them at build time: text only. */
export function fillTable(table: HTMLTableElement, data: TimelineData, locale: TimelineLocale): void {
  const t = timelineLabels[locale];
  const s = (x: number) => t.seconds(x.toFixed(3));
  const head = document.createElement('tr');
  for (const h of [t.table.task, t.table.started, t.table.waited, t.table.ended]) head.append(cell('th', h));
  const body = document.createElement('tbody');
  for (const row of data.rows) {
    const tr = document.createElement('tr');
    tr.append(cell('th', row.label), cell('td', s(row.started)), cell('td', row.waited.join(', ') || t.table.nothing), cell('td', `${s(row.ended)} · ${row.outcome}`));
    body.append(tr);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  table.replaceChildren(thead, body);
}

/** Redraws a cell's timeline box (`[data-timeline]`, as Cell.astro writes it) from new data. */
export async function showTimeline(box: HTMLElement, data: TimelineData, locale: TimelineLocale): Promise<void> {
  const table = box.querySelector<HTMLTableElement>('table');
  if (table) fillTable(table, data, locale);
  const pre = document.createElement('pre');
  pre.className = 'mermaid';
  pre.textContent = data.gantt;
  pre.dataset.name = data.name;
  const details = box.querySelector('details');
  if (details?.id) pre.dataset.table = details.id;
  const scroll = box.querySelector<HTMLElement>('.timeline-scroll');
  if (scroll) scroll.style.minHeight = `${data.height}px`;
  const old = box.querySelector('pre.mermaid');
  if (old) old.replaceWith(pre);
  else (scroll ?? box).prepend(pre);
  await drawDiagram(pre);
}
