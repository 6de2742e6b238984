import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { stringList, tokensOf } from './values.ts';

interface ScopeListControlProps {
  /** Names the field, e.g. 'PRM scopes_supported'; every control's label builds on it. */
  name: string;
  value: unknown;
  /** True while the document is not valid JSON, so it cannot be edited from here. */
  disabled: boolean;
  onAdd: (scopes: string[]) => void;
  onRemove: (scope: string) => void;
  onRemoveField: () => void;
  children?: ReactNode;
}

/** A list of scopes as chips, with a field to add more: edits the JSON it reflects. */
export function ScopeListControl({
  name,
  value,
  disabled,
  onAdd,
  onRemove,
  onRemoveField,
  children,
}: ScopeListControlProps) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const list = stringList(value);
  const editable = !disabled && list.kind !== 'other';

  function add(event: FormEvent) {
    event.preventDefault();
    const scopes = tokensOf(draft);
    if (scopes.length === 0) return;
    onAdd(scopes);
    setDraft('');
  }

  return (
    <fieldset className="quick-control scope-list" disabled={disabled}>
      <legend>{name}</legend>
      {list.kind === 'absent' && <p className="quick-note">Not set: the field is absent.</p>}
      {list.kind === 'other' && (
        <p className="quick-note">Not a list of strings; edit it in the JSON.</p>
      )}
      {list.kind === 'list' && list.items.length === 0 && (
        <p className="quick-note">An empty list.</p>
      )}
      {list.kind === 'list' && list.items.length > 0 && (
        <ul className="chips" aria-label={`${name} values`}>
          {list.items.map((scope, index) => (
            <li key={`${index}:${scope}`} className="chip">
              <span className="chip-text">{scope === '' ? '""' : scope}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${scope} from ${name}`}
                onClick={() => onRemove(scope)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="chip-add" onSubmit={add}>
        <label htmlFor={inputId} className="visually-hidden">
          Scope to add to {name}
        </label>
        <input
          id={inputId}
          type="text"
          value={draft}
          placeholder="scope to add"
          spellCheck={false}
          autoCapitalize="off"
          disabled={!editable}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button
          type="submit"
          aria-label={`Add to ${name}`}
          disabled={!editable || tokensOf(draft).length === 0}
        >
          Add
        </button>
        {list.kind !== 'absent' && (
          <button type="button" onClick={onRemoveField} aria-label={`Remove the ${name} field`}>
            Remove field
          </button>
        )}
      </form>
      {children}
    </fieldset>
  );
}
