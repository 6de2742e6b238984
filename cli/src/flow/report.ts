import type { ExchangeEvent, StepDataMap, StepEvent } from '@mcp-auth-playground/client';
import type { HeaderList, HttpExchange, StepName } from '@mcp-auth-playground/core';
import type { Style } from '../style.ts';
import { indented, wrap, WIDTH } from '../text.ts';

// The flow's terminal output: each step under the title and explanation of the browser's step
// card (the engine passes core's STEP_INFO through), and what it found in one or two lines.

function quoted(scope: string | undefined): string {
  return scope === undefined ? 'no scope parameter' : `scope "${scope}"`;
}

/** One line of what a finished step found, from the data the browser's step details show. */
export function stepDetail(step: StepName, data: StepDataMap[keyof StepDataMap]): string[] {
  if (data === undefined) return [];
  const all = { [step]: data } as StepDataMap;
  switch (step) {
    case 'probe': {
      const probe = all.probe!;
      return [
        `${probe.status ?? 'no answer'}${probe.wwwAuthenticate ? `, WWW-Authenticate: ${probe.wwwAuthenticate}` : ''}`,
      ];
    }
    case 'resource-metadata': {
      const found = all['resource-metadata']!;
      return [
        `From ${found.url ?? '(not found)'}; authorization servers: ${found.authorizationServers.join(', ') || 'none'}`,
      ];
    }
    case 'authorization-server-metadata': {
      const found = all['authorization-server-metadata']!;
      return [`Issuer ${found.issuer}${found.url ? `, from ${found.url}` : ''}`];
    }
    case 'registration': {
      const registration = all.registration!;
      return [`${registration.method}: client_id ${registration.clientId}`, ...registration.notes];
    }
    case 'scope': {
      const scope = all.scope!;
      return [
        `Requests ${quoted(scope.decision.scope)}${scope.decision.promptConsent ? ' with prompt=consent' : ''}`,
        ...(scope.promptNote ? [scope.promptNote] : []),
      ];
    }
    case 'authorization-request':
    case 'step-up-authorization-request': {
      const request = all[step]!;
      return [`${quoted(request.scope)}, to ${request.issuer}`, ...request.deviations];
    }
    case 'authorization-response':
    case 'step-up-authorization-response':
      return all[step]!.checks;
    case 'token':
    case 'step-up-token': {
      const token = all[step]!;
      return [
        `${token.tokenType} token, granted ${quoted(token.grantedScope)}${token.expiresIn === undefined ? '' : `, expires in ${token.expiresIn} s`}; refresh token ${token.refreshTokenIssued ? 'issued' : 'not issued'}`,
        ...(token.missingRefreshToken ? [token.missingRefreshToken.message] : []),
      ];
    }
    case 'mcp': {
      const mcp = all.mcp!;
      return [
        `${mcp.tools.length} tool${mcp.tools.length === 1 ? '' : 's'}: ${mcp.tools.map((tool) => tool.name).join(', ') || 'none'}`,
      ];
    }
    case 'refresh': {
      const { rotation, grantedScope } = all.refresh!;
      const what = rotation.kept
        ? 'no new refresh token; the old one stays in use'
        : rotation.rotated
          ? `a new refresh token (${rotation.new}) replaces ${rotation.old}`
          : 'the same refresh token came back';
      return [`New access token${grantedScope ? ` for ${quoted(grantedScope)}` : ''}; ${what}`];
    }
    case 'write-note': {
      const note = all['write-note']!;
      if (note.result !== undefined) return [note.result];
      return [
        `${note.status ?? ''} ${note.challenge ? 'insufficient_scope' : ''}; step-up asks for ${quoted(note.decision?.scope)}`.trim(),
      ];
    }
    case 'write-note-retry':
      return [all['write-note-retry']!.result];
  }
}

/** A step event as lines: the card's title and explanation when it starts, the outcome when it ends. */
export function stepLines(event: StepEvent, number: number, style: Style): string[] {
  if (event.status === 'running') {
    return [
      `${style.bold(`${number}. ${event.title}`)}`,
      ...indented(event.summary, 3).map(style.dim),
    ];
  }
  const time = event.durationMs === undefined ? '' : `${Math.round(event.durationMs)} ms  `;
  const [mark, lines] =
    event.status === 'failed'
      ? [style.red('✗'), [event.error?.message ?? 'The step failed.']]
      : [style.green('✓'), stepDetail(event.step, event.data)];
  const [first = '', ...rest] = lines;
  const wrapped = wrap(first, WIDTH - 5 - time.length);
  return [
    `   ${mark} ${style.dim(time)}${wrapped[0] ?? ''}`,
    ...wrapped.slice(1).map((line) => `     ${line}`),
    ...rest.flatMap((line) => indented(line, 5)),
  ];
}

const BODY_LIMIT = 4000;

function headerLines(headers: HeaderList, prefix: string): string[] {
  return headers.map(([name, value]) => `${prefix}${name}: ${value}`);
}

function bodyLines(body: string | undefined, truncated: boolean | undefined): string[] {
  if (body === undefined || body === '') return [];
  const shown = body.length > BODY_LIMIT ? body.slice(0, BODY_LIMIT) : body;
  const more = body.length - shown.length;
  const lines = shown.split('\n').map((line) => `      ${line}`);
  if (more > 0 || truncated)
    lines.push(`      … (${more > 0 ? `${more} more characters` : 'cut by the log'})`);
  return lines;
}

/** One HTTP exchange of the log, as `--verbose` prints it: request, then answer. */
export function exchangeLines(exchange: HttpExchange, style: Style): string[] {
  const { request, response, failure } = exchange;
  const lines = [style.cyan(`   → ${request.method} ${request.url}`)];
  if (exchange.kind === 'navigation') {
    return [style.cyan(`   ⇢ ${exchange.label ?? 'navigation'}: ${request.url}`)];
  }
  lines.push(...headerLines(request.headers, '      ').map(style.dim));
  lines.push(...bodyLines(request.body, false));
  const time = exchange.durationMs === undefined ? '' : ` (${Math.round(exchange.durationMs)} ms)`;
  if (failure) {
    lines.push(style.red(`   ← no answer: ${failure.message}${time}`));
  } else if (response) {
    lines.push(style.cyan(`   ← ${response.status} ${response.statusText}${time}`));
    lines.push(...headerLines(response.headers, '      ').map(style.dim));
    lines.push(...bodyLines(response.body, response.truncated));
  }
  return lines;
}

/** The exchange to print: secrets shortened, unless the user asked to see them. */
export function shownExchange(event: ExchangeEvent, reveal: boolean): HttpExchange {
  return reveal ? event.revealed : event.exchange;
}
