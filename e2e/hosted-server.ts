// The hosted case: a production build under a base path, served by `vite preview` as a static
// host would serve it, with the security headers (scripts/security-headers.ts). Started from
// playwright.config.ts; e2e/hosted.spec.ts runs against it.

export const HOSTED_BASE_PATH = '/tools/auth-playground/';
export const HOSTED_ORIGIN = 'http://localhost:4173';
export const HOSTED_URL = `${HOSTED_ORIGIN}${HOSTED_BASE_PATH}`;

/** Inside node_modules so that no lint, type check or formatter looks at the build. */
export const HOSTED_OUT_DIR = 'node_modules/.cache/hosted-e2e';

export const hostedWebServer = {
  // The manifest lets the spec name the editor's chunk, to prove an embed never asks for it.
  command: `npx vite build --outDir ${HOSTED_OUT_DIR} --emptyOutDir --manifest --logLevel warn && npx vite preview --outDir ${HOSTED_OUT_DIR}`,
  env: { BASE_PATH: HOSTED_BASE_PATH },
  url: HOSTED_URL,
  // Never another build's preview: one without the base path would answer this URL too.
  reuseExistingServer: false,
  timeout: 120_000,
};
