import type { ProfileId, ScopeDecision } from '@mcp-auth-playground/core';
import { memo, useId, useState } from 'react';
import { InferredTag, ProfileSource } from './ProfileSource.tsx';
import { comparisonRows, type ComparisonRow } from '../../../shared/comparison-rows.ts';
import { ScopeValue } from '../../../components/ScopeValue.tsx';
import { Trace } from '../../../components/Trace.tsx';

function DiffersMark({ on }: { on: boolean }) {
  if (!on) return null;
  return (
    <span className="differs-mark">
      <span aria-hidden="true"> ≠</span>
      <span className="visually-hidden"> (differs from the spec)</span>
    </span>
  );
}

function ProfileRows({ row }: { row: ComparisonRow }) {
  const { profile, decision, differs, isReference, selected } = row;
  const [open, setOpen] = useState(false);
  const traceId = useId();
  return (
    <>
      <tr
        data-testid="profile-row"
        data-profile={profile.id}
        className={`${isReference ? 'reference' : ''} ${selected ? 'selected' : ''}`}
      >
        <th scope="row">
          <button
            type="button"
            className="expander"
            aria-expanded={open}
            aria-controls={traceId}
            onClick={() => setOpen(!open)}
          >
            <span className="chevron" aria-hidden="true">
              ▸
            </span>
            {profile.title}
          </button>
          {isReference && <span className="tag">reference</span>}
          {selected && <span className="tag">selected</span>}
          <InferredTag source={profile.source} />
        </th>
        <td className={differs.has('scope') ? 'differs' : undefined}>
          <ScopeValue scope={decision.scope} testId="profile-scope" shownTokens={6} />
          <DiffersMark on={differs.has('scope')} />
        </td>
        <td className={differs.has('offlineAccess') ? 'differs' : undefined}>
          {row.offlineAccessText}
          <DiffersMark on={differs.has('offlineAccess')} />
        </td>
        <td className={differs.has('promptConsent') ? 'differs' : undefined}>
          {row.promptConsentText}
          <DiffersMark on={differs.has('promptConsent')} />
        </td>
      </tr>
      <tr id={traceId} className="trace-row" hidden={!open}>
        <td colSpan={4}>
          {open && (
            <>
              <p className="muted">{profile.summary}</p>
              <ProfileSource source={profile.source} />
              <Trace decision={decision} profile={profile} />
            </>
          )}
        </td>
      </tr>
    </>
  );
}

interface ComparisonTableProps {
  comparison: readonly ScopeDecision[];
  selected: ProfileId;
}

/**
 * One row per client profile, grouped as the spec, SDKs and applications, each compared with
 * the spec's row; rows that agree with it can be folded away to leave only the differences.
 */
export const ComparisonTable = memo(function ComparisonTable({
  comparison,
  selected,
}: ComparisonTableProps) {
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const { reference, groups, agreeing } = comparisonRows(comparison, selected);

  return (
    <section className="panel comparison" aria-labelledby="comparison-title">
      <h2 id="comparison-title" tabIndex={-1}>
        How each client decides
      </h2>
      <p className="hint">
        Every profile reads the same documents. Cells marked ≠ differ from {reference?.title}. Open
        a row to see its steps.
      </p>
      {(agreeing > 0 || onlyDifferences) && (
        <button
          type="button"
          className="fold-toggle"
          aria-pressed={onlyDifferences}
          onClick={() => setOnlyDifferences(!onlyDifferences)}
        >
          {onlyDifferences
            ? `Show all clients (${agreeing} agree with the spec)`
            : `Hide the ${agreeing} ${agreeing === 1 ? 'client' : 'clients'} that agree with the spec`}
        </button>
      )}
      {/* Scrolls sideways on a phone; focusable so the keyboard can scroll it too. */}
      <div className="table-scroll" tabIndex={0} aria-labelledby="comparison-title" role="region">
        <table>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">scope</th>
              <th scope="col">offline_access</th>
              <th scope="col">prompt=consent</th>
            </tr>
          </thead>
          {groups.map(({ group, title, rows }) => (
            <tbody key={group}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={4}>
                  {title}
                </th>
              </tr>
              {rows
                .filter((row) => !onlyDifferences || row.isReference || row.differs.size > 0)
                .map((row) => (
                  <ProfileRows key={row.profile.id} row={row} />
                ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
});
