// The interface's icons as SVG path data, drawn inline (as Starlight draws its own) rather than as
// emoji or symbol characters, which show as empty boxes where no font has them. Icon.astro renders
// them at build time, runner/icon-dom.ts in the page. Emoji that the documents' own headings hold
// are the documents' words and stay as written.

export type IconName = 'run' | 'stop' | 'replay' | 'restart' | 'notebook';

export interface IconShape {
  /** Path data on a 24×24 grid. */
  paths: string[];
  /** Filled shapes; otherwise stroked lines. */
  filled: boolean;
}

export const ICONS: Record<IconName, IconShape> = {
  run: { paths: ['M7 4.5v15l12.5-7.5z'], filled: true },
  stop: { paths: ['M6 6h12v12H6z'], filled: true },
  // A stopwatch: replay in real time.
  replay: { paths: ['M12 21a8 8 0 1 0 0-16a8 8 0 1 0 0 16z', 'M12 9v4l2.5 2', 'M10 2h4'], filled: false },
  restart: { paths: ['M4.5 12a7.5 7.5 0 1 0 2.2-5.3', 'M4.5 3.5v4h4'], filled: false },
  // A notebook with a downward arrow: the chapter as a Jupyter notebook.
  notebook: { paths: ['M6 3h12v18H6z', 'M9 3v18', 'M13.5 8v7', 'M11 12.5l2.5 2.5 2.5-2.5'], filled: false },
};

/** The attributes of an icon's <svg> element: decorative, the words beside it name the action. */
export function iconAttributes(name: IconName): Record<string, string> {
  const shape = ICONS[name];
  return {
    class: `icon icon-${name}`,
    viewBox: '0 0 24 24',
    width: '1em',
    height: '1em',
    'aria-hidden': 'true',
    focusable: 'false',
    fill: shape.filled ? 'currentColor' : 'none',
    stroke: shape.filled ? 'none' : 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
  };
}
