import type { DiscoveryResult } from '@mcp-auth-playground/core';
import { readAnything } from './applyDiscovery.ts';

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** One sentence on what a finished run did to the editors. */
export function summarize(result: DiscoveryResult): string {
  if (result.cancelled) return 'Discovery was cancelled; the editors were not changed.';
  if (!readAnything(result)) {
    return `Nothing could be read from ${result.serverUrl}, so the editors were not changed; the problems below say why.`;
  }
  const filled: string[] = [];
  const missing: string[] = [];
  (result.wwwAuthenticate !== undefined ? filled : missing).push('the challenge');
  (result.resourceMetadata !== undefined ? filled : missing).push(
    'the Protected Resource Metadata',
  );
  (result.authServerMetadata !== undefined ? filled : missing).push(
    'the Authorization Server Metadata',
  );
  const found = filled.length > 0 ? `Filled ${list(filled)} from the server` : 'Read the server';
  const absent = missing.length > 0 ? `; ${list(missing)} now show as not served` : '';
  return `${found}${absent}.`;
}
