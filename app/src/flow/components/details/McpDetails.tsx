import type { ProfileId } from '@mcp-auth-playground/core';
import type { McpData, WriteNoteData, WriteNoteRetryData } from '@mcp-auth-playground/client';
import { Facts, ParamTable } from '../common.tsx';
import { DecisionSummary } from './ScopeDetails.tsx';

export function McpDetails({ data }: { data: McpData }) {
  return (
    <>
      <Facts
        items={[
          ['Server', data.serverName ?? 'unnamed'],
          ['Protocol version', data.protocolVersion ?? 'not stated'],
          [
            'Mcp-Session-Id',
            data.sessionId ? <code key="session">{data.sessionId}</code> : 'none (or not exposed)',
          ],
        ]}
      />
      <h4 className="flow-subhead">Tools</h4>
      {data.tools.length === 0 ? (
        <p className="muted">The server lists no tools.</p>
      ) : (
        <ul className="flow-tools" data-testid="tools-list">
          {data.tools.map((tool) => (
            <li key={tool.name}>
              <code>{tool.name}</code>
              {tool.description && <span className="muted"> {tool.description}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function WriteNoteDetails({ data, profile }: { data: WriteNoteData; profile: ProfileId }) {
  if (data.result !== undefined) {
    return <p className="flow-ok">The token already carries the scope: {data.result}</p>;
  }
  return (
    <>
      <Facts
        items={[
          ['Status', String(data.status ?? '')],
          ['Previous scope', <code key="prev">{data.previousScope ?? 'none'}</code>],
          [
            'Step-up rule',
            data.combination === 'union'
              ? 'Union: the previous scope plus the challenge’s scopes.'
              : 'Replacement: the challenge’s scope replaces the previous one.',
          ],
        ]}
      />
      {data.challenge && (
        <ParamTable caption="The 403 challenge" params={Object.entries(data.challenge.params)} />
      )}
      {data.decision && (
        <DecisionSummary decision={data.decision} profile={profile} testId="step-up-scope" />
      )}
    </>
  );
}

export function WriteNoteRetryDetails({ data }: { data: WriteNoteRetryData }) {
  return (
    <p className="flow-ok" data-testid="write-note-result">
      {data.result}
    </p>
  );
}
