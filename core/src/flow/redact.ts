import type { HeaderList, HttpExchange, LoggedRequest, LoggedResponse } from './http-log.ts';

/**
 * Parameters whose values are credentials wherever they appear as `name=value` (query strings,
 * form bodies). Codes and verifiers are included: with the verifier, a stolen code is a token.
 */
export const SECRET_PARAMETERS: readonly string[] = [
  'code',
  'code_verifier',
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'client_assertion',
  'registration_access_token',
];

/**
 * JSON members holding credentials. `code` is left out: in JSON it is usually a number or an
 * error code (JSON-RPC), and an OAuth code never travels in JSON.
 */
export const SECRET_JSON_MEMBERS: readonly string[] = [
  'access_token',
  'refresh_token',
  'id_token',
  'client_secret',
  'registration_access_token',
];

export const SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
];

/** `shorten` keeps the ends so two values can be told apart; `remove` keeps nothing. */
export type RedactionMode = 'shorten' | 'remove';

export const REMOVED = '[REDACTED]';

/** A secret as the display shows it: the first six and last four characters. */
export function shortenSecret(value: string): string {
  if (value.length < 16) return '…';
  return `${value.slice(0, 6)}…${value.slice(-4)}`;
}

function mask(value: string, mode: RedactionMode): string {
  return mode === 'remove' ? REMOVED : shortenSecret(value);
}

// Values shorter than this are masked only where they stand as a named parameter; replacing
// them everywhere in the text would mangle unrelated words.
const MIN_FREE_TEXT_SECRET = 8;

const JWT = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

const parameterPattern = (names: readonly string[]) =>
  new RegExp(`(^|[?&#])(${names.join('|')})=([^&#\\s]*)`, 'g');
const SECRET_PARAMETER = parameterPattern(SECRET_PARAMETERS);
const SECRET_MEMBER = new RegExp(
  `("(?:${SECRET_JSON_MEMBERS.join('|')})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)"`,
  'g',
);

/**
 * Every secret value in the exchanges, so one seen in a structured place (a token response) is
 * also hidden where it is echoed (an Authorization header, an error message, a later body).
 */
export function collectSecrets(exchanges: readonly HttpExchange[]): Set<string> {
  const secrets = new Set<string>();
  const fromText = (text: string | undefined) => {
    if (!text) return;
    for (const match of text.matchAll(SECRET_PARAMETER)) {
      secrets.add(decodeParameter(match[3] ?? ''));
      secrets.add(match[3] ?? '');
    }
    for (const match of text.matchAll(SECRET_MEMBER)) secrets.add(unescapeJson(match[2] ?? ''));
    for (const match of text.matchAll(JWT)) secrets.add(match[0]);
  };
  const fromHeaders = (headers: HeaderList) => {
    for (const [name, value] of headers) {
      if (SECRET_HEADERS.includes(name.toLowerCase())) secrets.add(credentialOf(value));
    }
  };
  for (const exchange of exchanges) {
    fromText(exchange.request.url);
    fromText(exchange.request.body);
    fromHeaders(exchange.request.headers);
    if (exchange.response) {
      fromText(exchange.response.body);
      fromHeaders(exchange.response.headers);
    }
  }
  secrets.delete('');
  return secrets;
}

/** The credential of an Authorization value (`Bearer abc` → `abc`); other headers whole. */
function credentialOf(value: string): string {
  const match = /^\s*[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*\s+(\S.*)$/.exec(value);
  return (match?.[1] ?? value).trim();
}

function decodeParameter(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function unescapeJson(value: string): string {
  try {
    return JSON.parse(`"${value}"`) as string;
  } catch {
    return value;
  }
}

/** Hides the secrets in one piece of text: named parameters and members first, then echoes. */
export function redactText(
  text: string,
  secrets: ReadonlySet<string>,
  mode: RedactionMode,
): string {
  let out = text
    .replace(
      SECRET_PARAMETER,
      (_all, lead: string, name: string, value: string) =>
        `${lead}${name}=${value === '' ? '' : mask(decodeParameter(value), mode)}`,
    )
    .replace(SECRET_MEMBER, (_all, head: string, value: string) => {
      return `${head}${mask(unescapeJson(value), mode)}"`;
    });
  // Longest first, so a secret that contains another is hidden whole.
  const long = [...secrets]
    .filter((s) => s.length >= MIN_FREE_TEXT_SECRET)
    .sort((a, b) => b.length - a.length);
  for (const secret of long) {
    if (!out.includes(secret)) continue;
    out = out.split(secret).join(mask(secret, mode));
  }
  return out;
}

function redactHeaders(
  headers: HeaderList,
  secrets: ReadonlySet<string>,
  mode: RedactionMode,
): HeaderList {
  return headers.map(([name, value]): [string, string] => {
    if (!SECRET_HEADERS.includes(name.toLowerCase())) {
      return [name, redactText(value, secrets, mode)];
    }
    const credential = credentialOf(value);
    const scheme = value.slice(0, value.indexOf(credential)).trim();
    const hidden = mask(credential, mode);
    return [name, scheme && credential !== value.trim() ? `${scheme} ${hidden}` : hidden];
  });
}

function redactRequest(
  request: LoggedRequest,
  secrets: ReadonlySet<string>,
  mode: RedactionMode,
): LoggedRequest {
  return {
    ...request,
    url: redactText(request.url, secrets, mode),
    headers: redactHeaders(request.headers, secrets, mode),
    ...(request.body === undefined ? {} : { body: redactText(request.body, secrets, mode) }),
  };
}

function redactResponse(
  response: LoggedResponse,
  secrets: ReadonlySet<string>,
  mode: RedactionMode,
): LoggedResponse {
  return {
    ...response,
    headers: redactHeaders(response.headers, secrets, mode),
    ...(response.body === undefined ? {} : { body: redactText(response.body, secrets, mode) }),
  };
}

export function redactExchange(
  exchange: HttpExchange,
  secrets: ReadonlySet<string>,
  mode: RedactionMode,
): HttpExchange {
  return {
    ...exchange,
    request: redactRequest(exchange.request, secrets, mode),
    ...(exchange.response ? { response: redactResponse(exchange.response, secrets, mode) } : {}),
    ...(exchange.failure
      ? {
          failure: {
            ...exchange.failure,
            message: redactText(exchange.failure.message, secrets, mode),
          },
        }
      : {}),
  };
}

/** The whole log with every secret hidden: what the page shows, stores and exports by default. */
export function redactLog(
  exchanges: readonly HttpExchange[],
  mode: RedactionMode,
  extraSecrets: Iterable<string> = [],
): HttpExchange[] {
  const secrets = collectSecrets(exchanges);
  for (const secret of extraSecrets) if (secret) secrets.add(secret);
  return exchanges.map((exchange) => redactExchange(exchange, secrets, mode));
}
