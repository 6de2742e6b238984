import type { StepName } from '@mcp-auth-playground/core';
import type { FlowSnapshot } from '@mcp-auth-playground/client';
import {
  AuthorizationRequestDetails,
  AuthorizationResponseDetails,
} from './details/AuthorizationDetails.tsx';
import {
  AuthServerMetadataDetails,
  ProbeDetails,
  ResourceMetadataDetails,
} from './details/DiscoveryDetails.tsx';
import { McpDetails, WriteNoteDetails, WriteNoteRetryDetails } from './details/McpDetails.tsx';
import { RegistrationDetails } from './details/RegistrationDetails.tsx';
import { DecisionSummary } from './details/ScopeDetails.tsx';
import { RefreshDetails, TokenDetails } from './details/TokenDetails.tsx';

/** What a step found, when it has found something. */
export function StepDetails({ step, snapshot }: { step: StepName; snapshot: FlowSnapshot }) {
  const { data, config } = snapshot;
  switch (step) {
    case 'probe':
      return data.probe ? <ProbeDetails data={data.probe} /> : null;
    case 'resource-metadata': {
      const found = data['resource-metadata'];
      return found ? <ResourceMetadataDetails data={found} /> : null;
    }
    case 'authorization-server-metadata': {
      const found = data['authorization-server-metadata'];
      return found ? <AuthServerMetadataDetails data={found} /> : null;
    }
    case 'registration':
      return data.registration ? <RegistrationDetails data={data.registration} /> : null;
    case 'scope':
      return data.scope ? (
        <DecisionSummary
          decision={data.scope.decision}
          profile={config.profile}
          testId="flow-scope"
          note={data.scope.promptNote}
        />
      ) : null;
    case 'authorization-request':
    case 'step-up-authorization-request': {
      const found = data[step];
      return found ? <AuthorizationRequestDetails data={found} /> : null;
    }
    case 'authorization-response':
    case 'step-up-authorization-response': {
      const found = data[step];
      return found ? <AuthorizationResponseDetails data={found} /> : null;
    }
    case 'token':
    case 'step-up-token': {
      const found = data[step];
      return found ? <TokenDetails data={found} /> : null;
    }
    case 'mcp':
      return data.mcp ? <McpDetails data={data.mcp} /> : null;
    case 'refresh':
      return data.refresh ? <RefreshDetails data={data.refresh} /> : null;
    case 'write-note': {
      const found = data['write-note'];
      return found ? <WriteNoteDetails data={found} profile={config.profile} /> : null;
    }
    case 'write-note-retry': {
      const found = data['write-note-retry'];
      return found ? <WriteNoteRetryDetails data={found} /> : null;
    }
  }
}
