// The text of --help for the command and each subcommand: what a user reads first, so it names
// every flag, what it changes and what the exit codes mean. Every line fits in 80 columns.
import { DEFAULT_PROFILE, PROFILES } from '@mcp-auth-playground/core';

export const COMMAND = 'mcp-auth-playground';

const EXIT_CODES = `Exit codes:
  0  no finding is an error
  1  a finding is an error, or discovery stopped at a step
  2  wrong usage, or the server could not be reached or its answers read`;

export const OVERVIEW = `${COMMAND}: check an MCP server's authorization metadata
and run the real OAuth flow against it, from a terminal or a CI job.

Usage:
  ${COMMAND} check <server-url> [options]
      Discovery as a client does it, the findings, and the scope every
      modelled client would request.
  ${COMMAND} flow <server-url> [options]
      The real authorization flow, ending with tools/list.
  ${COMMAND} <command> --help
      The options of one command.
  ${COMMAND} --version

${EXIT_CODES}
`;

const CHECK_HELP = `Usage: ${COMMAND} check <server-url> [options]

Sends the MCP server an unauthenticated request, then reads its Protected
Resource Metadata and its authorization server's metadata, exactly as the flow
does. Prints each request as it happens, the findings, the scope every modelled
client would request, and a link that opens the same documents in the
playground.

Options:
  --profile ID            the client whose decision the evaluation centres on
                          (default mcp-2026-07-28; the list is below)
  --json                  print { serverUrl, exchanges, evaluation } as JSON
  --client-metadata FILE  decide for this client metadata (a JSON file) instead
                          of the CLI's own: a native public client with a
                          loopback redirect URI and the authorization_code and
                          refresh_token grants
  --playground-url URL    where the permalink points
                          (default http://localhost:5173)
  -h, --help              this help

${EXIT_CODES}
`;

const FLOW_HELP = `Usage: ${COMMAND} flow <server-url> [options]

Runs the real authorization flow: discovery, registration, the scope decision,
the authorization request (PKCE, state, resource), the token request, and
authenticated MCP requests ending with tools/list. A 403 insufficient_scope
leads to step-up authorization, as in the playground.

Options:
  --profile ID                the client whose scope rule the flow follows
                              (default mcp-2026-07-28; the list is below)
  --client-id ID              a client pre-registered with the authorization
                              server (otherwise CIMD or dynamic registration)
  --client-secret S           its secret, for a confidential client
                              (client_secret_basic or client_secret_post, as
                              the server supports)
  --client-metadata-url URL   an https Client ID Metadata Document URL to use
                              as the client id
  --headless                  follow the authorization redirect without a
                              browser, for servers that approve without a person
  --call-tool NAME            after tools/list, call this tool; a 403
                              insufficient_scope leads to step-up
  --tool-arguments JSON       its arguments, a JSON object (default {})
  --verbose                   print the HTTP log, secrets redacted
  --reveal                    with --verbose, print secrets in full
  -h, --help                  this help

Without --headless the system browser opens the authorization URL (it is also
printed), and a one-shot listener on http://127.0.0.1:<port>/callback receives
the answer (RFC 8252).

Exit codes:
  0  the flow reached tools/list
  1  the flow stopped at a step (the step and the reason are printed)
  2  wrong usage, or the server could not be reached or its answers read
`;

/** The profiles `--profile` accepts, id and title, so no one has to guess an id. */
function profileList(): string {
  const width = Math.max(...PROFILES.map((profile) => profile.id.length));
  const lines = PROFILES.map((profile) => {
    const marker = profile.id === DEFAULT_PROFILE ? ' (default)' : '';
    return `  ${profile.id.padEnd(width)}  ${profile.title}${marker}`;
  });
  return `Profiles:\n${lines.join('\n')}\n`;
}

export const checkHelp = (): string => `${CHECK_HELP}\n${profileList()}`;
export const flowHelp = (): string => `${FLOW_HELP}\n${profileList()}`;
