import type { Profile, ProfileId, ScopeDecision } from '@mcp-auth-playground/core';
import { memo, useId, useState } from 'react';
import { profilesByGroup, referenceProfile } from '../../../shared/profiles.ts';
import { InferredTag, ProfileSource } from './ProfileSource.tsx';
import { differences, type Column } from '../../../shared/differences.ts';
import { ScopeValue } from '../../../components/ScopeValue.tsx';
import { Trace } from '../../../components/Trace.tsx';
import { OFFLINE_ACCESS_TEXT } from '../../../shared/words.ts';

function DiffersMark({ on }: { on: boolean }) {
  if (!on) return null;
  return (
    <span className="differs-mark">
      <span aria-hidden="true"> ≠</span>
      <span className="visually-hidden"> (differs from the spec)</span>
    </span>
  );
}

interface RowProps {
  profile: Profile;
  decision: ScopeDecision;
  differs: Set<Column>;
  isReference: boolean;
  selected: boolean;
}

function ProfileRows({ profile, decision, differs, isReference, selected }: RowProps) {
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
          {OFFLINE_ACCESS_TEXT[decision.offlineAccess]}
          <DiffersMark on={differs.has('offlineAccess')} />
        </td>
        <td className={differs.has('promptConsent') ? 'differs' : undefined}>
          {decision.promptConsent ? 'Sent' : 'Not sent'}
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
  const reference = referenceProfile();
  const referenceDecision = comparison.find((decision) => decision.profile === reference?.id);
  const byProfile = new Map(comparison.map((decision) => [decision.profile, decision]));
  // The reference row leads, so every other row reads as a comparison with the one above.
  const groups = profilesByGroup().map((entry) => ({
    ...entry,
    profiles: [...entry.profiles].sort(
      (a, b) => Number(b.id === reference?.id) - Number(a.id === reference?.id),
    ),
  }));
  const agreeing = comparison.filter(
    (decision) =>
      decision.profile !== reference?.id && differences(decision, referenceDecision).size === 0,
  ).length;

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
          {groups.map(({ group, title, profiles }) => (
            <tbody key={group}>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={4}>
                  {title}
                </th>
              </tr>
              {profiles.map((profile) => {
                const decision = byProfile.get(profile.id);
                if (!decision) return null;
                const isReference = profile.id === reference?.id;
                const differs = differences(decision, referenceDecision);
                if (onlyDifferences && !isReference && differs.size === 0) return null;
                return (
                  <ProfileRows
                    key={profile.id}
                    profile={profile}
                    decision={decision}
                    differs={isReference ? new Set() : differs}
                    isReference={isReference}
                    selected={profile.id === selected}
                  />
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
});
