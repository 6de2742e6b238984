import type { ProfileId } from '@mcp-auth-playground/core';
import { memo, useEffect, useId, useRef, type Dispatch } from 'react';
import { profilesByGroup } from '../../../shared/profiles.ts';
import type { Drafts, DraftsAction, TextField } from '../../../shared/drafts.ts';
import type { RevealRegistry } from '../state/revealRegistry.ts';
import { ChallengeField } from './ChallengeField.tsx';

// The fields one by one, not the drafts: typing in an editor then leaves this component alone.
interface RequestFieldsProps extends Pick<
  Drafts,
  'serverUrl' | 'wwwAuthenticate' | 'previousScope' | 'profile'
> {
  /** Whether the challenge is a 403 step-up (`error="insufficient_scope"`), as core read it. */
  stepUp: boolean;
  dispatch: Dispatch<DraftsAction>;
  registry: RevealRegistry;
}

interface TextInputProps {
  label: string;
  value: string;
  field: TextField;
  dispatch: Dispatch<DraftsAction>;
  hint?: string;
  placeholder?: string;
  onElement?: (element: HTMLInputElement | null) => void;
}

function TextInput({
  label,
  value,
  field,
  dispatch,
  hint,
  placeholder,
  onElement,
}: TextInputProps) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={onElement}
        type="text"
        className="mono"
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => dispatch({ type: 'set-field', field, value: event.target.value })}
      />
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** What the client learned from the server before discovery: its URL and its challenge. */
export const RequestFields = memo(function RequestFields({
  serverUrl,
  wwwAuthenticate,
  previousScope,
  profile,
  stepUp,
  dispatch,
  registry,
}: RequestFieldsProps) {
  const profileId = useId();
  const serverUrlInput = useRef<HTMLInputElement | null>(null);
  const challengeInput = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    const focus = (element: { current: HTMLElement | null }) => ({
      reveal: () => element.current?.focus(),
      revealOffset: () => element.current?.focus(),
    });
    registry.set('server-url', focus(serverUrlInput));
    registry.set('www-authenticate', focus(challengeInput));
    return () => {
      registry.set('server-url', null);
      registry.set('www-authenticate', null);
    };
  }, [registry]);

  return (
    <div className="request-fields">
      <TextInput
        label="MCP server URL"
        field="serverUrl"
        value={serverUrl}
        dispatch={dispatch}
        placeholder="e.g. https://mcp.example.com/mcp"
        onElement={(element) => {
          serverUrlInput.current = element;
        }}
      />
      <ChallengeField
        value={wwwAuthenticate}
        dispatch={dispatch}
        onElement={(element) => {
          challengeInput.current = element;
        }}
      />
      {stepUp && (
        <TextInput
          label="Previously requested scope"
          field="previousScope"
          value={previousScope}
          dispatch={dispatch}
          hint="The challenge is insufficient_scope: this is the scope of the token the client already holds. Empty: none."
        />
      )}
      <div className="field">
        <label htmlFor={profileId}>Client profile</label>
        <select
          id={profileId}
          value={profile}
          onChange={(event) =>
            dispatch({ type: 'set-profile', profile: event.target.value as ProfileId })
          }
        >
          {profilesByGroup().map(({ group, title, profiles }) => (
            <optgroup key={group} label={title}>
              {profiles.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </div>
  );
});
