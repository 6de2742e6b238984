import { describe, expect, it } from 'vitest';
import { determineScope, PROFILE_IDS, type ProfileId } from '../../src/index.ts';
import { outcome } from './fixtures.ts';
import type { Vector } from './vectors/expect.ts';
import { vectors as codex } from './vectors/codex.ts';
import { vectors as csharpSdk } from './vectors/csharp-sdk.ts';
import { vectors as fastmcp } from './vectors/fastmcp.ts';
import { vectors as goSdk } from './vectors/go-sdk.ts';
import { vectors as mcp20251125 } from './vectors/mcp-2025-11-25.ts';
import { vectors as mcp20260728 } from './vectors/mcp-2026-07-28.ts';
import { vectors as mcpRemote } from './vectors/mcp-remote.ts';
import { vectors as pythonSdk } from './vectors/python-sdk.ts';
import { vectors as rustSdk } from './vectors/rust-sdk.ts';
import { vectors as springAiMcpSecurity } from './vectors/spring-ai-mcp-security.ts';
import { vectors as typescriptSdk1 } from './vectors/typescript-sdk-1.ts';
import { vectors as typescriptSdk2 } from './vectors/typescript-sdk-2.ts';
import { vectors as vscode } from './vectors/vscode.ts';

// One runner for every profile's vectors: each profile's file under vectors/ lists inputs and the
// outcome its client gives; the checks a vector cannot state (trace words, deviations) stay in
// the profile's own test file. The table's type makes a profile without vectors a type error.
const VECTORS: Record<ProfileId, readonly Vector[]> = {
  'mcp-2026-07-28': mcp20260728,
  'mcp-2025-11-25': mcp20251125,
  'typescript-sdk-2': typescriptSdk2,
  'typescript-sdk-1': typescriptSdk1,
  'python-sdk': pythonSdk,
  'rust-sdk': rustSdk,
  'go-sdk': goSdk,
  'csharp-sdk': csharpSdk,
  'spring-ai-mcp-security': springAiMcpSecurity,
  fastmcp,
  vscode,
  'mcp-remote': mcpRemote,
  codex,
};

describe.each([...PROFILE_IDS])('profile %s', (id) => {
  it.each(VECTORS[id])('%s', (_name, input, want) => {
    expect(outcome(determineScope(input, id))).toEqual(want);
  });
});
