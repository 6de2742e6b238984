import { CITES } from '../cite.ts';
import { show } from '../text/describe.ts';
import { canonicalResourceUri } from '../protocol/resource-uri.ts';
import { hit, NO_HITS, type FindingRule } from './rule.ts';
import { isSecureOrLoopback, parseAbsoluteUrl } from './urls.ts';

const invalid: FindingRule = {
  id: 'server-url/invalid',
  severity: 'error',
  subject: 'server-url',
  cite: CITES.canonicalServerUri,
  check: ({ serverUrl }) => {
    if (serverUrl === undefined) return NO_HITS;
    const canonical = canonicalResourceUri(serverUrl);
    return canonical.ok ? NO_HITS : hit(canonical.reason);
  },
};

const insecure: FindingRule = {
  id: 'server-url/insecure',
  severity: 'error',
  subject: 'server-url',
  cite: CITES.communicationSecurity,
  check: ({ canonicalServerUri }) => {
    const url = canonicalServerUri === undefined ? undefined : parseAbsoluteUrl(canonicalServerUri);
    return url === undefined || isSecureOrLoopback(url)
      ? NO_HITS
      : hit(
          'Serve the MCP server over https (plain http only on localhost), because access tokens travel to it.',
        );
  },
};

const notCanonical: FindingRule = {
  id: 'server-url/not-canonical',
  severity: 'info',
  subject: 'server-url',
  cite: CITES.canonicalServerUri,
  check: ({ serverUrl, canonicalServerUri }) =>
    serverUrl !== undefined &&
    canonicalServerUri !== undefined &&
    serverUrl.trim() !== canonicalServerUri
      ? hit(
          `Publish the server URL as ${show(canonicalServerUri)}, the canonical form clients send as \`resource\`, rather than ${show(serverUrl)}.`,
        )
      : NO_HITS,
};

export const SERVER_URL_RULES: readonly FindingRule[] = [invalid, insecure, notCanonical];
