import type { DocumentSubject, Finding } from '@mcp-auth-playground/core';
import { memo } from 'react';
import { SUBJECT_TITLES } from '../documents.ts';
import { sameFindings } from '../state/sameFindings.ts';
import { FindingItem } from '../../../components/FindingItem.tsx';

const SUBJECT_ORDER = Object.keys(SUBJECT_TITLES) as DocumentSubject[];
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

interface FindingsListProps {
  findings: readonly Finding[];
  onReveal: (finding: Finding) => void;
}

/** Redraw only when the list says something new; each evaluation makes new finding objects. */
function sameProps(previous: FindingsListProps, next: FindingsListProps): boolean {
  return previous.onReveal === next.onReveal && sameFindings(previous.findings, next.findings);
}

/** Every finding, grouped by the document it is about, the most severe first in each group. */
export const FindingsList = memo(function FindingsList({ findings, onReveal }: FindingsListProps) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const groups = SUBJECT_ORDER.map((subject) => ({
    subject,
    findings: findings
      .filter((finding) => finding.subject === subject)
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]),
  })).filter((group) => group.findings.length > 0);

  return (
    <section className="panel findings" aria-labelledby="findings-title">
      <h2 id="findings-title" tabIndex={-1}>
        Findings
      </h2>
      {findings.length === 0 ? (
        <p className="empty">No findings: the documents follow the rules the playground checks.</p>
      ) : (
        <>
          <p className="summary">
            {counts.error} {counts.error === 1 ? 'error' : 'errors'}, {counts.warning}{' '}
            {counts.warning === 1 ? 'warning' : 'warnings'}, {counts.info}{' '}
            {counts.info === 1 ? 'note' : 'notes'}. Select a finding to put the cursor on it.
          </p>
          {groups.map((group) => (
            <div key={group.subject} className="finding-group">
              <h3>{SUBJECT_TITLES[group.subject]}</h3>
              <ul className="findings-items">
                {group.findings.map((finding, index) => (
                  <FindingItem
                    key={`${index}:${finding.id}`}
                    finding={finding}
                    testId="finding"
                    onReveal={onReveal}
                  />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}, sameProps);
