import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WellKnownName } from './auth-server.ts';
import type { ClientIdMetadataDocument } from './cimd.ts';
import { CIMD_PATH } from './cimd.ts';
import { allowCrossOrigin, answerPreflight, READ_ONLY_CORS } from './cors.ts';
import { sendError, sendJson } from './http.ts';
import type { Pair } from './pair.ts';
import type { LiveRegistry } from './scenarios.ts';
import { scenarioEndpoint } from './scenario-endpoint.ts';
import type { SigningKey } from './signing-key.ts';
import type { WritePolicy } from './write-policy.ts';

/** A handler for a set of paths, served beside the testbed's own (see TestbedOptions.mounts). */
export interface Mount {
  owns(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

export interface RouterContext {
  origin: string;
  /** `host:port` values a request may name; anything else is refused (DNS rebinding). */
  allowedHosts: ReadonlySet<string>;
  defaultPair: Pair;
  scenarios: LiveRegistry<Pair>;
  cimd: ClientIdMetadataDocument;
  /** Whether live scenarios' authorization servers auto-approve too (see auto-approve.ts). */
  autoApprove: boolean;
  writes: WritePolicy;
  scenarioSigningKey: () => Promise<SigningKey>;
  /** The document GET / answers with: what this testbed serves. */
  index: Record<string, unknown>;
  mounts: readonly Mount[];
}

const PROTECTED_RESOURCE = '/.well-known/oauth-protected-resource';
const AUTH_SERVER_WELL_KNOWN: readonly WellKnownName[] = [
  'oauth-authorization-server',
  'openid-configuration',
];

/** A live scenario's paths: /s/<id>/as... and /s/<id>/mcp. */
const SCENARIO_PATH = /^\/s\/([A-Za-z0-9_-]+)(?=\/|$)/;

export function createRouter(
  context: RouterContext,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const createScenario = scenarioEndpoint(context);

  /** The pair a path belongs to; undefined for an unknown or expired live scenario. */
  function pairAt(path: string): Pair | undefined {
    const match = SCENARIO_PATH.exec(path);
    if (match?.[1]) return context.scenarios.get(match[1])?.value;
    return context.defaultPair;
  }

  function notFound(req: IncomingMessage, res: ServerResponse, path: string): void {
    req.resume();
    const live = SCENARIO_PATH.test(path) || SCENARIO_PATH.test(stripWellKnown(path) ?? '');
    sendError(
      res,
      404,
      'not_found',
      live
        ? 'No live scenario has this id: it expired, was replaced by newer ones, or never existed. POST the scenario to /scenarios again.'
        : `Nothing is served at ${path}; GET / lists what this testbed serves.`,
    );
  }

  return async (req, res) => {
    if (!context.allowedHosts.has(req.headers.host ?? '')) {
      req.resume();
      sendError(
        res,
        421,
        'misdirected_request',
        `This testbed answers only requests for ${context.origin}.`,
      );
      return;
    }
    const { pathname: path, search } = new URL(req.url ?? '/', context.origin);
    const mount = context.mounts.find((candidate) => candidate.owns(path));
    if (mount) return mount.handle(req, res);

    if (path === '/scenarios') return createScenario(req, res);
    if (path === '/' || path === '/health' || path === CIMD_PATH) {
      if (answerPreflight(req, res, READ_ONLY_CORS)) return;
      allowCrossOrigin(res, READ_ONLY_CORS);
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendError(res, 405, 'method_not_allowed', 'Read this with GET.', { Allow: 'GET, HEAD' });
      } else if (path === '/') {
        sendJson(res, 200, context.index);
      } else if (path === '/health') {
        sendJson(res, 200, { status: 'ok' });
      } else {
        sendJson(res, 200, context.cimd.document);
      }
      return;
    }

    if (path.startsWith(`${PROTECTED_RESOURCE}/`)) {
      const resourcePath = path.slice(PROTECTED_RESOURCE.length);
      const pair = pairAt(resourcePath);
      if (pair && pair.urls.serverPath === resourcePath)
        return pair.mcp.handleResourceMetadata(req, res);
      return notFound(req, res, path);
    }
    for (const name of AUTH_SERVER_WELL_KNOWN) {
      const prefix = `/.well-known/${name}`;
      if (!path.startsWith(`${prefix}/`)) continue;
      const issuerPath = path.slice(prefix.length);
      const pair = pairAt(issuerPath);
      if (pair && pair.urls.issuerPath === issuerPath) {
        return pair.authServer.handleWellKnown(req, res, name, search);
      }
      return notFound(req, res, path);
    }

    const pair = pairAt(path);
    if (pair && path === pair.urls.serverPath) return pair.mcp.handleMcp(req, res);
    const issuerPath = pair?.urls.issuerPath;
    if (pair && issuerPath && (path === issuerPath || path.startsWith(`${issuerPath}/`))) {
      return pair.authServer.handle(req, res, path.slice(issuerPath.length), search);
    }
    notFound(req, res, path);
  };
}

/** The path a well-known URL inserts (RFC 8414 §3.1, RFC 9728 §3.1), or undefined. */
function stripWellKnown(path: string): string | undefined {
  const match = /^\/\.well-known\/[^/]+(\/.*)$/.exec(path);
  return match?.[1];
}
