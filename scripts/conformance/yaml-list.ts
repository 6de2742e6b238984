/**
 * The string entries of one top-level list in a YAML document of the shape the conformance
 * suite's requirement sets and baselines use (`key:` then `  - entry` lines, `#` comments, or
 * `key: []`). Nested mappings under the list are skipped. Enough for those two files, so the
 * scripts need no YAML library of their own.
 */
export function readYamlList(text: string, key: string): string[] {
  const entries: string[] = [];
  let inside = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (line.trim() === '') continue;
    if (/^\S/.test(line)) {
      const match = /^([\w-]+):\s*(.*)$/.exec(line);
      inside = match?.[1] === key;
      if (inside && match?.[2] !== undefined && match[2] !== '' && match[2] !== '[]') {
        throw new Error(`${key}: expected a list of entries`);
      }
      continue;
    }
    const entry = /^ {2}- (\S+)$/.exec(line);
    if (inside && entry?.[1] !== undefined) entries.push(entry[1].replace(/^['"]|['"]$/g, ''));
  }
  return entries;
}
