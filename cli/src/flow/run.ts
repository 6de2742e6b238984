import { followAuthorizationRedirects, runFlow } from '@mcp-auth-playground/client';
import type { AuthorizeHook, EngineError, RunFlowResult } from '@mcp-auth-playground/client';
import type { ProfileId } from '@mcp-auth-playground/core';
import { webcrypto } from 'node:crypto';
import { cliClientMetadata } from '../client-metadata.ts';
import { EXIT } from '../errors.ts';
import type { ExitCode } from '../errors.ts';
import type { CliIo } from '../io.ts';
import { styleFor } from '../style.ts';
import { indented } from '../text.ts';
import { LoopbackListener } from './loopback.ts';
import { exchangeLines, shownExchange, stepLines } from './report.ts';

export interface FlowOptions {
  serverUrl: string;
  profile: ProfileId;
  clientId?: string;
  clientSecret?: string;
  clientMetadataUrl?: string;
  headless: boolean;
  verbose: boolean;
  reveal: boolean;
  /** Call a tool after tools/list (the first listed when unnamed), stepping up on a 403. */
  callTool?: { name?: string; arguments?: Record<string, unknown> };
}

/** Failures that mean the server could not be reached or read, rather than a step it failed. */
const UNUSABLE: ReadonlySet<EngineError['code']> = new Set([
  'invalid-input',
  'unreachable',
  'timeout',
  'redirect-loop',
  'not-json',
  'too-large',
  'cancelled',
]);

export function exitCodeOf(result: RunFlowResult): ExitCode {
  if (result.ok) return EXIT.ok;
  return UNUSABLE.has(result.error.code) ? EXIT.unusable : EXIT.findings;
}

/** The interactive authorize hook: the system browser, and the loopback listener for the answer. */
function browserHook(listener: LoopbackListener, io: CliIo): AuthorizeHook {
  return async ({ url, signal, phase }) => {
    const waiting = listener.next(signal);
    const opened = await io.openBrowser(url);
    const lead = phase === 'step-up' ? 'Step-up: authorize' : 'Authorize';
    io.stdout.write(
      `${[
        '',
        ...indented(
          opened
            ? `${lead} in the browser that just opened; if none did, open this URL:`
            : `${lead} by opening this URL in a browser:`,
          3,
        ),
        `   ${url}`,
        `   Waiting for ${listener.redirectUri} …`,
        '',
      ].join('\n')}\n`,
    );
    return waiting;
  };
}

/**
 * Runs the engine's whole flow from a terminal and prints it as it goes: each step's card, the
 * HTTP log with --verbose, the tool names at the end. Resolves to the exit code; a failed step
 * is one line on stderr.
 */
export async function runTerminalFlow(options: FlowOptions, io: CliIo): Promise<ExitCode> {
  const style = styleFor(io.stdout, io.env);
  const listener = await LoopbackListener.start();
  const authorize: AuthorizeHook = options.headless
    ? followAuthorizationRedirects(io.fetch)
    : browserHook(listener, io);
  const mode = options.headless ? 'headless' : 'in the browser';
  io.stdout.write(
    `${style.bold(`Flow against ${options.serverUrl}`)}\n${style.dim(`Profile ${options.profile}, ${mode}, redirect URI ${listener.redirectUri}`)}\n\n`,
  );
  let number = 0;
  let result: RunFlowResult;
  try {
    result = await runFlow({
      serverUrl: options.serverUrl,
      profile: options.profile,
      redirectUri: listener.redirectUri,
      clientMetadata: cliClientMetadata(listener.port),
      ...(options.clientId ? { clientId: options.clientId } : {}),
      ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
      ...(options.clientMetadataUrl ? { clientMetadataUrl: options.clientMetadataUrl } : {}),
      ...(options.callTool ? { callTool: options.callTool } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
      io: {
        fetch: io.fetch,
        now: Date.now,
        randomBytes: (length) => webcrypto.getRandomValues(new Uint8Array(length)),
        authorize,
      },
      onStep: (event) => {
        if (event.status === 'running') number += 1;
        io.stdout.write(`${stepLines(event, number, style).join('\n')}\n`);
      },
      ...(options.verbose
        ? {
            onExchange: (event) =>
              io.stdout.write(
                `${exchangeLines(shownExchange(event, options.reveal), style).join('\n')}\n`,
              ),
          }
        : {}),
    });
  } finally {
    await listener.close();
  }
  if (result.ok) {
    io.stdout.write(
      `\n${style.bold(`Tools (${result.tools.length}):`)} ${result.tools.join(', ') || 'none'}\n`,
    );
    if (result.toolResult !== undefined) {
      io.stdout.write(`${style.bold('The tool answered:')} ${result.toolResult}\n`);
    }
    return EXIT.ok;
  }
  const where = result.error.step ? ` at step ${result.error.step}` : '';
  io.stderr.write(`mcp-auth-playground: the flow stopped${where}: ${result.error.message}\n`);
  return exitCodeOf(result);
}
