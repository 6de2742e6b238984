import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientIdMetadataDocument } from './cimd.ts';
import { playgroundClientIdMetadataDocument } from './cimd.ts';
import { HEADLESS_ACCOUNT } from './auto-approve.ts';
import {
  DEFAULT_GRANTED_SCOPES,
  playgroundOrigins,
  PROVIDER_STORE_LIMITS,
  WRITE_RATE_LIMITS,
  PLAYGROUND_CLIENT_ID,
  PLAYGROUND_REDIRECT_URI,
  publicOrigin,
  SCENARIO_LIMITS,
  TESTBED_HOST,
} from './config.ts';
import { defaultPlan } from './default-plan.ts';
import { sendError } from './http.ts';
import type { Pair, PairUrls } from './pair.ts';
import { createPair, defaultPairUrls } from './pair.ts';
import type { Mount } from './router.ts';
import { createRouter } from './router.ts';
import { createRateLimit } from './rate-limit.ts';
import { createLiveRegistry } from './scenarios.ts';
import { lazySigningKey } from './signing-key.ts';
import type { WritePolicy } from './write-policy.ts';

export interface TestbedOptions {
  /** 0 picks a free port; the public URLs follow the port actually bound. */
  port: number;
  /** Other handlers to serve on the same port, each for the paths it owns. */
  mounts?: readonly Mount[];
  /**
   * Complete login and consent without a page for loopback redirect URIs (off by default): for
   * clients that run without a person. See auto-approve.ts for the exact redirect chain.
   */
  autoApprove?: boolean;
  /** Origins and rate limits of the write endpoints; the defaults of config.ts otherwise. */
  writes?: Partial<WritePolicy>;
}

export interface Testbed {
  /** The public origin, e.g. http://localhost:4000. */
  url: string;
  /** The socket address actually bound: always loopback. */
  address: AddressInfo;
  /** The pair that is always there. */
  defaultPair: PairUrls;
  clientIdMetadataDocument: Pick<ClientIdMetadataDocument, 'clientId' | 'documentUrl'>;
  close(): Promise<void>;
}

/**
 * Starts the testbed on loopback: the default authorization server and MCP server, the live
 * scenario endpoint and the client ID metadata document, all behind one port.
 */
export async function createTestbed(options: TestbedOptions): Promise<Testbed> {
  let route: ReturnType<typeof createRouter> | undefined;
  const server = createServer((req, res) => {
    if (!route) {
      req.resume();
      sendError(res, 503, 'starting', 'The testbed is still starting.');
      return;
    }
    route(req, res).catch((error: unknown) => {
      console.error('Request failed:', error);
      if (!res.headersSent) sendError(res, 500, 'server_error', 'The testbed failed to answer.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, TESTBED_HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  try {
    const address = server.address() as AddressInfo;
    const { port } = address;
    const origin = publicOrigin(port);
    const cimd = playgroundClientIdMetadataDocument(origin);
    const urls = defaultPairUrls(origin);
    const autoApprove = options.autoApprove ?? false;
    const writes: WritePolicy = {
      origins: options.writes?.origins ?? playgroundOrigins(),
      scenarios: options.writes?.scenarios ?? createRateLimit(WRITE_RATE_LIMITS.scenarios),
      registrations:
        options.writes?.registrations ?? createRateLimit(WRITE_RATE_LIMITS.registrations),
    };
    const defaultPair = await createPair('testbed-default', urls, defaultPlan(urls), [cimd], {
      autoApprove,
      writes,
    });
    route = createRouter({
      origin,
      allowedHosts: new Set([`localhost:${port}`, `127.0.0.1:${port}`]),
      defaultPair,
      scenarios: createLiveRegistry<Pair>(SCENARIO_LIMITS),
      cimd,
      autoApprove,
      writes,
      scenarioSigningKey: lazySigningKey(),
      index: indexDocument(origin, urls, cimd, autoApprove, writes),
      mounts: options.mounts ?? [],
    });
    return {
      url: origin,
      address,
      defaultPair: urls,
      clientIdMetadataDocument: { clientId: cimd.clientId, documentUrl: cimd.documentUrl },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** What GET / answers: everything a client or a person needs to start. */
function indexDocument(
  origin: string,
  urls: PairUrls,
  cimd: ClientIdMetadataDocument,
  autoApprove: boolean,
  writes: WritePolicy,
): Record<string, unknown> {
  const issuerPath = urls.issuerPath;
  return {
    name: 'MCP Auth Playground testbed',
    default: {
      serverUrl: urls.serverUrl,
      resourceMetadataUrl: urls.resourceMetadataUrl,
      issuer: urls.issuer,
      authorizationServerMetadataUrls: [
        `${origin}/.well-known/oauth-authorization-server${issuerPath}`,
        `${origin}/.well-known/openid-configuration${issuerPath}`,
        `${urls.issuer}/.well-known/openid-configuration`,
      ],
    },
    interactions: {
      autoApprove,
      login: autoApprove
        ? `Login and consent complete without a page, as account "${HEADLESS_ACCOUNT}", for authorization requests whose redirect_uri is a loopback URL; follow the 303 redirects from the authorization endpoint to your redirect_uri, sending back the cookies each hop sets.`
        : 'The dev login page accepts any name and password; the consent page grants what the request asks for. Start the testbed with TESTBED_AUTO_APPROVE=1 (or npm run testbed -- --auto-approve) to complete both without a page, for loopback redirect URIs.',
      scopeOmitted: `An authorization request without scope is granted ${DEFAULT_GRANTED_SCOPES.join(' ')}, or the scope a client registered with when that leaves ${DEFAULT_GRANTED_SCOPES.join(' ')} out.`,
    },
    clients: {
      preRegistered: { client_id: PLAYGROUND_CLIENT_ID, redirect_uri: PLAYGROUND_REDIRECT_URI },
      clientIdMetadataDocument: { client_id: cimd.clientId, documentUrl: cimd.documentUrl },
    },
    scenarios: {
      create: `POST ${origin}/scenarios`,
      maxLive: SCENARIO_LIMITS.maxLive,
      lifetimeSeconds: SCENARIO_LIMITS.lifetimeMs / 1000,
      maxBodyBytes: SCENARIO_LIMITS.maxBodyBytes,
    },
    writes: {
      browserOrigins: [...writes.origins],
      rateLimits: {
        scenarios: writes.scenarios.options,
        registrations: writes.registrations.options,
      },
      maxRegisteredClientsPerAuthorizationServer: PROVIDER_STORE_LIMITS.maxClients,
      overLimit: '429 Too Many Requests with Retry-After',
    },
  };
}
