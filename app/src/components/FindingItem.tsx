import type { Finding } from '@mcp-auth-playground/core';
import { ExternalLink } from './ExternalLink.tsx';
import { InlineCode } from './InlineCode.tsx';

const SEVERITY = {
  error: { icon: '✖', text: 'Error' },
  warning: { icon: '▲', text: 'Warning' },
  info: { icon: 'ℹ', text: 'Note' },
} as const;

/** A JSON path as a reader writes it: scopes_supported[1], jwks.keys[0].d. */
export function pathText(path: readonly (string | number)[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`,
    )
    .join('');
}

interface FindingItemProps {
  finding: Finding;
  /** Set for the findings list (a public contract); refusals elsewhere leave it off. */
  testId: 'finding' | undefined;
  /** Puts the cursor on the finding's path; absent where there is nothing to go to. */
  onReveal?: (finding: Finding) => void;
}

export function FindingItem({ finding, testId, onReveal }: FindingItemProps) {
  const severity = SEVERITY[finding.severity];
  const path = finding.path && finding.path.length > 0 ? pathText(finding.path) : undefined;
  return (
    <li
      className={`finding finding-${finding.severity}`}
      data-testid={testId}
      data-finding-id={testId ? finding.id : undefined}
    >
      <div className="finding-head">
        <span className={`severity severity-${finding.severity}`}>
          <span aria-hidden="true">{severity.icon}</span> {severity.text}
        </span>
        <code className="finding-id">{finding.id}</code>
        {path && (
          <span className="finding-path">
            at <code>{path}</code>
          </span>
        )}
      </div>
      {onReveal ? (
        <button type="button" className="finding-message" onClick={() => onReveal(finding)}>
          <InlineCode text={finding.message} />
          <span className="visually-hidden"> Show it in the editor.</span>
        </button>
      ) : (
        <p className="finding-message">
          <InlineCode text={finding.message} />
        </p>
      )}
      {finding.cite && (
        <p className="finding-cite">
          <ExternalLink href={finding.cite.url}>{finding.cite.title}</ExternalLink>
        </p>
      )}
    </li>
  );
}
