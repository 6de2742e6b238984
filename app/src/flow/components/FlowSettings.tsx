import type { ProfileId, RegistrationChoice } from '@mcp-auth-playground/core';
import { useId } from 'react';
import { profilesByGroup } from '../../shared/profiles.ts';
import type { FlowConfig } from '@mcp-auth-playground/client';

const REGISTRATION_TEXT: Readonly<Record<RegistrationChoice, string>> = {
  auto: 'Automatic, in the spec’s order',
  'pre-registered': 'Pre-registered client id',
  cimd: 'Client ID Metadata Document',
  dcr: 'Dynamic Client Registration',
};

interface FlowSettingsProps {
  config: FlowConfig;
  locked: boolean;
  onChange: (patch: Partial<FlowConfig>) => void;
}

/** What the flow runs against and as whom; fixed once the flow starts, until Restart. */
export function FlowSettings({ config, locked, onChange }: FlowSettingsProps) {
  const id = useId();
  const showClientId = config.registration === 'auto' || config.registration === 'pre-registered';
  const showCimd = config.registration === 'auto' || config.registration === 'cimd';
  return (
    <form
      className="flow-settings"
      onSubmit={(event) => event.preventDefault()}
      aria-label="Flow settings"
    >
      <fieldset disabled={locked}>
        <div className="flow-field wide">
          <label htmlFor={`${id}-url`}>MCP server URL</label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            value={config.serverUrl}
            onChange={(event) => onChange({ serverUrl: event.target.value })}
          />
        </div>
        <div className="flow-field">
          <label htmlFor={`${id}-registration`}>Client registration</label>
          <select
            id={`${id}-registration`}
            value={config.registration}
            onChange={(event) =>
              onChange({ registration: event.target.value as RegistrationChoice })
            }
          >
            {(Object.keys(REGISTRATION_TEXT) as RegistrationChoice[]).map((choice) => (
              <option key={choice} value={choice}>
                {REGISTRATION_TEXT[choice]}
              </option>
            ))}
          </select>
        </div>
        <div className="flow-field">
          <label htmlFor={`${id}-profile`}>Profile</label>
          <select
            id={`${id}-profile`}
            value={config.profile}
            onChange={(event) => onChange({ profile: event.target.value as ProfileId })}
          >
            {profilesByGroup().map((group) => (
              <optgroup key={group.group} label={group.title}>
                {group.profiles.map((profile) => (
                  <option key={profile.id} value={profile.id}>
                    {profile.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        {showClientId && (
          <div className="flow-field">
            <label htmlFor={`${id}-client`}>Pre-registered client ID</label>
            <input
              id={`${id}-client`}
              spellCheck={false}
              autoComplete="off"
              placeholder={config.registration === 'auto' ? 'none: skip this option' : 'playground'}
              value={config.clientId}
              onChange={(event) => onChange({ clientId: event.target.value })}
            />
          </div>
        )}
        {showCimd && (
          <div className="flow-field">
            <label htmlFor={`${id}-cimd`}>Client metadata document URL</label>
            <input
              id={`${id}-cimd`}
              type="url"
              spellCheck={false}
              autoComplete="off"
              placeholder="https://localhost:4000/clients/playground.json"
              value={config.cimdUrl}
              onChange={(event) => onChange({ cimdUrl: event.target.value })}
            />
          </div>
        )}
      </fieldset>
      {locked && (
        <p className="muted flow-locked">
          The settings are fixed while the flow runs; Restart to change them.
        </p>
      )}
    </form>
  );
}
