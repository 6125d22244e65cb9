// An interface icon (components/icons.ts) as an element, for what the runner adds to the page.
import { ICONS, iconAttributes, type IconName } from '../icons.ts';

const SVG = 'http://www.w3.org/2000/svg';

export function iconElement(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [key, value] of Object.entries(iconAttributes(name))) svg.setAttribute(key, value);
  for (const d of ICONS[name].paths) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
