import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { hrefOf, navigate, useRoutePath } from './location.ts';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  /** A route path such as '/flow', relative to the app's base path. */
  to: string;
}

/** An in-app link: a real href (so open-in-new-tab works) that navigates without a reload. */
export function Link({ to, onClick, children, ...rest }: LinkProps) {
  const current = useRoutePath();
  function follow(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  }
  return (
    <a
      href={hrefOf(to)}
      aria-current={current === to ? 'page' : undefined}
      onClick={follow}
      {...rest}
    >
      {children}
    </a>
  );
}
