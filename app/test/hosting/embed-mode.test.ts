import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEmbedSearch } from '../../src/embed/mode.ts';
import {
  contentSecurityPolicy,
  metaContentSecurityPolicy,
  pageModeOf,
  securityHeaders,
  withMetaPolicy,
} from '../../../scripts/security-headers.ts';

// Embed mode lets any site frame the page, so the app and the host must agree on it exactly:
// a query the host reads as an embed but the app does not would put the full playground in a
// stranger's frame. These tests hold the app's rule, the preview server's and the one
// docs/embedding.md gives hosts to the same answers.

const QUERIES: readonly [query: string, embed: boolean][] = [
  ['?embed=1', true],
  ['embed=1', true],
  ['?embed=1&view=compare', true],
  ['?view=compare&embed=1', true],
  ['?embed=0&embed=1', true],
  ['?embed=1&playground-route=%2Fcallback', true],
  ['?EMBED=1', false],
  ['?Embed=1', false],
  ['?%65mbed=1', false],
  ['?embed=%31', false],
  ['?embed=01', false],
  ['?embed=1x', false],
  ['?xembed=1', false],
  ['?embed', false],
  ['?embed=true', false],
  ['?a=embed=1', false],
  ['', false],
];

/** The regular expression of the nginx `map` that docs/embedding.md tells hosts to use. */
function documentedRule(): RegExp {
  const docs = readFileSync('docs/embedding.md', 'utf8');
  const map = /map \$args \$frame_ancestors \{[\s\S]*?"~([^"]+)"\s+"\*";/.exec(docs);
  if (!map?.[1]) throw new Error('docs/embedding.md has no `map $args` rule for embed mode');
  return new RegExp(map[1]);
}

describe('embed mode', () => {
  it.each(QUERIES)('%s is embed mode: %s', (query, embed) => {
    expect(isEmbedSearch(query)).toBe(embed);
  });

  it("agrees with the preview server's headers and the documented host rule, for both spellings", () => {
    const rule = documentedRule();
    for (const [query, embed] of QUERIES) {
      const raw = query.startsWith('?') ? query.slice(1) : query;
      expect(rule.test(raw), `docs: ${query}`).toBe(embed);
      const mode = pageModeOf(
        `/tools/auth-playground/${query.startsWith('?') ? query : `?${query}`}`,
      );
      expect(mode, `preview: ${query}`).toBe(embed ? 'embed' : 'app');
    }
    expect(securityHeaders(pageModeOf('/?EMBED=1'))['Content-Security-Policy']).toContain(
      "frame-ancestors 'none'",
    );
    expect(securityHeaders(pageModeOf('/?embed=1'))['Content-Security-Policy']).toContain(
      'frame-ancestors *',
    );
  });
});

describe('the policies a page carries for hosts that cannot send headers', () => {
  it("is the header's policy without frame-ancestors, right after the charset", () => {
    expect(metaContentSecurityPolicy()).not.toContain('frame-ancestors');
    expect(`${metaContentSecurityPolicy()}; frame-ancestors 'none'`).toBe(
      contentSecurityPolicy('app'),
    );
    const html = withMetaPolicy(
      '<!doctype html>\n<html>\n  <head>\n    <meta charset="UTF-8" />\n    <script type="module" src="/a.js"></script>\n  </head>\n</html>',
    );
    const lines = html.split('\n').map((line) => line.trim());
    expect(lines[3]).toBe('<meta charset="UTF-8" />');
    expect(lines[4]).toBe(
      `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy().replaceAll("'", '&#39;')}" />`,
    );
    expect(lines[5]).toContain('<script');
  });

  it('has a referrer policy in both pages, and the documented meta elements match', () => {
    for (const page of ['index.html', '404.html']) {
      expect(readFileSync(page, 'utf8'), page).toContain(
        '<meta name="referrer" content="no-referrer" />',
      );
    }
    const docs = readFileSync('docs/embedding.md', 'utf8');
    expect(docs).toContain(`content="${metaContentSecurityPolicy()}"`);
    expect(docs).toContain('<meta name="referrer" content="no-referrer" />');
  });
});
