import type { ScenarioPart } from '@mcp-auth-playground/core';

/** How the notes name each part of a scenario; the documents' names match their editors. */
export const PART_LABELS: Readonly<Record<ScenarioPart, string>> = {
  serverUrl: 'MCP server URL',
  wwwAuthenticate: 'WWW-Authenticate challenge',
  resourceMetadata: 'Protected Resource Metadata',
  authServerMetadata: 'Authorization Server Metadata',
  clientMetadata: 'Client Metadata',
};
