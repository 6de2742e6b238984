import type { StepName } from '@mcp-auth-playground/core';
import type { StepExecutor } from '../flow/context.ts';
import {
  authorizationResponse,
  mainAuthorizationRequest,
  stepUpAuthorizationRequest,
} from './authorization.ts';
import { authServerMetadata, probe, resourceMetadata } from './discovery.ts';
import { mcp, writeNote, writeNoteRetry } from './mcp.ts';
import { registration } from './registration.ts';
import { scope } from './scope.ts';
import { codeExchange, refresh } from './token.ts';

/** The work of each step. */
export const EXECUTORS: Readonly<Record<StepName, StepExecutor>> = {
  probe,
  'resource-metadata': resourceMetadata,
  'authorization-server-metadata': authServerMetadata,
  registration,
  scope,
  'authorization-request': mainAuthorizationRequest,
  'authorization-response': authorizationResponse,
  token: codeExchange,
  mcp,
  refresh,
  'write-note': writeNote,
  'step-up-authorization-request': stepUpAuthorizationRequest,
  'step-up-authorization-response': authorizationResponse,
  'step-up-token': codeExchange,
  'write-note-retry': writeNoteRetry,
};
