import { z } from 'zod';
import type { DocumentField, ProfileId, Scenario, UnparsedDocuments } from '../types.ts';
import { PROFILE_IDS } from '../profiles/index.ts';
import { jsonValueProblem } from './json-value.ts';

function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && (PROFILE_IDS as readonly string[]).includes(value);
}

function jsonDocument(name: string) {
  return z
    .unknown()
    .optional()
    .superRefine((value, context) => {
      if (value === undefined) return;
      const problem = jsonValueProblem(value, name);
      if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
    });
}

function text(name: string) {
  return z.string({ error: `${name} must be a string.` }).optional();
}

/** The text of served documents that are not JSON, kept as typed (see Scenario). */
const UnparsedDocumentsSchema = z
  .object(
    {
      resourceMetadata: text('unparsedDocuments.resourceMetadata'),
      authServerMetadata: text('unparsedDocuments.authServerMetadata'),
      clientMetadata: text('unparsedDocuments.clientMetadata'),
    },
    { error: 'unparsedDocuments must be an object of document texts.' },
  )
  .optional();

/**
 * A scenario as it travels in a permalink or a request body: three documents of any JSON value
 * (they are shown and checked as served, right or wrong), the server's challenge and URL, the
 * previous scope and the profile.
 */
export const ScenarioSchema = z.object({
  serverUrl: text('serverUrl'),
  wwwAuthenticate: text('wwwAuthenticate'),
  resourceMetadata: jsonDocument('resourceMetadata'),
  authServerMetadata: jsonDocument('authServerMetadata'),
  clientMetadata: jsonDocument('clientMetadata'),
  previousScope: text('previousScope'),
  // The ids come from the profile registry, so a link names exactly the clients core models.
  profile: z
    .custom<ProfileId>(isProfileId, { error: `profile must be one of ${PROFILE_IDS.join(', ')}.` })
    .optional(),
  unparsedDocuments: UnparsedDocumentsSchema,
});

const SCENARIO_KEYS: ReadonlySet<string> = new Set(Object.keys(ScenarioSchema.shape));

/**
 * Client metadata fields that hold a credential. A scenario is shared by link and stored by the
 * testbed, so it keeps none (the project's rule: secrets never go into a URL or a permalink).
 * `client_secret` and `registration_access_token` are issued by RFC 7591 §3.2.1; the token
 * fields are what a user may paste by mistake.
 */
const SECRET_CLIENT_FIELDS: readonly string[] = [
  'client_secret',
  'registration_access_token',
  'access_token',
  'refresh_token',
  'id_token',
  'code_verifier',
];

/** RFC 7518 §6.2.2 and §6.3.2, §6.4: the members that make a JWK private. */
const PRIVATE_JWK_MEMBERS: readonly string[] = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy without `names`; Object.fromEntries defines keys, so `__proto__` stays plain data. */
function without(record: Record<string, unknown>, names: readonly string[]) {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !names.includes(key)));
}

function stripPrivateJwks(jwks: unknown, notes: string[]): unknown {
  if (!isRecord(jwks) || !Array.isArray(jwks['keys'])) return jwks;
  let stripped = 0;
  const keys = jwks['keys'].map((key: unknown) => {
    if (!isRecord(key) || !PRIVATE_JWK_MEMBERS.some((member) => member in key)) return key;
    stripped++;
    return without(key, PRIVATE_JWK_MEMBERS);
  });
  if (stripped === 0) return jwks;
  notes.push(
    `The private parts of ${stripped === 1 ? 'a key' : `${stripped} keys`} in the client metadata's jwks were removed; only public keys are kept.`,
  );
  return { ...jwks, keys };
}

function stripClientSecrets(clientMetadata: unknown, notes: string[]): unknown {
  if (!isRecord(clientMetadata)) return clientMetadata;
  const found = SECRET_CLIENT_FIELDS.filter((name) => Object.hasOwn(clientMetadata, name));
  let result = found.length ? without(clientMetadata, found) : clientMetadata;
  for (const name of found) {
    notes.push(`${name} was removed from the client metadata: a scenario never holds secrets.`);
  }
  const jwks = stripPrivateJwks(result['jwks'], notes);
  if (jwks !== result['jwks']) result = { ...result, jwks };
  return result;
}

/** The quoted names before a colon in a text, read even when the text as a whole is not JSON. */
function quotedKeys(text: string): string[] {
  const keys: string[] = [];
  for (const match of text.matchAll(/"((?:[^"\\\n]|\\.)*)"\s*:/g)) {
    try {
      keys.push(JSON.parse(`"${match[1] ?? ''}"`) as string);
    } catch {
      // An escape that is not JSON yet names no key.
    }
  }
  return keys;
}

/**
 * Client metadata text that is not JSON cannot be cleaned member by member: when it names a
 * credential field or a private key member anywhere, the whole text is left out.
 */
function stripUnparsedClientSecrets(scenario: Scenario, notes: string[]): Scenario {
  const texts = scenario.unparsedDocuments;
  const text = isRecord(texts) ? texts['clientMetadata'] : undefined;
  if (typeof text !== 'string') return scenario;
  const keys = quotedKeys(text);
  const secret = [...SECRET_CLIENT_FIELDS, ...PRIVATE_JWK_MEMBERS].find((name) =>
    keys.includes(name),
  );
  if (secret === undefined) return scenario;
  notes.push(
    `The client metadata, which is not JSON yet, was left out because it names ${secret}: a scenario never holds secrets.`,
  );
  const { clientMetadata: _dropped, ...others } = texts as Record<string, string>;
  const { unparsedDocuments: _texts, ...rest } = scenario;
  return Object.keys(others).length > 0 ? { ...rest, unparsedDocuments: others } : rest;
}

/** A copy of the scenario without any credential in its client metadata, and what was removed. */
export function sanitizeScenario(scenario: Scenario): { scenario: Scenario; notes: string[] } {
  const notes: string[] = [];
  if (!isRecord(scenario)) return { scenario: {}, notes };
  const clientMetadata = stripClientSecrets(scenario.clientMetadata, notes);
  const cleaned =
    clientMetadata === scenario.clientMetadata ? scenario : { ...scenario, clientMetadata };
  return { scenario: stripUnparsedClientSecrets(cleaned, notes), notes };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function quoteKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

/**
 * The document texts worth keeping: a document that also has a value is read as the value, so
 * its text is dropped with a note. Undefined when none is left.
 */
function unparsedTexts(scenario: Scenario, notes: string[]): UnparsedDocuments | undefined {
  const texts = scenario.unparsedDocuments;
  if (texts === undefined) return undefined;
  const kept: UnparsedDocuments = {};
  for (const [field, value] of Object.entries(texts) as [DocumentField, string | undefined][]) {
    if (value === undefined) continue;
    if (scenario[field] !== undefined) {
      notes.push(`The text given for ${field} was ignored: the scenario has its JSON value.`);
      continue;
    }
    kept[field] = value;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

export type ParsedScenario =
  { ok: true; scenario: Scenario; notes: string[] } | { ok: false; message: string };

/**
 * Reads a scenario from untrusted JSON (a permalink, a request body). Unknown fields are
 * dropped and credentials stripped from the client metadata, each with a note; a field of the
 * wrong type refuses the whole scenario with a message saying which. Total on any input.
 */
export function parseScenario(value: unknown): ParsedScenario {
  try {
    return readScenario(value);
  } catch {
    // Only exotic objects (a proxy, a throwing getter) get here; JSON never does.
    return { ok: false, message: 'The scenario cannot be read as plain data.' };
  }
}

function readScenario(value: unknown): ParsedScenario {
  if (!isRecord(value)) {
    return {
      ok: false,
      message: `A scenario must be a JSON object with fields such as serverUrl and resourceMetadata, not ${kindOf(value)}.`,
    };
  }
  const notes: string[] = [];
  const unknownKeys = Object.keys(value).filter((key) => !SCENARIO_KEYS.has(key));
  if (unknownKeys.length > 0) {
    const shown = unknownKeys.slice(0, 5).map(quoteKey).join(', ');
    const more = unknownKeys.length > 5 ? ` and ${unknownKeys.length - 5} more` : '';
    notes.push(`Ignored unknown field${unknownKeys.length > 1 ? 's' : ''} ${shown}${more}.`);
  }

  const result = ScenarioSchema.safeParse(value);
  if (!result.success) {
    return { ok: false, message: result.error.issues[0]?.message ?? 'The scenario is not valid.' };
  }
  // Absent and undefined fields alike are left out, so the scenario has only the fields it uses.
  const scenario = Object.fromEntries(
    Object.entries(result.data).filter(([, field]) => field !== undefined),
  ) as Scenario;
  const unparsed = unparsedTexts(scenario, notes);
  if (unparsed === undefined) delete scenario.unparsedDocuments;
  else scenario.unparsedDocuments = unparsed;
  const sanitized = sanitizeScenario(scenario);
  return { ok: true, scenario: sanitized.scenario, notes: [...notes, ...sanitized.notes] };
}
