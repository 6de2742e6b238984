import { wrapText } from '../text-width.ts';

// A picture on the page takes its colours from CSS custom properties and its fonts from the
// page. Pasted into a docs page, none of that exists, so the exported copy carries every
// presentation property as computed right now (light or dark, as the reader sees it), a solid
// background, and nothing that points outside the file.

const PRESENTATION = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'stroke-opacity',
  'paint-order',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

/** Attributes that only mean something on this page (focus, handlers' hooks, test ids). */
const PAGE_ONLY = ['class', 'tabindex', 'data-testid', 'role', 'style'];

const SVG_NS = 'http://www.w3.org/2000/svg';

function inlineStyles(source: Element, copy: Element): void {
  const computed = window.getComputedStyle(source);
  const declarations = PRESENTATION.map((property) => {
    const value = computed.getPropertyValue(property);
    return value === '' ? '' : `${property}:${value}`;
  }).filter((declaration) => declaration !== '');
  for (const name of PAGE_ONLY) copy.removeAttribute(name);
  if (declarations.length > 0) copy.setAttribute('style', declarations.join(';'));
  const sources = source.children;
  const copies = copy.children;
  for (let index = 0; index < sources.length; index++) {
    const child = sources[index];
    const childCopy = copies[index];
    if (child && childCopy) inlineStyles(child, childCopy);
  }
}

const HEADING = { fontSize: 13, lineHeight: 18, padding: 8 } as const;

/**
 * Lines of text above the picture, in the page's text colour and font: what a reader of the
 * file alone needs to know (on the page, the panel around the picture says it). The picture
 * keeps its coordinates; the view box grows upwards to make room.
 */
function addHeading(svg: SVGSVGElement, copy: SVGSVGElement, heading: readonly string[]): number {
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const lines = heading.flatMap((line, index) =>
    wrapText(line, width - 2 * HEADING.padding, HEADING.fontSize + (index === 0 ? 1 : 0)).map(
      (text) => ({ text, first: index === 0 }),
    ),
  );
  if (lines.length === 0) return 0;
  const computed = window.getComputedStyle(svg);
  const height = lines.length * HEADING.lineHeight + 2 * HEADING.padding;
  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('data-heading', '');
  lines.forEach((line, index) => {
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(HEADING.padding));
    text.setAttribute(
      'y',
      String(-height + HEADING.padding + (index + 1) * HEADING.lineHeight - 4),
    );
    text.setAttribute(
      'style',
      `fill:${computed.color};font-family:${computed.fontFamily};font-size:${HEADING.fontSize + (line.first ? 1 : 0)}px;font-weight:${line.first ? 700 : 400}`,
    );
    text.textContent = line.text;
    group.append(text);
  });
  const [x = 0, y = 0, w = width, h = Number(svg.getAttribute('height'))] = (
    svg.getAttribute('viewBox') ?? ''
  )
    .split(/\s+/)
    .filter((part) => part !== '')
    .map(Number);
  copy.setAttribute('viewBox', `${x} ${y - height} ${w} ${h + height}`);
  copy.setAttribute('height', String(h + height));
  copy.append(group);
  return height;
}

/**
 * A standalone SVG document of `svg` as it looks now: computed colours and fonts inlined, the
 * page's background behind it, links kept (they point at the spec), nothing else external, and
 * `heading` as lines of text above it (the first one bold).
 */
export function standaloneSvg(
  svg: SVGSVGElement,
  background: string,
  heading: readonly string[] = [],
): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.setAttribute('xmlns', SVG_NS);
  const headingHeight = addHeading(svg, copy, heading);
  const backdrop = document.createElementNS(SVG_NS, 'rect');
  backdrop.setAttribute('y', String(-headingHeight));
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  copy.insertBefore(backdrop, copy.firstChild);
  const body = new XMLSerializer().serializeToString(copy);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}

/** The background a picture sits on: the nearest ancestor with a colour that is not transparent. */
export function backgroundOf(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const colour = window.getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(colour)) return colour;
  }
  return '#ffffff';
}

/** Saves `text` as a file through the browser's download. */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the URL can go after this task.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadSvg(
  svg: SVGSVGElement,
  fileName: string,
  heading: readonly string[] = [],
): void {
  downloadText(standaloneSvg(svg, backgroundOf(svg), heading), fileName, 'image/svg+xml');
}
