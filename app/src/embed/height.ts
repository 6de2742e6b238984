// How an embed tells the page around it how tall it is, so the page can size the iframe with no
// inner scrollbar. docs/embedding.md documents the message for hosts; keep the two in step.

export const HEIGHT_MESSAGE_TYPE = 'mcp-auth-playground:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE_TYPE;
  /** The embed's content height in CSS pixels, rounded up. */
  height: number;
}

/**
 * Posts `element`'s height to the parent window now and whenever it changes (a trace unfolded,
 * a narrower frame wrapping the text). Any origin may listen: the message holds one number.
 * Returns a function that stops reporting.
 */
export function reportHeight(element: HTMLElement, parent: Window = window.parent): () => void {
  if (parent === window) return () => {};
  let last: number | undefined;
  const post = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: HEIGHT_MESSAGE_TYPE, height };
    parent.postMessage(message, '*');
  };
  post();
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(post) : undefined;
  observer?.observe(element, { box: 'border-box' });
  // Without ResizeObserver, the height after web fonts and layout settle is the best there is.
  window.addEventListener('load', post);
  return () => {
    observer?.disconnect();
    window.removeEventListener('load', post);
  };
}
