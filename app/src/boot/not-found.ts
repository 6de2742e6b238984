import { fallbackTarget } from './route-restore.ts';

// The script of 404.html, an external file because the Content Security Policy allows no
// inline script. A host without rewrites serves 404.html for every missing path: a path of the
// app goes back to the app with its route; anything else gets a link to the playground.

const base = import.meta.env.BASE_URL;
const target = fallbackTarget(window.location, base);

if (target !== undefined) {
  window.location.replace(target);
} else {
  const home = document.getElementById('home');
  if (home instanceof HTMLAnchorElement) home.href = base;
  document.getElementById('not-found')?.removeAttribute('hidden');
}
