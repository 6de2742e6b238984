import { useState } from 'react';
import { countText, cutTokens, SHOWN_TOKENS } from '../shared/bounded.ts';

interface ScopeValueProps {
  scope: string | undefined;
  testId: string;
  className?: string;
  /**
   * Whether a long scope offers a button to show all of it. Off where the value sits inside a
   * link (the sticky summary), which may hold no button; the count is shown either way.
   */
  expandable?: boolean;
  /** Tokens shown before a long scope is folded (fewer where space is narrow, as in a table). */
  shownTokens?: number;
}

/**
 * A decided scope exactly as sent: `data-omitted` marks a missing parameter, and an empty or
 * space-padded value gets a note, because whitespace is easy to miss and matters on the wire.
 * A scope of thousands of tokens shows its first ones and a count, so the page stays short.
 */
export function ScopeValue({
  scope,
  testId,
  className,
  expandable = true,
  shownTokens = SHOWN_TOKENS,
}: ScopeValueProps) {
  const [expanded, setExpanded] = useState(false);
  const padded = scope !== undefined && scope !== scope.trim();
  const cut = scope === undefined || expanded ? undefined : cutTokens(scope, shownTokens);
  const folded = cut !== undefined && cut.hidden > 0;
  return (
    <>
      <code
        className={`scope-value ${scope === undefined ? 'omitted' : ''} ${className ?? ''}`}
        data-testid={testId}
        data-omitted={scope === undefined ? 'true' : undefined}
      >
        {scope === undefined ? 'no scope parameter' : folded ? cut.head : scope}
      </code>
      {folded && (
        <span className="scope-note">
          {' '}
          … and {countText(cut.hidden, 'more scope', 'more scopes')}
          {expandable && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => setExpanded(true)}>
                Show all
              </button>
            </>
          )}
        </span>
      )}
      {expanded && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={() => setExpanded(false)}>
            Show fewer
          </button>
        </>
      )}
      {scope === '' && <span className="scope-note"> (an empty value)</span>}
      {padded && scope !== '' && <span className="scope-note"> (note the surrounding space)</span>}
    </>
  );
}
