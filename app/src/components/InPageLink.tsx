import type { ReactNode } from 'react';

interface InPageLinkProps {
  /** Id of an element that can take focus (give it tabIndex={-1}). */
  targetId: string;
  className?: string;
  children: ReactNode;
}

/**
 * A link to a part of this page that moves focus there without touching the address: the hash
 * belongs to the permalink, and `#main` in it would replace the scenario.
 */
export function InPageLink({ targetId, className, children }: InPageLinkProps) {
  return (
    <a
      href={`#${targetId}`}
      className={className}
      onClick={(event) => {
        const target = document.getElementById(targetId);
        if (!target) return;
        event.preventDefault();
        target.scrollIntoView({ block: 'start' });
        target.focus({ preventScroll: true });
      }}
    >
      {children}
    </a>
  );
}
