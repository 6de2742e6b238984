import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseScenario } from '@mcp-auth-playground/core';
import type { ClientIdMetadataDocument } from './cimd.ts';
import { SCENARIO_LIMITS } from './config.ts';
import { POST_CORS } from './cors.ts';
import { mediaType, readBody, sendError, sendJson } from './http.ts';
import type { Pair } from './pair.ts';
import { createPair, scenarioPairUrls } from './pair.ts';
import { scenarioPlan } from './scenario-plan.ts';
import type { LiveRegistry } from './scenarios.ts';
import { newLiveId } from './scenarios.ts';
import type { SigningKey } from './signing-key.ts';
import { guardWrite, refuseOverLimit, type WritePolicy } from './write-policy.ts';

export interface ScenarioEndpointContext {
  origin: string;
  scenarios: LiveRegistry<Pair>;
  cimd: ClientIdMetadataDocument;
  autoApprove: boolean;
  writes: WritePolicy;
  /** The key live scenarios share, made on the first one. */
  scenarioSigningKey: () => Promise<SigningKey>;
}

/** The reply to a created live scenario. */
export interface LiveScenarioReply {
  id: string;
  serverUrl: string;
  issuer: string;
  /** ISO 8601. */
  expiresAt: string;
  /** What the testbed rewrote or could not follow, one sentence each. */
  notes: string[];
}

/**
 * POST /scenarios: a core Scenario (the JSON of a permalink) becomes a fresh authorization server
 * and MCP server pair under /s/<id>/. Bad input gets a 400 with the reasons, never a crash.
 */
export function scenarioEndpoint(
  context: ScenarioEndpointContext,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const refuse = (res: ServerResponse, messages: string[]) =>
    sendJson(res, 400, {
      error: 'invalid_scenario',
      error_description: messages.join(' '),
      messages,
    });

  return async (req, res) => {
    if (guardWrite(req, res, POST_CORS, context.writes.origins)) return;
    if (req.method !== 'POST') {
      req.resume();
      sendError(res, 405, 'method_not_allowed', 'Create a live scenario with POST.', {
        Allow: 'POST',
      });
      return;
    }
    if (refuseOverLimit(req, res, context.writes.scenarios, 'live scenarios')) return;
    const room = context.scenarios.hasRoom();
    if (!room.ok) {
      req.resume();
      const seconds = Math.max(1, Math.ceil(room.retryAfterMs / 1000));
      sendError(
        res,
        429,
        'too_many_scenarios',
        `The testbed already keeps ${SCENARIO_LIMITS.maxLive} live scenarios, all used in the last ${SCENARIO_LIMITS.protectedMs / 60_000} minutes, and evicts none of those: try again in ${seconds} s.`,
        { 'Retry-After': String(seconds), 'Access-Control-Expose-Headers': 'Retry-After' },
      );
      return;
    }

    const body = await readBody(req, SCENARIO_LIMITS.maxBodyBytes);
    if (!body.ok && body.reason === 'aborted') return;
    if (!body.ok) {
      sendError(
        res,
        413,
        'scenario_too_large',
        `A scenario may be at most ${SCENARIO_LIMITS.maxBodyBytes} bytes of JSON.`,
      );
      return;
    }
    if (mediaType(req) !== 'application/json') {
      sendError(res, 415, 'unsupported_media_type', 'Send the scenario as application/json.');
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(body.body.toString('utf8'));
    } catch (error) {
      refuse(res, [`The body is not valid JSON: ${(error as Error).message}`]);
      return;
    }
    const parsed = parseScenario(value);
    if (!parsed.ok) {
      refuse(res, [parsed.message]);
      return;
    }

    const id = newLiveId();
    const urls = scenarioPairUrls(context.origin, id);
    const planned = scenarioPlan(parsed.scenario, { urls, cimdClientId: context.cimd.clientId });
    if (!planned.ok) {
      refuse(res, planned.messages);
      return;
    }
    const pair = await createPair(`testbed-scenario-${id}`, urls, planned.plan, [context.cimd], {
      autoApprove: context.autoApprove,
      writes: context.writes,
      signingKey: await context.scenarioSigningKey(),
    });
    const entry = context.scenarios.add(id, pair);
    const reply: LiveScenarioReply = {
      id,
      serverUrl: urls.serverUrl,
      issuer: urls.issuer,
      expiresAt: new Date(entry.expiresAt).toISOString(),
      notes: [...parsed.notes, ...planned.notes],
    };
    sendJson(res, 201, reply, { Location: urls.serverUrl });
  };
}
