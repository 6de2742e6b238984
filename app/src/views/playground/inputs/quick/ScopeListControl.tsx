import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { stringList, tokensOf } from './values.ts';

/** Chips drawn before a long list is folded behind a count: thousands would fill the page. */
const SHOWN_CHIPS = 40;

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
  const [showAll, setShowAll] = useState(false);
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
      {list.kind === 'absent' && (
        <p className="quick-note">
          {disabled ? 'Not read: the JSON has an error.' : 'Not set: the field is absent.'}
        </p>
      )}
      {list.kind === 'other' && (
        <p className="quick-note">Not a list of strings; edit it in the JSON.</p>
      )}
      {list.kind === 'list' && list.items.length === 0 && (
        <p className="quick-note">An empty list.</p>
      )}
      {list.kind === 'list' && list.items.length > 0 && (
        <ul className="chips" aria-label={`${name} values`}>
          {(showAll ? list.items : list.items.slice(0, SHOWN_CHIPS)).map((scope, index) => (
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
      {list.kind === 'list' && list.items.length > SHOWN_CHIPS && (
        <p className="quick-note">
          {showAll
            ? `All ${list.items.length.toLocaleString('en-US')} shown. `
            : `${SHOWN_CHIPS} of ${list.items.length.toLocaleString('en-US')} shown. `}
          <button
            type="button"
            className="link-button"
            aria-expanded={showAll}
            onClick={() => setShowAll(!showAll)}
          >
            {showAll ? 'Show fewer' : `Show all ${list.items.length.toLocaleString('en-US')}`}
          </button>
        </p>
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
          <button type="button" onClick={onRemoveField} aria-label={`Remove field, ${name}`}>
            Remove field
          </button>
        )}
      </form>
      {children}
    </fieldset>
  );
}
