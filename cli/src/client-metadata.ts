import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseJsonDocument, publicClientMetadata } from '@mcp-auth-playground/core';
import { CliError, EXIT } from './errors.ts';

export const CLI_CLIENT_NAME = 'mcp-auth-playground CLI';

/** The redirect URI of the CLI's loopback listener (RFC 8252 §7.3), on `port` when known. */
export function loopbackRedirectUri(port?: number): string {
  return `http://127.0.0.1${port === undefined ? '' : `:${port}`}/callback`;
}

/**
 * The metadata the CLI registers with: a native public client with a loopback redirect URI and
 * the authorization_code and refresh_token grants. Built by core, as the playground builds its own.
 */
export function cliClientMetadata(port?: number): Record<string, unknown> {
  return publicClientMetadata({
    redirectUri: loopbackRedirectUri(port),
    clientName: CLI_CLIENT_NAME,
  });
}

/** The JSON of `--client-metadata FILE`; a missing or unreadable file is a usage problem. */
export async function readClientMetadataFile(file: string, cwd: string): Promise<unknown> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : String(code ?? error);
    throw new CliError(
      `cannot read the client metadata file ${file}: ${why}; pass the path of a JSON file`,
      EXIT.unusable,
    );
  }
  // Core's JSON reader names the line and column of a syntax error and refuses oversized text.
  const parsed = parseJsonDocument(text, 'client-metadata');
  if (!parsed.ok) {
    throw new CliError(
      `the client metadata file ${file} cannot be used: ${parsed.finding.message}`,
      EXIT.unusable,
    );
  }
  return parsed.value;
}
