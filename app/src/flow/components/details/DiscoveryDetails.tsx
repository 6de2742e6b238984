import type { ReactNode } from 'react';
import type { DiscoveryAttempt } from '@mcp-auth-playground/core';
import type {
  AuthServerMetadataData,
  ProbeData,
  ResourceMetadataData,
} from '@mcp-auth-playground/client';
import { Facts, FindingList, JsonBlock, ParamTable } from '../common.tsx';

function Attempts({ attempts }: { attempts: readonly DiscoveryAttempt[] }) {
  const settled = attempts.filter((attempt) => attempt.outcome !== 'pending');
  if (settled.length === 0) return null;
  return (
    <ol className="flow-attempts">
      {settled.map((attempt) => (
        <li key={attempt.id} className={`attempt outcome-${attempt.outcome}`}>
          <span className="attempt-outcome">{attempt.outcome}</span>{' '}
          <code className="attempt-url">
            {attempt.method} {attempt.url}
          </code>
          {attempt.status !== undefined && (
            <span className="attempt-status"> → {attempt.status}</span>
          )}
          <p className="attempt-reason">{attempt.reason}</p>
        </li>
      ))}
    </ol>
  );
}

export function ProbeDetails({ data }: { data: ProbeData }) {
  return (
    <>
      <Facts
        items={[
          ['Status', data.status === undefined ? 'no readable answer' : String(data.status)],
          [
            'WWW-Authenticate',
            data.wwwAuthenticate ? <code>{data.wwwAuthenticate}</code> : 'not readable',
          ],
        ]}
      />
      {data.challenge && (
        <ParamTable
          caption={`The ${data.challenge.scheme} challenge, parsed by core`}
          params={Object.entries(data.challenge.params)}
        />
      )}
      <Attempts attempts={data.attempts} />
      <FindingList findings={data.findings} />
    </>
  );
}

export function ResourceMetadataDetails({ data }: { data: ResourceMetadataData }) {
  return (
    <>
      <Attempts attempts={data.attempts} />
      {data.url && (
        <Facts
          items={[
            ['Found at', <code key="url">{data.url}</code>],
            ['Authorization servers', data.authorizationServers.join(', ') || 'none'],
          ]}
        />
      )}
      {data.document !== undefined && <JsonBlock value={data.document} label="The document" />}
      <FindingList findings={data.findings} />
    </>
  );
}

export function AuthServerMetadataDetails({ data }: { data: AuthServerMetadataData }) {
  const facts: [string, ReactNode][] = [['Issuer', <code key="issuer">{data.issuer}</code>]];
  if (data.url) facts.push(['Found at', <code key="url">{data.url}</code>]);
  if (data.document !== undefined) {
    facts.push([
      'Issuer check',
      'The document’s issuer is identical to the one the URL was built from.',
    ]);
  }
  return (
    <>
      <Attempts attempts={data.attempts} />
      <Facts items={facts} />
      {data.document !== undefined && <JsonBlock value={data.document} label="The document" />}
      <FindingList findings={data.findings} />
    </>
  );
}
