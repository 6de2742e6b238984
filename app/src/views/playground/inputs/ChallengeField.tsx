import { findChallenge, parseWwwAuthenticate } from '@mcp-auth-playground/core';
import { useId, useLayoutEffect, useMemo, useRef, type Dispatch } from 'react';
import type { DraftsAction } from '../../../shared/drafts.ts';

interface ChallengeFieldProps {
  value: string;
  dispatch: Dispatch<DraftsAction>;
  onElement: (element: HTMLTextAreaElement | null) => void;
}

/** A header is one line: a pasted line break (a folded header) becomes a space. */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

/**
 * The WWW-Authenticate value in a box that grows to show all of it (a one-line input cut off
 * `scope` and `error`, the parameters that decide), with the Bearer challenge's parameters as
 * core's parser reads them listed underneath.
 */
export function ChallengeField({ value, dispatch, onElement }: ChallengeFieldProps) {
  const id = useId();
  const hintId = useId();
  const paramsId = useId();
  const area = useRef<HTMLTextAreaElement | null>(null);
  const read = useMemo(() => {
    const challenges = parseWwwAuthenticate(value);
    return { bearer: findChallenge(challenges, 'Bearer'), count: challenges.length };
  }, [value]);

  // Grow with the text: as tall as its content, measured after each change of this field only.
  useLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight + element.offsetHeight - element.clientHeight}px`;
  }, [value]);

  const params = read.bearer ? Object.entries(read.bearer.params) : [];
  const others = read.count - (read.bearer ? 1 : 0);
  return (
    <div className="field challenge-field">
      <label htmlFor={id}>WWW-Authenticate</label>
      <textarea
        id={id}
        ref={(element) => {
          area.current = element;
          onElement(element);
        }}
        rows={1}
        className="mono"
        value={value}
        placeholder='e.g. Bearer resource_metadata="…", scope="…"'
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-describedby={`${hintId} ${paramsId}`}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
        onChange={(event) =>
          dispatch({
            type: 'set-field',
            field: 'wwwAuthenticate',
            value: oneLine(event.target.value),
          })
        }
      />
      <p id={hintId} className="hint">
        The header of the server&apos;s 401 or 403 response, without the name. Empty: no challenge.
      </p>
      <div id={paramsId} className="challenge-params" data-testid="challenge-params">
        {value.trim() === '' ? null : read.bearer === undefined ? (
          <p className="hint">
            No Bearer challenge: the client reads no parameters from this value.
          </p>
        ) : params.length === 0 ? (
          <p className="hint">A Bearer challenge with no parameters.</p>
        ) : (
          <dl aria-label="Parameters of the Bearer challenge">
            {params.map(([name, param]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{param}</dd>
              </div>
            ))}
          </dl>
        )}
        {others > 0 && (
          <p className="hint">
            {others === 1 ? 'One other challenge is' : `${others} other challenges are`} ignored:
            MCP clients read the Bearer one.
          </p>
        )}
      </div>
    </div>
  );
}
