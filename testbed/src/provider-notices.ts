// oidc-provider prints configuration advice with console.warn and console.info. The testbed makes
// some of those choices on purpose, and it builds a provider for every live scenario, so the same
// advice would repeat on every POST /scenarios and bury what matters. This module drops exactly
// the advice the testbed has taken knowingly and lets every other notice through.
//
// It installs itself when imported: the runtime warning is printed while oidc-provider's module
// is evaluated, so auth-server.ts imports this file before it imports oidc-provider.

const ACKNOWLEDGED: readonly RegExp[] = [
  // Node 20.19 runs oidc-provider 9.13 (it needs URL.parse and crypto.hash, both present); the
  // package only warns that it prefers 22.
  /Unsupported runtime\. Use Node\.js v22/,
  // A teaching server keeps its grants in memory and loses them on restart by design.
  /quick start development-only in-memory adapter/,
  // The dev login and consent pages are the interaction UI the testbed wants.
  /quick start development-only feature devInteractions/,
];

const MARKER = Symbol.for('mcp-auth-playground.testbed.provider-notices');

function isAcknowledged(args: unknown[]): boolean {
  const [first] = args;
  return (
    typeof first === 'string' &&
    first.includes('oidc-provider') &&
    ACKNOWLEDGED.some((pattern) => pattern.test(first))
  );
}

function filtered(original: (...args: unknown[]) => void): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    if (!isAcknowledged(args)) original(...args);
  };
}

const consoleState = console as Console & { [MARKER]?: true };
if (!consoleState[MARKER]) {
  consoleState[MARKER] = true;
  console.warn = filtered(console.warn.bind(console));
  console.info = filtered(console.info.bind(console));
}
