interface ScopeValueProps {
  scope: string | undefined;
  testId: string;
  className?: string;
}

/**
 * A decided scope exactly as sent: `data-omitted` marks a missing parameter, and an empty or
 * space-padded value gets a note, because whitespace is easy to miss and matters on the wire.
 */
export function ScopeValue({ scope, testId, className }: ScopeValueProps) {
  const padded = scope !== undefined && scope !== scope.trim();
  return (
    <>
      <code
        className={`scope-value ${scope === undefined ? 'omitted' : ''} ${className ?? ''}`}
        data-testid={testId}
        data-omitted={scope === undefined ? 'true' : undefined}
      >
        {scope ?? 'no scope parameter'}
      </code>
      {scope === '' && <span className="scope-note"> (an empty value)</span>}
      {padded && scope !== '' && <span className="scope-note"> (note the surrounding space)</span>}
    </>
  );
}
