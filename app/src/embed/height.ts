// How an embed tells the page around it how tall it is, so the page can size the iframe with no
// inner scrollbar. docs/embedding.md documents the message for hosts; keep the two in step.

export const HEIGHT_MESSAGE_TYPE = 'mcp-auth-playground:height';

/**
 * What a host sends to ask for the height again: a listener installed after the embed loaded
 * (the copied code's, which runs on the iframe's load event) has missed the first report.
 */
export const MEASURE_MESSAGE_TYPE = 'mcp-auth-playground:measure';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE_TYPE;
  /** The embed's content height in CSS pixels, rounded up. */
  height: number;
}

/**
 * Posts `element`'s height to the parent window now, whenever it changes (a trace unfolded,
 * a narrower frame wrapping the text) and whenever the parent asks. Any origin may listen or
 * ask: the message holds one number. Returns a function that stops reporting.
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
  const onAsk = (event: MessageEvent) => {
    if (event.source !== parent) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null) return;
    if ((data as { type?: unknown }).type !== MEASURE_MESSAGE_TYPE) return;
    last = undefined;
    post();
  };
  window.addEventListener('message', onAsk);
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(post) : undefined;
  observer?.observe(element, { box: 'border-box' });
  // Without ResizeObserver, the height after web fonts and layout settle is the best there is.
  window.addEventListener('load', post);
  return () => {
    observer?.disconnect();
    window.removeEventListener('load', post);
    window.removeEventListener('message', onAsk);
  };
}
