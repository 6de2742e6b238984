import { canonicalResourceUri } from '../protocol/resource-uri.ts';
import { findChallenge, parseWwwAuthenticate } from '../protocol/www-authenticate.ts';
import { parseAuthServerMetadata } from '../schemas/auth-server-metadata.ts';
import { parseClientMetadata } from '../schemas/client-metadata.ts';
import { parseResourceMetadata } from '../schemas/resource-metadata.ts';
import type { Challenge, Finding, Scenario, UnparsedDocument } from '../types.ts';
import { AUTH_SERVER_RULES } from './auth-server.ts';
import { CLIENT_DIVERGENCE_RULES } from './client-divergence.ts';
import { CLIENT_METADATA_RULES } from './client-metadata.ts';
import { RESOURCE_METADATA_RULES } from './resource-metadata.ts';
import { runRules, type FindingRule, type LintContext } from './rule.ts';
import { SERVER_URL_RULES } from './server-url.ts';
import { isServed, readUnparsedDocuments } from './unparsed-documents.ts';
import { WWW_AUTHENTICATE_RULES } from './www-authenticate.ts';

/** Every rule, grouped by the document it is about, in the order findings are listed. */
export const FINDING_RULES: readonly FindingRule[] = [
  ...SERVER_URL_RULES,
  ...WWW_AUTHENTICATE_RULES,
  ...RESOURCE_METADATA_RULES,
  ...AUTH_SERVER_RULES,
  ...CLIENT_METADATA_RULES,
  ...CLIENT_DIVERGENCE_RULES,
];

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The first Bearer challenge of a WWW-Authenticate value; undefined for anything else. */
export function bearerChallenge(wwwAuthenticate: unknown): Challenge | undefined {
  const header = nonBlank(wwwAuthenticate);
  return header === undefined ? undefined : findChallenge(parseWwwAuthenticate(header), 'Bearer');
}

/**
 * Reads every document of a scenario once: the rules' context, the schema findings the readers
 * reported along the way (wrong types at their JSON paths, text that is not JSON), and the
 * documents served as text that is not JSON.
 */
export function readScenario(
  scenario: Scenario,
  challenge: Challenge | undefined = bearerChallenge(scenario.wwwAuthenticate),
): { context: LintContext; schemaFindings: Finding[]; unparsed: UnparsedDocument[] } {
  const serverUrl = nonBlank(scenario.serverUrl);
  const canonical = serverUrl === undefined ? undefined : canonicalResourceUri(serverUrl);
  const wwwAuthenticate = nonBlank(scenario.wwwAuthenticate);
  const unparsed = readUnparsedDocuments(scenario);
  // A document served as broken JSON is there: its JSON error is the finding, not its absence.
  const context: LintContext = {
    missing: {
      resource: !isServed(scenario, 'resourceMetadata', unparsed),
      authServer: !isServed(scenario, 'authServerMetadata', unparsed),
      client: !isServed(scenario, 'clientMetadata', unparsed),
    },
  };
  if (serverUrl !== undefined) context.serverUrl = serverUrl;
  if (canonical?.ok) context.canonicalServerUri = canonical.value;
  if (wwwAuthenticate !== undefined) context.wwwAuthenticate = wwwAuthenticate;
  if (challenge !== undefined) context.challenge = challenge;

  const schemaFindings: Finding[] = unparsed.map((document) => document.finding);
  if (scenario.resourceMetadata !== undefined) {
    const read = parseResourceMetadata(scenario.resourceMetadata);
    schemaFindings.push(...read.findings);
    if (read.isObject) context.resource = read.document;
  }
  if (scenario.authServerMetadata !== undefined) {
    const read = parseAuthServerMetadata(scenario.authServerMetadata);
    schemaFindings.push(...read.findings);
    if (read.isObject) context.authServer = read.document;
  }
  if (scenario.clientMetadata !== undefined) {
    const read = parseClientMetadata(scenario.clientMetadata);
    schemaFindings.push(...read.findings);
    if (read.isObject) context.client = read.document;
  }
  return { context, schemaFindings, unparsed };
}

const SUBJECT_ORDER: readonly Finding['subject'][] = [
  'server-url',
  'www-authenticate',
  'resource-metadata',
  'auth-server-metadata',
  'client-metadata',
];

/** Runs every rule and lists the findings document by document, schema findings first. */
export function lintContext(context: LintContext, schemaFindings: readonly Finding[]): Finding[] {
  const ruleFindings: Finding[] = [];
  runRules(FINDING_RULES, context, ruleFindings);
  const findings: Finding[] = [];
  for (const subject of SUBJECT_ORDER) {
    for (const finding of schemaFindings) if (finding.subject === subject) findings.push(finding);
    for (const finding of ruleFindings) if (finding.subject === subject) findings.push(finding);
  }
  return findings;
}

/** What is wrong with a scenario's configuration, each finding saying what to change. Total. */
export function lintScenario(scenario: Scenario): Finding[] {
  const safe = typeof scenario === 'object' && scenario !== null ? scenario : {};
  const { context, schemaFindings } = readScenario(safe);
  return lintContext(context, schemaFindings);
}
