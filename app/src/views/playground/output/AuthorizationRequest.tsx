import type { AuthorizationRequestPreview, Profile } from '@mcp-auth-playground/core';
import { useState } from 'react';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { countText, cutCharacters } from '../../../shared/bounded.ts';
import { FindingItem } from '../../../components/FindingItem.tsx';

interface UrlLine {
  /** '?' before the first parameter, '&' before the others. */
  separator: string;
  /** The parameter as it stands in the URL, encoded. */
  name: string;
  /** '=' when the parameter has a value part, even an empty one. */
  equals: string;
  value: string;
  fromDecision: boolean;
}

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** Splits the URL core built into its parts, keeping every character, so the lines join back to it. */
export function urlLines(url: string, fromDecision: readonly string[]) {
  const query = url.indexOf('?');
  if (query < 0) return { base: url, lines: [] as UrlLine[] };
  const lines = url
    .slice(query + 1)
    .split('&')
    .map((part, index): UrlLine => {
      const equals = part.indexOf('=');
      const name = equals < 0 ? part : part.slice(0, equals);
      return {
        separator: index === 0 ? '?' : '&',
        name,
        equals: equals < 0 ? '' : '=',
        value: equals < 0 ? '' : part.slice(equals + 1),
        fromDecision: fromDecision.includes(decodedName(name)),
      };
    });
  return { base: url.slice(0, query), lines };
}

interface AuthorizationRequestProps {
  request: AuthorizationRequestPreview;
  profile: Profile | undefined;
}

/** The request the decision leads to, one parameter per line, or why a client would not send it. */
export function AuthorizationRequest({ request, profile }: AuthorizationRequestProps) {
  if (!request.ok) {
    return (
      <div className="refusal">
        <p>
          <strong>No authorization request.</strong> A client following{' '}
          {profile?.title ?? 'this profile'} refuses to send one, because:
        </p>
        <ul className="findings-items">
          {request.findings.map((finding, index) => (
            <FindingItem key={`${index}:${finding.id}`} finding={finding} testId={undefined} />
          ))}
        </ul>
      </div>
    );
  }
  return <UrlPreview url={request.url} fromDecision={request.fromDecision} />;
}

/** The URL one parameter a line; a value of thousands of characters is folded behind a count. */
function UrlPreview({ url, fromDecision }: { url: string; fromDecision: readonly string[] }) {
  const [expanded, setExpanded] = useState(false);
  const { base, lines } = urlLines(url, fromDecision);
  const folded = !expanded && lines.some((line) => cutCharacters(line.value).hidden > 0);
  const shown = (value: string) => (expanded ? value : cutCharacters(value).head);
  const hiddenOf = (value: string) => (expanded ? 0 : cutCharacters(value).hidden);
  return (
    <div className="url-preview">
      <code className="url-lines" data-testid="authorization-url">
        <span className="url-base">{base}</span>
        {lines.map((line, index) => (
          <span key={index} className="url-line">
            <span className="url-separator">{line.separator}</span>
            <span className="url-name">{line.name}</span>
            {line.equals}
            {line.fromDecision ? (
              <mark className="url-value">{shown(line.value)}</mark>
            ) : (
              <span className="url-value">{shown(line.value)}</span>
            )}
            {hiddenOf(line.value) > 0 && (
              <span className="scope-note">
                {' '}
                … and {countText(hiddenOf(line.value), 'more character', 'more characters')}
              </span>
            )}
          </span>
        ))}
      </code>
      {(folded || expanded) && (
        <button type="button" className="link-button" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Fold the long values' : 'Show the whole URL'}
        </button>
      )}
      <div className="url-actions">
        <p className="hint">
          Highlighted: values the scope decision produced. Client id, redirect URI, state and PKCE
          challenge are illustrative.
        </p>
        <CopyButton text={url} label="Copy URL" />
      </div>
    </div>
  );
}
