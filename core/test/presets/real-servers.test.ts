import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeScenario,
  encodeScenario,
  evaluateScenario,
  PRESETS,
  PROFILES,
  REAL_SERVER_PRESETS,
  requestOutcomes,
  type Evaluation,
  type Preset,
  type ProfileId,
  type PublishedDocument,
  type Scenario,
} from '../../src/index.ts';
import * as published from '../../src/presets/real-world/published.ts';
import { PUBLISHED_FACTS } from './published-facts.ts';

// The documents real services published, used as vectors: every finding and decision the
// playground shows for them must agree with the facts read straight off each document.

const SHARED = new URL('../../../../shared/real-world/', import.meta.url);
const DOCUMENTS: readonly PublishedDocument[] = Object.values(published);

interface SharedRecord {
  kind: string;
  name: string;
  source: {
    repo: string;
    path: string;
    commit: string;
    fetched_from: string;
    file_last_changed_at: string;
    http_date_of_capture?: string;
  };
  document_raw: string;
  document_sha256: string;
  facts: Record<string, unknown>;
}

function sharedRecord(file: string): SharedRecord {
  return JSON.parse(readFileSync(new URL(file, SHARED), 'utf8')) as SharedRecord;
}

function preset(id: string): Preset {
  const found = REAL_SERVER_PRESETS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no real-server preset ${id}`);
  return found;
}

/** The preset whose scenario holds `document` as its authorization server metadata. */
function presetServing(document: PublishedDocument): Preset {
  const found = REAL_SERVER_PRESETS.find((candidate) =>
    candidate.provenance?.published.some((entry) => entry.document === document),
  );
  if (!found) throw new Error(`no preset serves ${document.file}`);
  return found;
}

function ids(evaluation: Evaluation): string[] {
  return evaluation.findings.map((finding) => finding.id);
}

function decisionOf(evaluation: Evaluation, profile: ProfileId) {
  const decision = evaluation.comparison.find((candidate) => candidate.profile === profile);
  if (!decision) throw new Error(`no decision for ${profile}`);
  return decision;
}

function withField(
  scenario: Scenario,
  key: 'resourceMetadata' | 'authServerMetadata',
  fields: Record<string, unknown>,
): Scenario {
  const document = { ...(scenario[key] as Record<string, unknown>), ...fields };
  for (const [name, value] of Object.entries(fields))
    if (value === undefined) delete document[name];
  return { ...scenario, [key]: document };
}

function tokens(scope: string | undefined): string[] {
  return scope === undefined ? [] : scope.split(' ');
}

describe('the published documents', () => {
  it('are every document of the shared folder, copied unchanged with their source', () => {
    expect(existsSync(SHARED), 'the shared real-world folder').toBe(true);
    const files = readdirSync(SHARED).filter((file) => file.endsWith('.json'));
    expect(DOCUMENTS.map((document) => document.file).sort()).toEqual(files.sort());
    for (const document of DOCUMENTS) {
      const record = sharedRecord(document.file);
      expect(document.raw, document.file).toBe(record.document_raw);
      expect(document.sha256, document.file).toBe(record.document_sha256);
      expect(document.kind, document.file).toBe(record.kind);
      expect(document.name, document.file).toBe(record.name);
      expect(document.fetchedFrom, document.file).toBe(record.source.fetched_from);
      expect(document.record, document.file).toMatchObject({
        repository: record.source.repo,
        path: record.source.path,
        commit: record.source.commit,
      });
      expect(document.record.url).toBe(
        `https://github.com/${record.source.repo}/blob/${record.source.commit}/${record.source.path}`,
      );
      const captured = record.source.http_date_of_capture
        ? new Date(record.source.http_date_of_capture).toISOString()
        : record.source.file_last_changed_at;
      expect(document.capturedOn, document.file).toBe(captured.slice(0, 10));
      expect(document.capturedBy).toBe(
        record.source.http_date_of_capture ? 'http-date' : 'record-changed',
      );
      expect(PUBLISHED_FACTS[document.file], document.file).toEqual(record.facts);
    }
  });

  it('hash to the SHA-256 their records give', () => {
    for (const document of DOCUMENTS) {
      const digest = createHash('sha256').update(document.raw).digest('hex');
      expect(digest, document.file).toBe(document.sha256);
    }
  });

  it('are each held unchanged, member order included, by a real-server preset', () => {
    for (const document of DOCUMENTS) {
      const holder = presetServing(document);
      const entry = holder.provenance?.published.find((item) => item.document === document);
      expect(entry, document.file).toBeDefined();
      const value = holder.scenario[entry!.part];
      expect(JSON.stringify(value), document.file).toBe(JSON.stringify(JSON.parse(document.raw)));
      expect(entry!.part).toBe(document.kind === 'prm' ? 'resourceMetadata' : 'authServerMetadata');
    }
  });
});

describe('each published authorization server as a vector', () => {
  const servers = DOCUMENTS.filter((document) => document.kind === 'as');

  it.each(servers.map((document): [string, PublishedDocument] => [document.file, document]))(
    '%s: findings and decisions agree with its facts',
    (file, document) => {
      const facts = PUBLISHED_FACTS[file] as Record<string, unknown>;
      const { scenario } = presetServing(document);
      const evaluation = evaluateScenario(scenario);
      const found = ids(evaluation);

      expect(found.includes('as/pkce-not-advertised')).toBe(
        facts.has_code_challenge_methods_supported === false,
      );
      expect(found.includes('as/s256-not-supported')).toBe(
        facts.has_code_challenge_methods_supported === true && facts.s256_listed === false,
      );
      expect(found.includes('as/code-response-type-missing')).toBe(
        facts.response_type_code_listed !== true,
      );
      expect(found.includes('as/authorization-endpoint-missing')).toBe(
        facts.has_authorization_endpoint !== true,
      );
      expect(found.includes('as/token-endpoint-missing')).toBe(facts.has_token_endpoint !== true);

      // Neither a Client ID Metadata Document nor, without a registration endpoint, any
      // registration at all: the finding says which.
      const cimd = evaluation.findings.find((finding) => finding.id === 'as/cimd-not-supported');
      expect(cimd !== undefined).toBe(facts.cimd_supported !== true);
      expect(cimd?.message.includes('registered by hand')).toBe(
        facts.has_registration_endpoint === false,
      );

      // The example client registered refresh_token and the PRM gives a scope, so SEP-2207's
      // offline_access depends only on whether the server lists it.
      expect(evaluation.decision.offlineAccess).toBe(
        facts.offline_access_listed === true ? 'added' : 'not-added',
      );

      // A client following the spec builds the request exactly when nothing in the metadata
      // stops it: PKCE with S256 advertised, the code response type, both endpoints.
      const requestable =
        facts.s256_listed === true &&
        facts.response_type_code_listed === true &&
        facts.has_authorization_endpoint === true;
      expect(evaluation.authorizationRequest.ok).toBe(requestable);
      if (evaluation.authorizationRequest.ok) {
        expect(
          evaluation.authorizationRequest.url.startsWith(
            `${String(
              (scenario.authServerMetadata as { authorization_endpoint: string })
                .authorization_endpoint,
            )}?`,
          ),
        ).toBe(true);
      }

      // Its only errors are the ones its facts predict.
      const expectedErrors = [
        ...(facts.has_code_challenge_methods_supported === false ? ['as/pkce-not-advertised'] : []),
        ...(document === published.googleAccounts ? ['as/issuer-mismatch'] : []),
      ];
      const errors = evaluation.findings.filter((finding) => finding.severity === 'error');
      expect(errors.map((finding) => finding.id).sort()).toEqual(expectedErrors.sort());
    },
  );

  it('reads each document alone, without its pair, with no finding about its shape', () => {
    for (const document of servers) {
      const evaluation = evaluateScenario({ authServerMetadata: JSON.parse(document.raw) });
      const shape = ids(evaluation).filter((id) => /\/invalid-/.test(id));
      expect(shape, document.file).toEqual([]);
    }
  });
});

describe('the Google pair as a vector', () => {
  const facts = PUBLISHED_FACTS['prm-google-compute-mcp.json'] as Record<string, unknown>;
  const asFacts = PUBLISHED_FACTS['as-google-accounts-rfc8414.json'] as Record<string, unknown>;
  const { scenario } = preset('real-google-compute-mcp');

  it('finds the trailing-slash issuer mismatch the facts show', () => {
    const named = (facts.authorization_servers as string[])[0];
    expect(named).not.toBe(asFacts.issuer);
    expect(named).toBe(`${String(asFacts.issuer)}/`);
    const mismatch = evaluateScenario(scenario).findings.find(
      (finding) => finding.id === 'as/issuer-mismatch',
    );
    expect(mismatch).toMatchObject({ severity: 'error', path: ['issuer'] });
    expect(mismatch?.message).toContain(JSON.stringify(named));
  });

  it('has every client request the PRM’s one URL scope, with no offline_access', () => {
    const evaluation = evaluateScenario(scenario);
    expect(asFacts.scopes_supported).toBeNull();
    for (const decision of evaluation.comparison) {
      expect(decision.scope, decision.profile).toBe((facts.scopes_supported as string[]).join(' '));
      expect(decision.offlineAccess, decision.profile).toBe('not-added');
    }
    expect(scenario.serverUrl).toBe(facts.resource);
    expect(ids(evaluation).filter((id) => id.startsWith('prm/'))).toEqual([]);
  });
});

describe('REAL_SERVER_PRESETS', () => {
  it('names each service, and stays apart from the rule presets', () => {
    expect(REAL_SERVER_PRESETS.map((item) => item.title)).toEqual([
      'Microsoft Entra ID',
      'Google Compute MCP server',
      'Auth0 (Docker’s tenant)',
      'GitLab.com',
      'PayPal',
      'Slack',
    ]);
    const all = [...PRESETS, ...REAL_SERVER_PRESETS];
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    expect(new Set(all.map((item) => item.title)).size).toBe(all.length);
  });

  it('explains each in two sentences and says what the server owner can change', () => {
    for (const item of REAL_SERVER_PRESETS) {
      const sentences = item.explanation.split(/(?<=[.!?])\s+(?=[A-Z])/);
      expect(sentences, item.id).toHaveLength(2);
      expect(item.provenance?.serverOwner, item.id).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('marks every part it did not take from a published document as the playground’s', () => {
    const parts = [
      'serverUrl',
      'wwwAuthenticate',
      'resourceMetadata',
      'authServerMetadata',
      'clientMetadata',
    ];
    for (const item of REAL_SERVER_PRESETS) {
      const provenance = item.provenance!;
      const real = provenance.published.map((entry) => entry.part as string);
      const defaulted = provenance.defaults.map((entry) => entry.part as string);
      expect([...real, ...defaulted].sort(), item.id).toEqual([...parts].sort());
      for (const part of parts) expect(item.scenario, `${item.id} ${part}`).toHaveProperty(part);
    }
  });

  it('travels through a permalink unchanged', async () => {
    for (const item of REAL_SERVER_PRESETS) {
      const decoded = await decodeScenario(await encodeScenario(item.scenario));
      expect(decoded, item.id).toMatchObject({ ok: true, notes: [], scenario: item.scenario });
    }
  });
});

describe('what each real-server preset claims', () => {
  it('Microsoft Entra ID: spec clients stop without PKCE advertised, and which go ahead', () => {
    const { scenario, provenance } = preset('real-entra-id');
    const evaluation = evaluateScenario(scenario);
    expect(ids(evaluation)).toContain('as/pkce-not-advertised');
    expect(evaluation.authorizationRequest.ok).toBe(false);

    const outcomes = requestOutcomes(scenario);
    const stops = outcomes.stops.map((profile) => profile.id);
    const proceeds = outcomes.proceeds.map((profile) => profile.id);
    expect(stops).toEqual(expect.arrayContaining(['mcp-2026-07-28', 'mcp-2025-11-25']));
    expect(proceeds.length).toBeGreaterThan(0);
    expect([...stops, ...proceeds].sort()).toEqual(PROFILES.map((profile) => profile.id).sort());
    // Those named as stopping are stopped by the missing PKCE list, and those named as going
    // ahead send S256 anyway.
    for (const id of stops) {
      const request = evaluateScenario({ ...scenario, profile: id }).authorizationRequest;
      expect(request.ok, id).toBe(false);
      if (!request.ok)
        expect(request.findings.map((finding) => finding.id)).toContain('as/pkce-not-advertised');
    }
    for (const id of proceeds) {
      const request = evaluateScenario({ ...scenario, profile: id }).authorizationRequest;
      expect(request.ok, id).toBe(true);
      if (request.ok) expect(request.params).toContainEqual(['code_challenge_method', 'S256']);
    }

    // No registration endpoint and no CIMD: registration by hand.
    const cimd = evaluation.findings.find((finding) => finding.id === 'as/cimd-not-supported');
    expect(cimd?.message).toContain('registered by hand');

    // The server owner's change: S256 listed, every client goes ahead.
    expect(provenance?.serverOwner).toContain('S256');
    const fixed = withField(scenario, 'authServerMetadata', {
      code_challenge_methods_supported: ['S256'],
    });
    expect(requestOutcomes(fixed).stops).toEqual([]);
  });

  it('Google Compute MCP server: the slash is the owner’s to remove', () => {
    const { scenario } = preset('real-google-compute-mcp');
    const fixed = withField(scenario, 'resourceMetadata', {
      authorization_servers: ['https://accounts.google.com'],
    });
    expect(ids(evaluateScenario(fixed))).not.toContain('as/issuer-mismatch');
  });

  it('Auth0: a spec client registers itself and asks for offline_access, sending S256', () => {
    const { scenario } = preset('real-auth0-docker');
    const evaluation = evaluateScenario(scenario);
    expect(evaluation.decision).toMatchObject({
      scope: 'files:read offline_access',
      offlineAccess: 'added',
    });
    const metadata = scenario.authServerMetadata as Record<string, unknown>;
    expect(metadata.registration_endpoint).toEqual(expect.any(String));
    expect(String(metadata.issuer).endsWith('/')).toBe(true);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256', 'plain']);
    expect(requestOutcomes(scenario).stops).toEqual([]);
    for (const profile of PROFILES) {
      const request = evaluateScenario({ ...scenario, profile: profile.id }).authorizationRequest;
      if (request.ok) expect(request.params).toContainEqual(['code_challenge_method', 'S256']);
    }
    expect(evaluation.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    // The PRM must copy the slash: without it the issuer no longer matches.
    const noSlash = withField(scenario, 'resourceMetadata', {
      authorization_servers: [String(metadata.issuer).slice(0, -1)],
    });
    expect(ids(evaluateScenario(noSlash))).toContain('as/issuer-mismatch');
  });

  it('GitLab.com: no offline_access, and every GitLab scope once the PRM has none', () => {
    const { scenario } = preset('real-gitlab');
    const evaluation = evaluateScenario(scenario);
    for (const decision of evaluation.comparison) {
      expect(tokens(decision.scope), decision.profile).not.toContain('offline_access');
    }
    const bare = withField(scenario, 'resourceMetadata', { scopes_supported: undefined });
    const everyScope = evaluateScenario(bare);
    for (const profile of ['vscode', 'python-sdk'] as const) {
      const scope = tokens(decisionOf(everyScope, profile).scope);
      expect(scope, profile).toHaveLength(20);
      expect(scope, profile).toEqual(expect.arrayContaining(['sudo', 'admin_mode']));
    }
    expect(ids(everyScope)).toContain('prm/clients-request-every-as-scope');
  });

  it('PayPal: S256 among signature algorithms passes, and the PRM scope goes out alone', () => {
    const { scenario } = preset('real-paypal');
    const evaluation = evaluateScenario(scenario);
    expect(ids(evaluation)).not.toContain('as/s256-not-supported');
    expect(requestOutcomes(scenario).stops).toEqual([]);
    expect(evaluation.decision).toMatchObject({ scope: 'files:read', offlineAccess: 'not-added' });
  });

  it('Slack: spec clients stop as with Entra ID, and nobody asks for a refresh token', () => {
    const { scenario } = preset('real-slack');
    const evaluation = evaluateScenario(scenario);
    expect(ids(evaluation)).toContain('as/pkce-not-advertised');
    const stops = requestOutcomes(scenario).stops.map((profile) => profile.id);
    expect(stops).toEqual(expect.arrayContaining(['mcp-2026-07-28', 'mcp-2025-11-25']));
    for (const decision of evaluation.comparison) {
      expect(decision.offlineAccess, decision.profile).not.toBe('added');
      expect(tokens(decision.scope), decision.profile).not.toContain('offline_access');
    }
    const fixed = withField(scenario, 'authServerMetadata', {
      code_challenge_methods_supported: ['S256'],
    });
    expect(requestOutcomes(fixed).stops).toEqual([]);
  });
});
