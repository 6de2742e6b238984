import type { Cite, Finding } from '@mcp-auth-playground/core';
import type { ReactNode } from 'react';
import { ExternalLink } from '../../components/ExternalLink.tsx';

export function CiteLink({ cite }: { cite: Cite }) {
  return (
    <span className="flow-cite">
      <ExternalLink href={cite.url}>{cite.title}</ExternalLink>
    </span>
  );
}

/** Label and value pairs; values are text, never markup from a server. */
export function Facts({ items }: { items: readonly [string, ReactNode][] }) {
  return (
    <dl className="flow-facts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const MAX_SHOWN = 20_000;

/** A document as served, pretty-printed and cut short when huge. */
export function JsonBlock({ value, label }: { value: unknown; label: string }) {
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    text = String(value);
  }
  const cut = text.length > MAX_SHOWN;
  return (
    <details className="flow-json">
      <summary>{label}</summary>
      <pre>
        <code>{cut ? `${text.slice(0, MAX_SHOWN)}\n…` : text}</code>
      </pre>
      {cut && <p className="muted">Shown up to {MAX_SHOWN.toLocaleString('en')} characters.</p>}
    </details>
  );
}

/** Query or form parameters as a table. */
export function ParamTable({
  params,
  caption,
}: {
  params: readonly [string, string][];
  caption: string;
}) {
  return (
    <div className="flow-table-wrap">
      <table className="flow-params">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Parameter</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {params.map(([name, value], index) => (
            <tr key={`${index}:${name}`}>
              <th scope="row">
                <code>{name}</code>
              </th>
              <td>
                <code>{value}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FindingList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="flow-findings">
      {findings.map((finding, index) => (
        <li key={`${index}:${finding.id}`} className={`flow-finding severity-${finding.severity}`}>
          <span className="flow-severity">{finding.severity}</span> {finding.message}
          {finding.cite && (
            <>
              {' '}
              <CiteLink cite={finding.cite} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
