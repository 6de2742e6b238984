import type { Finding, ScopeDecision } from '@mcp-auth-playground/core';
import { memo } from 'react';
import { InPageLink } from '../../../components/InPageLink.tsx';
import { differingCount } from '../../../shared/comparison-rows.ts';
import { ScopeValue } from '../../../components/ScopeValue.tsx';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The findings in a few words, the most severe first: "2 errors, 1 warning", "no findings". */
export function findingsCountText(findings: readonly Finding[]): string {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const parts: string[] = [];
  if (counts.error > 0) parts.push(plural(counts.error, 'error', 'errors'));
  if (counts.warning > 0) parts.push(plural(counts.warning, 'warning', 'warnings'));
  if (parts.length === 0 && counts.info > 0) parts.push(plural(counts.info, 'note', 'notes'));
  return parts.length === 0 ? 'no findings' : parts.join(', ');
}

/** "5 clients differ", or that every client agrees with the spec. */
export function differingText(comparison: readonly ScopeDecision[]): string {
  const count = differingCount(comparison);
  if (count === 0) return 'all clients agree';
  return `${plural(count, 'client differs', 'clients differ')}`;
}

interface DecisionSummaryProps {
  /** The decided scope, painted with the keystroke. */
  scope: string | undefined;
  comparison: readonly ScopeDecision[];
  findings: readonly Finding[];
}

/**
 * The answer kept in view at every width: a bar that sticks to the top of the window with the
 * decided scope, and jump links to the comparison and the findings that say what is in them.
 */
export const DecisionSummary = memo(function DecisionSummary({
  scope,
  comparison,
  findings,
}: DecisionSummaryProps) {
  return (
    <nav
      className="decision-summary"
      aria-label="The decision in short"
      data-testid="decision-summary"
    >
      <InPageLink className="summary-scope" targetId="decision-title">
        <span className="muted">scope</span>{' '}
        <ScopeValue scope={scope} testId="decision-summary-scope" expandable={false} />
        <span className="muted"> · see why</span>
      </InPageLink>
      <span className="summary-jumps">
        <InPageLink className="summary-jump" targetId="comparison-title">
          {differingText(comparison)}
        </InPageLink>
        <InPageLink className="summary-jump" targetId="findings-title">
          {findingsCountText(findings)}
        </InPageLink>
      </span>
    </nav>
  );
});
