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

/**
 * A standalone SVG document of `svg` as it looks now: computed colours and fonts inlined, the
 * page's background behind it, links kept (they point at the spec), nothing else external.
 */
export function standaloneSvg(svg: SVGSVGElement, background: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  copy.setAttribute('xmlns', SVG_NS);
  const backdrop = document.createElementNS(SVG_NS, 'rect');
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

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  downloadText(standaloneSvg(svg, backgroundOf(svg)), fileName, 'image/svg+xml');
}
