import type { Finding } from '@mcp-auth-playground/core';

function samePath(a: Finding['path'], b: Finding['path']): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((segment, index) => segment === b[index]);
}

function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.id === b.id &&
    a.severity === b.severity &&
    a.subject === b.subject &&
    a.message === b.message &&
    a.cite?.url === b.cite?.url &&
    a.cite?.title === b.cite?.title &&
    samePath(a.path, b.path)
  );
}

/**
 * Whether two lists say exactly the same things. Every evaluation makes new finding objects,
 * mostly equal to the last ones; views memoised on this skip a keystroke that changed nothing
 * they show.
 */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((finding, index) => {
    const other = b[index];
    return other !== undefined && sameFinding(finding, other);
  });
}
