// `node:fs` plus `globSync`, for Node versions whose fs has no `globSync` (it arrived in Node 22).
// The conformance suite's CLI imports `globSync` by name from 'fs'; on Node 20 that import fails at
// link time, before any of its commands run. suite.mjs points the suite's 'fs' at this module.
// The suite uses it only to list result files (`**/checks.json` under a folder), so this supports
// the glob subset that needs: `*`, `?` and `**` path segments, relative to `cwd`.
import fs from 'node:fs';
import path from 'node:path';

export * from 'node:fs';
export default fs;

function segmentPattern(segment) {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Does a relative path ("a/b/c.json") match the glob's segments? `**` matches zero or more. */
function matches(pathSegments, globSegments) {
  if (globSegments.length === 0) return pathSegments.length === 0;
  const [first, ...rest] = globSegments;
  if (first === '**') {
    for (let skip = 0; skip <= pathSegments.length; skip += 1) {
      if (matches(pathSegments.slice(skip), rest)) return true;
    }
    return false;
  }
  if (pathSegments.length === 0 || !segmentPattern(first).test(pathSegments[0])) return false;
  return matches(pathSegments.slice(1), rest);
}

export function globSync(pattern, options = {}) {
  const cwd = options.cwd ? String(options.cwd) : process.cwd();
  const patterns = Array.isArray(pattern) ? pattern : [pattern];
  const globs = patterns.map((each) =>
    each.split('/').filter((part) => part !== '' && part !== '.'),
  );
  const found = [];
  for (const entry of fs.readdirSync(cwd, { recursive: true })) {
    const relative = String(entry).split(path.sep).join('/');
    if (globs.some((glob) => matches(relative.split('/'), glob))) found.push(relative);
  }
  return found.sort();
}
