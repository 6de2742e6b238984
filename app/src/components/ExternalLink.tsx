import type { ReactNode } from 'react';

function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A link that leaves the playground, opened in a new tab. Only http(s) addresses become links:
 * anything else (a `javascript:` URL from hostile metadata) is shown as plain text.
 */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  if (!isWebUrl(href)) return <span className="inert-link">{children}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
