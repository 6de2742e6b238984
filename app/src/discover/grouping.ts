import type { DiscoveryFinding, DiscoveryResult } from '@mcp-auth-playground/core';
import { readAnything } from './applyDiscovery.ts';

/** A discovery problem, said once, with the other URLs where the same thing happened. */
export interface FindingGroup {
  finding: DiscoveryFinding;
  alsoAt: string[];
}

/** What a finding says apart from the URL it names, so the same failure at two URLs is one. */
function gist(finding: DiscoveryFinding): string {
  const message =
    finding.url === undefined ? finding.message : finding.message.replaceAll(finding.url, '');
  return `${finding.id}\n${message}`;
}

/**
 * The findings with repeats folded: a host that does not resolve fails the challenge and each
 * metadata URL the same way, and saying so three times buries what to do about it.
 */
export function groupFindings(findings: readonly DiscoveryFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = gist(finding);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { finding, alsoAt: [] });
    else if (finding.url !== undefined) group.alsoAt.push(finding.url);
  }
  return [...groups.values()];
}

/**
 * What to try after a run that read nothing, from how its requests failed; undefined when
 * something was read or the run was cancelled (the findings then say enough).
 */
export function failureAdvice(result: DiscoveryResult): string | undefined {
  if (result.cancelled || readAnything(result)) return undefined;
  const outcomes = new Set(result.attempts.map((attempt) => attempt.outcome));
  if (outcomes.has('cors')) {
    return 'The server answered, but a browser may not read its answers: send the CORS headers named below, or start the testbed (npm start) so its relay reads them.';
  }
  if (outcomes.has('timeout')) {
    return 'The server did not answer in time: check that it runs, then try again.';
  }
  if (outcomes.has('unreachable') || outcomes.has('refused')) {
    return 'Nothing answered at that address: check the URL for typos, and that the server runs and is reachable from this machine.';
  }
  return undefined;
}
