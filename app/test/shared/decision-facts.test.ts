import { DEFAULT_PRESET, evaluateScenario } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { decisionFacts } from '../../src/shared/decision-facts.ts';
import { profileOf } from '../../src/shared/profiles.ts';
import { OFFLINE_ACCESS_TEXT, SOURCE_TEXT } from '../../src/shared/words.ts';

describe('the decision facts', () => {
  const { decision } = evaluateScenario(DEFAULT_PRESET.scenario);
  const profile = profileOf(decision.profile);

  it('says where the scope came from, offline_access and prompt=consent, in that order', () => {
    const facts = decisionFacts(decision, profile);
    expect(facts.map((fact) => [fact.term, fact.description])).toEqual([
      ['Where it came from', SOURCE_TEXT[decision.source]],
      ['offline_access', OFFLINE_ACCESS_TEXT[decision.offlineAccess]],
      ['prompt=consent', decision.promptConsent ? 'Sent' : 'Not sent'],
    ]);
  });

  it('points offline_access and prompt=consent at the steps that settled them', () => {
    const facts = decisionFacts(decision, profile);
    expect(facts[0]?.step).toBeUndefined();
    for (const [key, kind] of [
      ['offlineAccess', 'offline-access'],
      ['promptConsent', 'prompt'],
    ] as const) {
      const rules = new Set(
        profile?.rule.filter((node) => node.kind === kind).map((node) => node.rule),
      );
      const index = decision.steps.findIndex((step) => rules.has(step.rule));
      const step = facts.find((fact) => fact.key === key)?.step;
      expect(step, key).toBe(index < 0 ? undefined : index + 1);
      if (step !== undefined) expect(rules.has(decision.steps[step - 1]?.rule ?? '')).toBe(true);
    }
    expect(facts.find((fact) => fact.key === 'offlineAccess')?.step).toBeDefined();
  });

  it('points at no step without a profile to name the rules', () => {
    expect(decisionFacts(decision, undefined).map((fact) => fact.step)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('says Sent when a profile adds prompt=consent', () => {
    const facts = decisionFacts({ ...decision, promptConsent: true }, profile);
    expect(facts[2]?.description).toBe('Sent');
  });
});
