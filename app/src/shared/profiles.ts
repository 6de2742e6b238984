import {
  PROFILES,
  type Profile,
  type ProfileGroup,
  type ProfileId,
} from '@mcp-auth-playground/core';

export const GROUP_TITLES: Readonly<Record<ProfileGroup, string>> = {
  spec: 'The spec',
  sdk: 'SDKs',
  application: 'Applications',
};

const GROUP_ORDER: readonly ProfileGroup[] = ['spec', 'sdk', 'application'];

export function profileOf(id: ProfileId): Profile | undefined {
  return PROFILES.find((profile) => profile.id === id);
}

/** Profiles by group, in the order the page lists groups; empty groups are left out. */
export function profilesByGroup(): { group: ProfileGroup; title: string; profiles: Profile[] }[] {
  return GROUP_ORDER.map((group) => ({
    group,
    title: GROUP_TITLES[group],
    profiles: PROFILES.filter((profile) => profile.group === group),
  })).filter((entry) => entry.profiles.length > 0);
}

/** The profile every other one is compared with: the first (newest) spec revision. */
export function referenceProfile(): Profile | undefined {
  return PROFILES.find((profile) => profile.group === 'spec');
}

/** The label of a rule as the profile draws it, or its id when the profile has no such node. */
export function ruleLabel(profile: Profile | undefined, rule: string): string {
  return profile?.rule.find((node) => node.rule === rule)?.label ?? rule;
}
