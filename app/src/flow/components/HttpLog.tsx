import { redactLog, toCurlScript, toHar } from '@mcp-auth-playground/core';
import type { HeaderList, HttpExchange } from '@mcp-auth-playground/core';
import { memo, useId, useMemo, useState } from 'react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { redactForDisplay } from './redactForDisplay.ts';

function Headers({ headers, title }: { headers: HeaderList; title: string }) {
  if (headers.length === 0) return null;
  return (
    <div className="flow-table-wrap">
      <table className="flow-headers">
        <caption>{title}</caption>
        <tbody>
          {headers.map(([name, value], index) => (
            <tr key={`${index}:${name}`}>
              <th scope="row">{name}</th>
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

function Body({
  text,
  title,
  truncated,
}: {
  text: string | undefined;
  title: string;
  truncated?: boolean | undefined;
}) {
  const titleId = useId();
  if (text === undefined) return null;
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: shown as sent
  }
  return (
    <div className="flow-body">
      <p className="flow-body-title" id={titleId}>
        {title}
        {truncated && <span className="muted"> (cut short)</span>}
      </p>
      {/* A long body scrolls: a tab stop, so the keyboard can scroll it too (WCAG 2.1.1). */}
      <pre tabIndex={0} role="region" aria-labelledby={titleId}>
        <code>{shown}</code>
      </pre>
    </div>
  );
}

function statusText(exchange: HttpExchange): string {
  if (exchange.response) return String(exchange.response.status || 'opaque');
  if (exchange.failure) return exchange.failure.kind === 'cors' ? 'CORS' : exchange.failure.kind;
  return exchange.kind === 'navigation' ? 'navigation' : '…';
}

/** The element id of an exchange's entry, so the sequence diagram can open it. */
export function httpExchangeElementId(exchangeId: string): string {
  return `http-exchange-${exchangeId}`;
}

const Exchange = memo(function Exchange({ exchange }: { exchange: HttpExchange }) {
  const { request, response, failure } = exchange;
  // A 401 or 403 is part of the protocol (the challenge, the step-up); a 5xx or no answer is not.
  const tone =
    failure !== undefined || (response !== undefined && response.status >= 500)
      ? 'failed'
      : response !== undefined && response.status >= 400
        ? 'refused'
        : '';
  return (
    <li
      id={httpExchangeElementId(exchange.id)}
      className={`flow-exchange ${tone}`}
      data-testid="http-exchange"
      data-step={exchange.step}
    >
      <details>
        <summary>
          <span className="flow-exchange-method">{request.method}</span>{' '}
          <span className="flow-exchange-url">{request.url}</span>{' '}
          <span className="flow-exchange-status">{statusText(exchange)}</span>
          {exchange.durationMs !== undefined && (
            <span className="muted"> {Math.round(exchange.durationMs)} ms</span>
          )}
          {exchange.label && <span className="flow-exchange-label">{exchange.label}</span>}
        </summary>
        {exchange.kind === 'navigation' && (
          <p className="muted">
            A top-level navigation: the page does not see the answer, nor the redirects between.
          </p>
        )}
        {failure && <p className="flow-why">{failure.message}</p>}
        <Headers headers={request.headers} title="Request headers" />
        <Body text={request.body} title="Request body" />
        {response && (
          <>
            <p className="flow-body-title">
              Response {response.status} {response.statusText}
            </p>
            <Headers headers={response.headers} title="Response headers the page could read" />
            <Body text={response.body} title="Response body" truncated={response.truncated} />
          </>
        )}
      </details>
    </li>
  );
});

interface HttpLogProps {
  log: readonly HttpExchange[];
  /** Secrets held in memory, hidden wherever they appear. */
  secrets: readonly string[];
}

/** Every request of the flow and its answer; secrets shortened unless the user reveals them. */
export function HttpLog({ log, secrets }: HttpLogProps) {
  const [revealed, setRevealed] = useState(false);
  const shown = useMemo(
    () => (revealed ? log : redactForDisplay(log, secrets)),
    [log, revealed, secrets],
  );
  const exported = () => (revealed ? [...log] : redactLog(log, 'remove', secrets));
  return (
    <section className="flow-log" aria-labelledby="flow-log-title">
      <h3 id="flow-log-title">HTTP log</h3>
      <p className="muted">
        Every request the flow made, in order. Codes, verifiers, tokens and Authorization headers
        are shortened unless you reveal them; copies leave them out unless revealed.
      </p>
      <div className="flow-log-controls">
        <label className="flow-toggle">
          <input
            type="checkbox"
            checked={revealed}
            onChange={(event) => setRevealed(event.target.checked)}
          />{' '}
          Reveal secrets
        </label>
        <CopyButton
          label="Copy as HAR"
          disabled={log.length === 0}
          text={() => Promise.resolve(JSON.stringify(toHar(exported()), null, 2))}
        />
        <CopyButton
          label="Copy as curl"
          disabled={log.length === 0}
          text={() => Promise.resolve(toCurlScript(exported()))}
        />
      </div>
      {log.length === 0 ? (
        <p className="muted">No requests yet.</p>
      ) : (
        <ol className="flow-exchanges">
          {shown.map((exchange) => (
            <Exchange key={exchange.id} exchange={exchange} />
          ))}
        </ol>
      )}
    </section>
  );
}
