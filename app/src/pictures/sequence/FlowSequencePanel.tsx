import {
  failedStep,
  runningStep,
  STEP_INFO,
  type FlowState,
  type KnownAuthServer,
  type SequenceParties,
  type StepName,
} from '@mcp-auth-playground/core';
import { useMemo } from 'react';
import { httpExchangeElementId } from '../../flow/components/HttpLog.tsx';
import type { FlowSnapshot } from '@mcp-auth-playground/client';
import { FlowSequence } from './FlowSequence.tsx';

/**
 * The step the diagram lights: the one running, else the one that failed, else the last one
 * done (in step mode, the one the user just ran while the next waits for Continue).
 */
export function currentStep(machine: FlowState): StepName | undefined {
  const active = runningStep(machine) ?? failedStep(machine);
  if (active) return active.name;
  return machine.steps.findLast((step) => step.status === 'done')?.name;
}

/** What the flow has learnt about the parties so far, from which each exchange's lane follows. */
export function partiesOf(snapshot: FlowSnapshot, clientOrigin: string): SequenceParties {
  const { config, data } = snapshot;
  const metadata = data['authorization-server-metadata'];
  const issuers = new Set(data['resource-metadata']?.authorizationServers ?? []);
  if (metadata) issuers.add(metadata.issuer);
  const authServers = [...issuers].map((issuer): KnownAuthServer => {
    if (!metadata || metadata.issuer !== issuer) return { issuer };
    return {
      issuer,
      ...(metadata.document === undefined ? {} : { metadata: metadata.document }),
      ...(metadata.url === undefined ? {} : { metadataUrl: metadata.url }),
    };
  });
  const parties: SequenceParties = { serverUrl: config.serverUrl, authServers, clientOrigin };
  const challenge = data.probe?.wwwAuthenticate;
  if (challenge !== undefined) parties.wwwAuthenticate = challenge;
  const resourceMetadataUrl = data['resource-metadata']?.url;
  if (resourceMetadataUrl !== undefined) parties.resourceMetadataUrl = resourceMetadataUrl;
  return parties;
}

const stepTitle = (step: StepName) => STEP_INFO[step].title;

/** Opens an exchange's entry in the HTTP log, brings it into view and puts focus on it. */
export function openLoggedExchange(exchangeId: string): void {
  const entry = document.getElementById(httpExchangeElementId(exchangeId));
  const details = entry?.querySelector('details');
  if (!entry || !details) return;
  details.open = true;
  entry.scrollIntoView({ block: 'nearest' });
  details.querySelector('summary')?.focus({ preventScroll: true });
}

/** The flow runner's sequence diagram, drawn from its snapshot as the flow goes. */
export function FlowSequencePanel({
  snapshot,
  onOpenExchange,
}: {
  snapshot: FlowSnapshot;
  onOpenExchange: (exchangeId: string) => void;
}) {
  const parties = useMemo(() => partiesOf(snapshot, window.location.origin), [snapshot]);
  return (
    <section className="flow-sequence" aria-labelledby="flow-sequence-title">
      <h3 id="flow-sequence-title">Sequence</h3>
      <FlowSequence
        log={snapshot.log}
        parties={parties}
        currentStep={currentStep(snapshot.machine)}
        stepTitle={stepTitle}
        onOpenExchange={onOpenExchange}
      />
    </section>
  );
}
