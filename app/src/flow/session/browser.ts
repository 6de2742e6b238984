import { findProfile } from '@mcp-auth-playground/core';
import { hrefOf } from '../../router/location.ts';
import { DEFAULT_CONFIG, FlowSession } from './session.ts';
import type { FlowConfig } from '@mcp-auth-playground/client';

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Settings a link may carry, e.g. "Run this scenario live": `?server=<MCP server URL>` and
 * `?profile=<profile id>`. They are not secret; nothing else is read from the URL.
 */
export function configFromSearch(search: string, base: FlowConfig = DEFAULT_CONFIG): FlowConfig {
  const params = new URLSearchParams(search);
  const config = { ...base };
  const server = params.get('server');
  if (server) config.serverUrl = server;
  const profile = findProfile(params.get('profile'));
  if (profile) config.profile = profile.id;
  return config;
}

let session: FlowSession | undefined;

/** The flow of this tab, created on first use and kept while the page lives. */
export function flowSession(): FlowSession {
  session ??= new FlowSession({
    fetch: (input, init) => window.fetch(input, init),
    storage: sessionStorageOrUndefined(),
    origin: window.location.origin,
    redirectUri: new URL(hrefOf('/callback'), window.location.origin).href,
    leave: (url) => window.location.assign(url),
    now: () => Date.now(),
  });
  return session;
}

let accepted: boolean | undefined;

/**
 * Hands the authorization response in the current URL to the session, once per page load: the
 * stored flow is taken out of storage on first use, and later renders (StrictMode's second one,
 * or one after the query was taken out of the address) get the same answer.
 */
export function acceptCallbackOnce(href: string): boolean {
  accepted ??= flowSession().acceptCallback(href);
  return accepted;
}
