import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function, the same one on every render, that returns `value` as of the last commit. A
 * button that acts on the whole scenario reads it when pressed, so it need not re-render (nor
 * its subtree) on every keystroke just to hold the newest copy.
 */
export function useCurrent<T>(value: T): () => T {
  const current = useRef(value);
  // A layout effect runs before the browser can deliver the next click or key to the page.
  useLayoutEffect(() => {
    current.current = value;
  });
  return useCallback(() => current.current, []);
}
