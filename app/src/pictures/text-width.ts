// SVG text does not wrap, and a picture must know its size before it is drawn (so the page does
// not move when the lazy chunk arrives). Widths are estimated from character classes, on the
// generous side of common sans-serif faces, so a line never spills out of its box.

const NARROW = new Set(" ilIjtfr.,:;'!|()[]`");
const WIDE = new Set('mwMW@%');

/** Estimated width of `text` in pixels at `fontSize`; every character alike in a monospace face. */
export function textWidth(text: string, fontSize: number, monospace = false): number {
  if (monospace) return [...text].length * 0.62 * fontSize;
  let ems = 0;
  for (const char of text) {
    if (NARROW.has(char)) ems += 0.34;
    else if (WIDE.has(char)) ems += 0.92;
    else if (char >= 'A' && char <= 'Z') ems += 0.72;
    else ems += 0.6;
  }
  return ems * fontSize;
}

/**
 * Breaks `text` into lines no wider than `width`, at spaces; a word wider than a line is cut
 * where it must be. Empty text gives one empty line.
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line !== '') lines.push(line);
    line = '';
  };
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, fontSize) <= width) {
      line = candidate;
      continue;
    }
    push();
    let rest = word;
    while (textWidth(rest, fontSize) > width) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), fontSize) > width) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  push();
  return lines.length > 0 ? lines : [''];
}

/** `text` cut with an ellipsis to fit `width`. */
export function fitText(text: string, width: number, fontSize: number, monospace = false): string {
  if (textWidth(text, fontSize, monospace) <= width) return text;
  let cut = text.length;
  while (cut > 0 && textWidth(`${text.slice(0, cut)}…`, fontSize, monospace) > width) cut -= 1;
  return `${text.slice(0, cut)}…`;
}
