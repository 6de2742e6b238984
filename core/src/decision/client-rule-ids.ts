/**
 * Rule node ids that only the client profiles (not the spec) need. Shared ids such as
 * 'challenge-scope' live in rule-ids.ts; these name the extra steps real clients take.
 */

/** The client adds scopes it requested or was granted before, outside a spec step-up. */
export const PREVIOUS_SCOPES = 'previous-scopes';
/** The client sorts the scope tokens (C#: ordinal order). */
export const SORT_ORDINAL = 'sort-ordinal';
/** The client builds the scope from an unordered set, so its order changes between runs (Go). */
export const UNORDERED_SET = 'unordered-set';
/** The client reuses the scopes stored with its client registration (Spring). */
export const REGISTERED_SCOPES = 'registered-scopes';
/** A hard-coded last resort the client falls back to (mcp-remote). */
export const FIXED_FALLBACK = 'fixed-fallback';
/** The client replaces the scope its SDK put in the authorization URL with its own (mcp-remote). */
export const SCOPE_OVERWRITE = 'scope-overwrite';
/** The client registers the refresh_token grant whatever it is configured with (FastMCP). */
export const REFRESH_GRANT = 'refresh-grant';
