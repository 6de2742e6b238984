import { isAbort } from '@mcp-auth-playground/core';

/**
 * Node's fetch reports every network failure as `TypeError: fetch failed` with the reason in
 * `cause`. The reason is what a user needs ("connect ECONNREFUSED 127.0.0.1:9", "redirect count
 * exceeded"), so it becomes the message; `cause` stays, so its error code is still read.
 */
export function explainNetworkError(error: unknown): unknown {
  if (isAbort(error) || !(error instanceof TypeError)) return error;
  const cause = (error as { cause?: unknown }).cause;
  if (!(cause instanceof Error) || cause.message === '') return error;
  const message = /redirect count exceeded/i.test(cause.message)
    ? 'too many redirects (the server redirects in a loop)'
    : cause.message;
  return new TypeError(message, { cause });
}

/** `fetch` with the failure explained; the only network the CLI uses. */
export function nodeFetch(base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await base(input, init);
    } catch (error) {
      throw explainNetworkError(error);
    }
  };
}
