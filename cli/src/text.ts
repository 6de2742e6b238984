// Plain-text layout for an 80-column terminal: wrapping at word boundaries and tables whose
// cells wrap inside their column.

export const WIDTH = 80;

/**
 * Splits `text` into lines of at most `width` characters, breaking at spaces. A word longer than
 * the width (a URL) keeps its own line rather than being cut, so it can still be copied.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** `text` wrapped to fit after `indent` spaces within `width`, each line indented. */
export function indented(text: string, indent: number, width = WIDTH): string[] {
  const pad = ' '.repeat(indent);
  return wrap(text, Math.max(20, width - indent)).map((line) => pad + line);
}

export interface Column {
  header: string;
  width: number;
}

/**
 * Rows laid out under headers, each cell wrapped within its column and padded; columns are
 * separated by two spaces and the last one is not padded. `decorate` styles a cell's lines
 * after layout, so escape sequences never count towards a width.
 */
export function table(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  decorate: (row: number, column: number, line: string) => string = (_row, _column, line) => line,
  header: (line: string) => string = (line) => line,
): string[] {
  const out: string[] = [];
  const join = (cells: readonly string[]) => cells.join('  ').trimEnd();
  out.push(
    header(join(columns.map((column, index) => pad(column.header, column, index, columns)))),
  );
  rows.forEach((row, rowIndex) => {
    const wrapped = columns.map((column, index) => wrap(row[index] ?? '', column.width));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    for (let lineIndex = 0; lineIndex < height; lineIndex++) {
      out.push(
        join(
          columns.map((column, index) => {
            const line = wrapped[index]?.[lineIndex] ?? '';
            return decorate(rowIndex, index, line) + padding(line, column, index, columns);
          }),
        ),
      );
    }
  });
  return out;
}

function padding(text: string, column: Column, index: number, columns: readonly Column[]) {
  return index === columns.length - 1 ? '' : ' '.repeat(Math.max(0, column.width - text.length));
}

function pad(text: string, column: Column, index: number, columns: readonly Column[]) {
  return text + padding(text, column, index, columns);
}
