import { flowReducer, initialFlowState, type FlowState } from '@mcp-auth-playground/core';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { httpExchangeElementId } from '../../src/flow/components/HttpLog.tsx';
import type { FlowSnapshot } from '@mcp-auth-playground/client';
import {
  currentStep,
  openLoggedExchange,
  partiesOf,
} from '../../src/pictures/sequence/FlowSequencePanel.tsx';

const TESTBED = 'http://localhost:4000';

function snapshot(
  data: FlowSnapshot['data'],
  machine: FlowState = initialFlowState(),
): FlowSnapshot {
  return {
    config: {
      serverUrl: `${TESTBED}/mcp`,
      registration: 'pre-registered',
      clientId: 'playground',
      cimdUrl: '',
      profile: 'mcp-2026-07-28',
    },
    machine,
    data,
    log: [],
  };
}

describe('partiesOf', () => {
  it('knows only the server before discovery', () => {
    expect(partiesOf(snapshot({}), 'http://localhost:5173')).toEqual({
      serverUrl: `${TESTBED}/mcp`,
      authServers: [],
      clientOrigin: 'http://localhost:5173',
    });
  });

  it('adds the challenge, the PRM URL and each listed authorization server with what was read', () => {
    const document = {
      issuer: `${TESTBED}/as/default`,
      token_endpoint: `${TESTBED}/as/default/token`,
    };
    const parties = partiesOf(
      snapshot({
        probe: {
          status: 401,
          wwwAuthenticate: 'Bearer scope="mcp:read"',
          attempts: [],
          findings: [],
        },
        'resource-metadata': {
          url: `${TESTBED}/.well-known/oauth-protected-resource/mcp`,
          authorizationServers: [`${TESTBED}/as/default`, 'https://other.example.com'],
          attempts: [],
          findings: [],
        },
        'authorization-server-metadata': {
          issuer: `${TESTBED}/as/default`,
          document,
          url: `${TESTBED}/.well-known/oauth-authorization-server/as/default`,
          attempts: [],
          findings: [],
        },
      }),
      'http://localhost:5173',
    );
    expect(parties).toEqual({
      serverUrl: `${TESTBED}/mcp`,
      clientOrigin: 'http://localhost:5173',
      wwwAuthenticate: 'Bearer scope="mcp:read"',
      resourceMetadataUrl: `${TESTBED}/.well-known/oauth-protected-resource/mcp`,
      authServers: [
        {
          issuer: `${TESTBED}/as/default`,
          metadata: document,
          metadataUrl: `${TESTBED}/.well-known/oauth-authorization-server/as/default`,
        },
        { issuer: 'https://other.example.com' },
      ],
    });
  });
});

describe('currentStep', () => {
  it('is the running step, else the last one done, else none', () => {
    let machine = initialFlowState();
    expect(currentStep(machine)).toBeUndefined();
    machine = flowReducer(machine, { type: 'continue', at: 1 });
    expect(currentStep(machine)).toBe('probe');
    machine = flowReducer(machine, { type: 'succeeded', runId: 0, step: 'probe', at: 2 });
    expect(currentStep(machine)).toBe('probe');
    machine = flowReducer(machine, { type: 'continue', at: 3 });
    expect(currentStep(machine)).toBe('resource-metadata');
    machine = flowReducer(machine, {
      type: 'failed',
      runId: 0,
      step: 'resource-metadata',
      at: 4,
      error: { code: 'not-found', message: 'No metadata was found.' },
    });
    expect(currentStep(machine)).toBe('resource-metadata');
  });
});

describe('openLoggedExchange', () => {
  it('opens the entry, and puts focus on its summary', () => {
    render(
      <ol>
        <li id={httpExchangeElementId('x2')}>
          <details>
            <summary>GET /</summary>
            body
          </details>
        </li>
      </ol>,
    );
    openLoggedExchange('x2');
    const details = document.querySelector('details')!;
    expect(details.open).toBe(true);
    expect(document.activeElement).toBe(details.querySelector('summary'));
    expect(() => openLoggedExchange('missing')).not.toThrow();
  });
});
