import type { Cite } from '../cite.ts';
import type { AuthServerMetadata } from '../schemas/auth-server-metadata.ts';
import type { ClientMetadata } from '../schemas/client-metadata.ts';
import type { ResourceMetadata } from '../schemas/resource-metadata.ts';
import type { Challenge, DocumentSubject, Finding } from '../types.ts';

/**
 * What the rules see: each document already read leniently, present only when it was served as
 * a JSON object (a document of another type is reported once, by its reader, and checked no
 * further).
 */
export interface LintContext {
  /** The server URL as the user gave it, when it is not blank. */
  serverUrl?: string;
  /** The canonical URI of `serverUrl`, when it has one. */
  canonicalServerUri?: string;
  /** The WWW-Authenticate value as the user gave it, when it is not blank. */
  wwwAuthenticate?: string;
  /** The first Bearer challenge of the WWW-Authenticate value, when there is one. */
  challenge?: Challenge;
  resource?: ResourceMetadata;
  authServer?: AuthServerMetadata;
  client?: ClientMetadata;
  /** Documents the scenario does not have at all, as opposed to ones of the wrong type. */
  missing?: { resource: boolean; authServer: boolean; client: boolean };
}

/** Where a rule fired and what the server author should change there. */
export interface RuleHit {
  path?: (string | number)[];
  message: string;
}

/**
 * One check, in the style of oauth4webapi: a stable id, the severity the spec's keyword implies
 * (MUST → error, SHOULD → warning, MAY or advice → info), the document it is about, and the
 * spec section it enforces.
 */
export interface FindingRule {
  readonly id: string;
  readonly severity: Finding['severity'];
  readonly subject: DocumentSubject;
  readonly cite: Cite;
  check(context: LintContext): readonly RuleHit[];
}

export const NO_HITS: readonly RuleHit[] = Object.freeze([]);

export function hit(message: string, path?: (string | number)[]): readonly RuleHit[] {
  return [path === undefined ? { message } : { path, message }];
}

export function runRules(
  rules: readonly FindingRule[],
  context: LintContext,
  out: Finding[],
): void {
  for (const rule of rules) {
    for (const found of rule.check(context)) {
      const finding: Finding = {
        id: rule.id,
        severity: rule.severity,
        subject: rule.subject,
        message: found.message,
        cite: rule.cite,
      };
      if (found.path !== undefined) finding.path = found.path;
      out.push(finding);
    }
  }
}
