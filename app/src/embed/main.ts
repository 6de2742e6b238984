import '../styles/global.css';
import './embed.css';
import { h } from './dom.ts';
import { reportHeight } from './height.ts';
import { renderEmbed } from './render.ts';

// Embed mode (`?embed=1`): one scenario's decision, or the profile comparison, sized for an
// iframe in someone's docs. No editors, no React, nothing stored in this browser.

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

document.documentElement.classList.add('embed-mode');
const container = h('main', { class: 'embed' });
root.replaceChildren(container);
reportHeight(container);

let cleanup: (() => void) | undefined;
let drawing = Promise.resolve();

function draw(): void {
  // One drawing at a time, in order, so a quick second hash change cannot be overtaken.
  drawing = drawing.then(async () => {
    cleanup?.();
    cleanup = undefined;
    try {
      const result = await renderEmbed(container, window.location);
      cleanup = result.cleanup;
      document.title = result.title;
    } catch (error) {
      container.replaceChildren(
        h(
          'p',
          { role: 'alert', class: 'panel embed-panel' },
          `This embed could not be drawn (${error instanceof Error ? error.message : String(error)}).`,
        ),
      );
    }
  });
}

draw();
// A docs page may point the same frame at another scenario by changing only the hash.
window.addEventListener('hashchange', draw);
