import { config as configureZod } from 'zod';
import { isEmbedSearch } from '../embed/mode.ts';
import { restoreRoute } from './route-restore.ts';

// The page's only script tag. It is kept tiny on purpose: it puts back a route the 404 fallback
// carried, then loads either the whole app or the embed, so an embed never downloads React or
// the editors. Each import preloads its own chunks in parallel.

restoreRoute();

// Core validates with zod, which compiles its object parsers with `new Function` when it can, and
// finds out by trying. Under the hosted Content Security Policy (no 'unsafe-eval') that attempt is
// itself a reported violation, so parsing is set to the interpreted path, before core first runs.
configureZod({ jitless: true });

const load = isEmbedSearch(window.location.search)
  ? import('../embed/main.ts')
  : import('../main.tsx');

load.catch((error: unknown) => {
  // A chunk that fails to load (a new deploy replaced it, the network dropped) would otherwise
  // leave an empty page. Plain text only: nothing from the error is parsed as markup.
  const root = document.getElementById('root');
  if (!root) return;
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `The playground could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
  root.replaceChildren(message);
});
