import { CITES } from '../cite.ts';
import type {
  DecisionStep,
  ProfileId,
  RuleNode,
  ScopeDecision,
  ScopeSource,
  StepOutcome,
} from '../types.ts';

/**
 * Collects the steps of one decision. A step names a node of the profile's rule and takes its
 * citation from there, so the rule drawn for a reader and the path a decision took share ids
 * and citations by construction.
 */
export class Trace<R extends string> {
  readonly steps: DecisionStep[] = [];

  /** `rule` is the profile's rule; its literal ids type-check every step recorded here. */
  constructor(private readonly rule: readonly (RuleNode & { readonly rule: R })[]) {}

  private add(rule: R, outcome: StepOutcome, detail: string, deviation?: string): void {
    const node = this.rule.find((candidate) => candidate.rule === rule) ?? this.rule[0];
    const step: DecisionStep = { rule, outcome, detail, cite: node?.cite ?? CITES.scopeSelection };
    if (deviation !== undefined) step.deviation = deviation;
    this.steps.push(step);
  }

  /** A source of scope that supplied the value. */
  used(rule: R, detail: string, deviation?: string): void {
    this.add(rule, 'used', detail, deviation);
  }

  /** A source of scope that had nothing usable, so the decision moved on. */
  skipped(rule: R, detail: string, deviation?: string): void {
    this.add(rule, 'skipped', detail, deviation);
  }

  /** A transformation (union, omission, offline_access, prompt) that took effect. */
  applied(rule: R, detail: string, deviation?: string): void {
    this.add(rule, 'applied', detail, deviation);
  }

  /** A transformation whose conditions did not hold. */
  notApplied(rule: R, detail: string, deviation?: string): void {
    this.add(rule, 'not-applied', detail, deviation);
  }

  finish(result: {
    profile: ProfileId;
    scope: string | undefined;
    source: ScopeSource;
    offlineAccess: ScopeDecision['offlineAccess'];
    promptConsent: boolean;
  }): ScopeDecision {
    return {
      profile: result.profile,
      scope: result.scope,
      source: result.source,
      offlineAccess: result.offlineAccess,
      promptConsent: result.promptConsent,
      steps: this.steps,
    };
  }
}
