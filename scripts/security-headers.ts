import type { Plugin } from 'vite';
import { isEmbedSearch } from '../app/src/embed/mode.ts';

// The response headers the playground is built to run under. They are defined here once: the
// preview server sends them (the plugin below), the end-to-end tests load the built app under
// them and compare docs/embedding.md with them, so the headers a host copies from the docs are
// the ones that were tested.

/**
 * Content Security Policy directives, in the order they are sent. Each entry says why it is
 * as loose as it is; anything not listed falls back to `default-src 'self'`.
 */
const CSP_DIRECTIVES: readonly (readonly [name: string, value: string])[] = [
  ['default-src', "'self'"],
  // Only the built files: no inline script, no eval. The 404 fallback is an external file too.
  ['script-src', "'self'"],
  // CodeMirror themes the editors by inserting <style> elements at run time. A static host
  // cannot mint a per-response nonce and the rules are generated, so they cannot be hashed.
  // Styles cannot run script, and img-src and font-src below keep injected CSS from loading
  // anything from elsewhere.
  ['style-src', "'self' 'unsafe-inline'"],
  // data: for the lint markers CodeMirror's theme draws as inline SVG images.
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  // Discovery and the flow fetch the MCP server, its metadata and its authorization server,
  // wherever the user points them: any https origin, and http for servers on the user's own
  // machine (the testbed, a server under development on localhost).
  ['connect-src', "'self' http: https:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
];

/** Who may put the page in a frame: nobody, except in embed mode, where docs on any site may. */
const FRAME_ANCESTORS = { app: "'none'", embed: '*' } as const;

export type PageMode = keyof typeof FRAME_ANCESTORS;

export function contentSecurityPolicy(mode: PageMode): string {
  return [...CSP_DIRECTIVES, ['frame-ancestors', FRAME_ANCESTORS[mode]] as const]
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** Every header the playground expects, for a page in `mode`. */
export function securityHeaders(mode: PageMode): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(mode),
    // The callback URL carries the authorization code; no request may pass it on as a referrer.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * The policy a page carries in its own `<meta http-equiv>` element, for hosts that cannot send
 * headers. A meta policy cannot say `frame-ancestors` (browsers ignore it there, with a console
 * error), so it is the header's policy without it: framing is the one thing such a host cannot
 * restrict. Sent with the header too, it changes nothing, since it allows exactly as much.
 */
export function metaContentSecurityPolicy(): string {
  return CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
}

/**
 * `html` with the meta policy right after its `<meta charset>` (which must stay first), before
 * any script or stylesheet: a meta policy covers only what follows it. The referrer policy's meta
 * element is written in index.html and 404.html themselves, since it suits the dev server too.
 */
export function withMetaPolicy(html: string): string {
  const element = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy().replaceAll("'", '&#39;')}" />`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (!charset) return html.replace(/<head>/i, `<head>\n    ${element}`);
  const end = charset.index + charset[0].length;
  return `${html.slice(0, end)}\n    ${element}${html.slice(end)}`;
}

/** The page mode a request path with query asks for (`/tools/auth-playground/?embed=1`). */
export function pageModeOf(requestUrl: string): PageMode {
  const query = requestUrl.indexOf('?');
  return query >= 0 && isEmbedSearch(requestUrl.slice(query)) ? 'embed' : 'app';
}

/**
 * Sends the headers from `vite preview`, and writes the meta policy into every built page.
 * The dev server is left alone: its hot-reload client needs inline script, and the production
 * build is what a host serves.
 */
export function securityHeadersPlugin(): Plugin {
  return {
    name: 'mcp-auth-playground:security-headers',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        return context.server ? html : withMetaPolicy(html);
      },
    },
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const headers = securityHeaders(pageModeOf(request.url ?? '/'));
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        next();
      });
    },
  };
}
