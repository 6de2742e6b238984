import { decodeTokenForDisplay, describeExpiry, shortenSecret } from '@mcp-auth-playground/core';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { TokenSet } from '@mcp-auth-playground/client';
import { Facts, JsonBlock } from './common.tsx';

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

function TokenValue({ value, revealed }: { value: string; revealed: boolean }) {
  return <code className="flow-token-value">{revealed ? value : shortenSecret(value)}</code>;
}

/** The access token read for display: no signature is checked, nothing is logged. */
function AccessToken({ tokens, revealed }: { tokens: TokenSet; revealed: boolean }) {
  const decoded = decodeTokenForDisplay(tokens.accessToken);
  const expiresAt =
    decoded.format === 'jwt' && decoded.expiresAt !== undefined
      ? decoded.expiresAt
      : tokens.expiresIn !== undefined
        ? tokens.receivedAt + tokens.expiresIn * 1000
        : undefined;
  const now = useNow(expiresAt !== undefined);
  if (decoded.format === 'opaque') {
    return (
      <>
        <Facts
          items={[
            ['Access token', <TokenValue key="t" value={tokens.accessToken} revealed={revealed} />],
            ['Format', `Opaque (${decoded.length} characters): only the server can read it.`],
            ['Expiry', expiresAt === undefined ? 'not stated' : describeExpiry(expiresAt, now)],
          ]}
        />
      </>
    );
  }
  return (
    <>
      <Facts
        items={[
          ['Access token', <TokenValue key="t" value={tokens.accessToken} revealed={revealed} />],
          [
            'aud',
            decoded.audience.length > 0 ? (
              <code key="aud">{decoded.audience.join(' ')}</code>
            ) : (
              'none'
            ),
          ],
          ['scope', <code key="scope">{decoded.scope ?? tokens.scope ?? 'not stated'}</code>],
          [
            'Expiry',
            <span key="exp" data-testid="token-expiry">
              {expiresAt === undefined ? 'not stated' : describeExpiry(expiresAt, now)}
            </span>,
          ],
        ]}
      />
      <JsonBlock value={decoded.header} label="Header" />
      <JsonBlock value={decoded.claims} label="Claims" />
    </>
  );
}

interface TokenPanelProps {
  tokens: TokenSet;
  canAct: boolean;
  /** Why Refresh is not possible, when it is not. */
  refreshBlocked?: string | undefined;
  writeNoteBlocked?: string | undefined;
  onRefresh: () => void;
  onWriteNote: () => void;
}

export function TokenPanel(props: TokenPanelProps) {
  const { tokens, canAct, refreshBlocked, writeNoteBlocked } = props;
  const [revealed, setRevealed] = useState(false);
  return (
    <section className="flow-tokens" aria-labelledby="flow-tokens-title">
      <h3 id="flow-tokens-title">Tokens</h3>
      <p className="muted">
        Held in this page’s memory only: never in storage, a URL or an export without your say-so.
        Decoded for reading; the signature is not checked here (the MCP server does that).
      </p>
      <label className="flow-toggle">
        <input
          type="checkbox"
          checked={revealed}
          onChange={(event) => setRevealed(event.target.checked)}
        />{' '}
        Show the full tokens
      </label>
      <AccessToken tokens={tokens} revealed={revealed} />
      <Facts
        items={[
          [
            'Refresh token',
            tokens.refreshToken ? (
              <TokenValue key="r" value={tokens.refreshToken} revealed={revealed} />
            ) : (
              'none'
            ),
          ],
          ...(tokens.idToken
            ? [
                ['ID token', <TokenValue key="i" value={tokens.idToken} revealed={revealed} />] as [
                  string,
                  ReactNode,
                ],
              ]
            : []),
        ]}
      />
      <div className="flow-actions">
        <button
          type="button"
          onClick={props.onRefresh}
          disabled={!canAct || refreshBlocked !== undefined}
        >
          Refresh
        </button>
        <button
          type="button"
          onClick={props.onWriteNote}
          disabled={!canAct || writeNoteBlocked !== undefined}
        >
          Call write_note
        </button>
      </div>
      {refreshBlocked && <p className="flow-why">Refresh: {refreshBlocked}</p>}
      {writeNoteBlocked && <p className="flow-why">Call write_note: {writeNoteBlocked}</p>}
    </section>
  );
}
