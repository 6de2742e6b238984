import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEIGHT_MESSAGE_TYPE, reportHeight } from '../../src/embed/height.ts';

/** A ResizeObserver the test drives by hand: DOM emulators do no layout. */
class ManualResizeObserver {
  static instances: ManualResizeObserver[] = [];
  observed: Element[] = [];
  constructor(readonly callback: () => void) {
    ManualResizeObserver.instances.push(this);
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.observed = [];
  }
  resize() {
    if (this.observed.length > 0) this.callback();
  }
}

function elementOfHeight(initial: number) {
  const element = document.createElement('main');
  let height = initial;
  element.getBoundingClientRect = () => new DOMRect(0, 0, 300, height);
  return { element, setHeight: (next: number) => (height = next) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  ManualResizeObserver.instances = [];
});

describe('the embed’s height messages', () => {
  it('posts the height at once and on every change, rounded up, never twice the same', () => {
    vi.stubGlobal('ResizeObserver', ManualResizeObserver);
    const parent = { postMessage: vi.fn() };
    const { element, setHeight } = elementOfHeight(240.2);

    const stop = reportHeight(element, parent as unknown as Window);
    const observer = ManualResizeObserver.instances[0];
    expect(observer?.observed).toEqual([element]);
    observer?.resize();
    setHeight(512);
    observer?.resize();

    expect(parent.postMessage.mock.calls).toEqual([
      [{ type: HEIGHT_MESSAGE_TYPE, height: 241 }, '*'],
      [{ type: HEIGHT_MESSAGE_TYPE, height: 512 }, '*'],
    ]);

    stop();
    setHeight(700);
    observer?.resize();
    expect(parent.postMessage).toHaveBeenCalledTimes(2);
  });

  it('falls back to the load event without ResizeObserver', () => {
    vi.stubGlobal('ResizeObserver', undefined);
    const parent = { postMessage: vi.fn() };
    const { element, setHeight } = elementOfHeight(100);
    const stop = reportHeight(element, parent as unknown as Window);
    setHeight(180);
    window.dispatchEvent(new Event('load'));
    expect(parent.postMessage).toHaveBeenLastCalledWith(
      { type: HEIGHT_MESSAGE_TYPE, height: 180 },
      '*',
    );
    stop();
  });

  it('posts nothing when the page is not in a frame', () => {
    const { element } = elementOfHeight(100);
    const post = vi.spyOn(window, 'postMessage');
    reportHeight(element, window)();
    expect(post).not.toHaveBeenCalled();
  });
});
