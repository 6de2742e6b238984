// How an embed tells the page around it how tall it is, so the page can size the iframe with no
// inner scrollbar. docs/embedding.md documents the message for hosts; keep the two in step.

import { HEIGHT_MESSAGE_TYPE, MEASURE_MESSAGE_TYPE, type HeightMessage } from './messages.ts';

export { HEIGHT_MESSAGE_TYPE, MEASURE_MESSAGE_TYPE, type HeightMessage } from './messages.ts';

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
