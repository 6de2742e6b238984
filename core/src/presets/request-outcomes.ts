import { PROFILES } from '../profiles/index.ts';
import { evaluateScenario } from '../scenario/evaluate.ts';
import type { Profile, Scenario } from '../types.ts';

export interface RequestOutcomes {
  /** Profiles that build the authorization request for this scenario, in PROFILES order. */
  proceeds: Profile[];
  /** Profiles whose checks of the authorization server stop them before any request. */
  stops: Profile[];
}

/**
 * Which clients send an authorization request for `scenario` and which refuse, as each profile's
 * own request preview decides: the words beside a preset name them from this, never by hand.
 * Evaluates the scenario once per profile, so call it for a preset, not on every keystroke.
 */
export function requestOutcomes(scenario: Scenario): RequestOutcomes {
  const outcomes: RequestOutcomes = { proceeds: [], stops: [] };
  for (const profile of PROFILES) {
    const { authorizationRequest } = evaluateScenario({ ...scenario, profile: profile.id });
    (authorizationRequest.ok ? outcomes.proceeds : outcomes.stops).push(profile);
  }
  return outcomes;
}
