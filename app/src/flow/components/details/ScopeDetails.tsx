import type { ProfileId, ScopeDecision } from '@mcp-auth-playground/core';
import { Trace } from '../../../components/Trace.tsx';
import { ScopeValue } from '../../../components/ScopeValue.tsx';
import { decisionFacts } from '../../../shared/decision-facts.ts';
import { profileOf } from '../../../shared/profiles.ts';
import { Facts } from '../common.tsx';

/** A decision with its trace, in the playground's words and with its trace component. */
export function DecisionSummary({
  decision,
  profile,
  testId,
  note,
}: {
  decision: ScopeDecision;
  profile: ProfileId;
  testId: string;
  note?: string | undefined;
}) {
  const known = profileOf(profile);
  return (
    <div className="flow-decision">
      <p className="flow-decision-scope">
        <span className="flow-label">scope</span>{' '}
        <ScopeValue scope={decision.scope} testId={testId} />
      </p>
      <Facts
        items={[
          ['Profile', known?.title ?? profile],
          ...decisionFacts(decision, known)
            .filter((fact) => fact.key !== 'promptConsent')
            .map((fact): [string, string] => [fact.term, fact.description]),
        ]}
      />
      {note && <p className="flow-note">{note}</p>}
      <details className="flow-trace">
        <summary>How the client decided</summary>
        <Trace decision={decision} profile={known} />
      </details>
    </div>
  );
}
