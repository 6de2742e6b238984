import { useEffect, useRef } from 'react';

interface BadLinkScreenProps {
  /** core's explanation of what is wrong with the link. */
  message: string;
  hasStoredDrafts: boolean;
  onLoadStored: () => void;
  onStartFromPreset: () => void;
}

/** What a broken or foreign permalink opens: the reason, and two ways back to work. */
export function BadLinkScreen({
  message,
  hasStoredDrafts,
  onLoadStored,
  onStartFromPreset,
}: BadLinkScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="bad-link panel" aria-labelledby="bad-link-title">
      <h2 id="bad-link-title" ref={heading} tabIndex={-1}>
        This link does not open a scenario
      </h2>
      <p role="alert">{message}</p>
      <p>Nothing was changed. Choose where to continue:</p>
      <div className="actions">
        {hasStoredDrafts && (
          <button type="button" onClick={onLoadStored}>
            Load the last scenario
          </button>
        )}
        <button type="button" onClick={onStartFromPreset}>
          Start from a preset
        </button>
      </div>
    </section>
  );
}
