/**
 * Every client profile core models, by id, in the order the comparison lists them: the spec
 * revisions, then the SDKs and applications read from their sources. Declared here, below
 * everything that uses them, so `ProfileId` is a plain type and no file has to import the
 * profiles to name one. `profiles/index.ts` registers one profile per id, in this order, and the
 * type checker holds it to that.
 */
export const DECLARED_PROFILE_IDS = [
  'mcp-2026-07-28',
  'mcp-2025-11-25',
  'typescript-sdk-2',
  'typescript-sdk-1',
  'python-sdk',
  'rust-sdk',
  'go-sdk',
  'csharp-sdk',
  'spring-ai-mcp-security',
  'fastmcp',
  'vscode',
  'mcp-remote',
  'codex',
] as const;

export type DeclaredProfileId = (typeof DECLARED_PROFILE_IDS)[number];
