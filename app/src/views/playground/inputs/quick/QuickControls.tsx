import type { JsonPath } from '@mcp-auth-playground/core';
import { useId, useState, type Dispatch } from 'react';
import { valueAt, type DocumentKey, type DraftsAction } from '../../../../shared/drafts.ts';
import { ScopeListControl } from './ScopeListControl.tsx';
import { stringList, withItems, withoutItem } from './values.ts';

export interface QuickControlsProps {
  /** The document as parsed; undefined while its JSON is invalid. */
  document: unknown;
  disabled: boolean;
  dispatch: Dispatch<DraftsAction>;
}

function updater(dispatch: Dispatch<DraftsAction>, key: DocumentKey, path: JsonPath) {
  return (update: (current: unknown) => unknown) =>
    dispatch({ type: 'update-value', key, path, update });
}

const SCOPES: JsonPath = ['scopes_supported'];
const OFFLINE_ACCESS = 'offline_access';

export function ResourceQuickControls({ document, disabled, dispatch }: QuickControlsProps) {
  const update = updater(dispatch, 'resourceMetadata', SCOPES);
  return (
    <ScopeListControl
      name="PRM scopes_supported"
      value={valueAt(document, SCOPES)}
      disabled={disabled}
      onAdd={(scopes) => update((list) => withItems(list, scopes))}
      onRemove={(scope) => update((list) => withoutItem(list, scope))}
      onRemoveField={() => update(() => undefined)}
    />
  );
}

export function AuthServerQuickControls({ document, disabled, dispatch }: QuickControlsProps) {
  const update = updater(dispatch, 'authServerMetadata', SCOPES);
  const scopes = stringList(valueAt(document, SCOPES));
  const offers = scopes.kind === 'list' && scopes.items.includes(OFFLINE_ACCESS);
  return (
    <ScopeListControl
      name="AS scopes_supported"
      value={valueAt(document, SCOPES)}
      disabled={disabled}
      onAdd={(added) => update((list) => withItems(list, added))}
      onRemove={(scope) => update((list) => withoutItem(list, scope))}
      onRemoveField={() => update(() => undefined)}
    >
      <label className="toggle">
        <input
          type="checkbox"
          checked={offers}
          disabled={scopes.kind === 'other'}
          onChange={(event) => {
            const offer = event.target.checked;
            update((list) =>
              offer ? withItems(list, [OFFLINE_ACCESS]) : withoutItem(list, OFFLINE_ACCESS),
            );
          }}
        />
        AS offers offline_access
      </label>
    </ScopeListControl>
  );
}

const COMMON_GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'];
const GRANT_TYPES: JsonPath = ['grant_types'];
const SCOPE: JsonPath = ['scope'];

export function ClientQuickControls({ document, disabled, dispatch }: QuickControlsProps) {
  const updateGrants = updater(dispatch, 'clientMetadata', GRANT_TYPES);
  const grants = stringList(valueAt(document, GRANT_TYPES));
  const listed = grants.kind === 'list' ? grants.items : [];
  const choices = [...COMMON_GRANT_TYPES, ...listed.filter((g) => !COMMON_GRANT_TYPES.includes(g))];
  return (
    <>
      <fieldset className="quick-control" disabled={disabled || grants.kind === 'other'}>
        <legend>Client grant_types</legend>
        {grants.kind === 'absent' && (
          <p className="quick-note">
            {disabled ? 'Not read: the JSON has an error.' : 'Not set: the field is absent.'}
          </p>
        )}
        {grants.kind === 'other' && (
          <p className="quick-note">Not a list of strings; edit it in the JSON.</p>
        )}
        <div className="checkboxes">
          {choices.map((grant) => (
            <label key={grant} className="toggle">
              <input
                type="checkbox"
                checked={listed.includes(grant)}
                onChange={(event) => {
                  const on = event.target.checked;
                  updateGrants((list) =>
                    on ? withItems(list, [grant]) : withoutItem(list, grant),
                  );
                }}
              />
              {grant}
            </label>
          ))}
        </div>
      </fieldset>
      <ClientScopeField
        value={valueAt(document, SCOPE)}
        disabled={disabled}
        onChange={(scope) =>
          dispatch({
            type: 'update-value',
            key: 'clientMetadata',
            path: SCOPE,
            update: () => scope,
          })
        }
      />
    </>
  );
}

interface ClientScopeFieldProps {
  value: unknown;
  disabled: boolean;
  /** The new scope, or undefined to remove the field. */
  onChange: (scope: string | undefined) => void;
}

/**
 * The client's configured `scope`. While someone types here the field keeps its own text, so
 * the deferred re-parse of the document never moves their cursor; otherwise it shows the JSON.
 */
function ClientScopeField({ value, disabled, onChange }: ClientScopeFieldProps) {
  const id = useId();
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const isText = value === undefined || typeof value === 'string';
  const fromJson = typeof value === 'string' ? value : '';
  const shown = !disabled && editing !== undefined ? editing : fromJson;

  return (
    <div className="quick-control field">
      <label htmlFor={id}>Client scope</label>
      <input
        id={id}
        type="text"
        value={shown}
        placeholder={value === undefined ? 'not set' : undefined}
        spellCheck={false}
        autoCapitalize="off"
        disabled={disabled || !isText}
        onFocus={() => setEditing(shown)}
        onBlur={() => setEditing(undefined)}
        onChange={(event) => {
          const text = event.target.value;
          setEditing(text);
          onChange(text === '' ? undefined : text);
        }}
      />
      <p className="quick-note">
        {isText ? 'Empty removes the field.' : 'Not a string; edit it in the JSON.'}
      </p>
    </div>
  );
}
