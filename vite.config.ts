import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { securityHeadersPlugin } from './scripts/security-headers.ts';
import { testbedProbePlugin } from './scripts/testbed-probe.ts';

// BASE_PATH lets the hosted docs serve the playground under any prefix.
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  base,
  plugins: [react(), securityHeadersPlugin(), testbedProbePlugin()],
  server: { host: 'localhost', port: 5173, strictPort: true },
  preview: { host: 'localhost', port: 4173, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: true,
    // 404.html is a page of its own: a static host without rewrites serves it for /flow or
    // /callback, and its script sends the browser back to the app with the route.
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        notFound: fileURLToPath(new URL('404.html', import.meta.url)),
      },
    },
  },
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['core/test/**/*.test.ts'],
          // Core is pure functions and its tests mock no module, so one module graph per worker
          // serves every file: isolating each file re-imported zod and the SDKs 50 times over.
          isolate: false,
        },
      },
      {
        test: {
          name: 'client',
          environment: 'node',
          include: ['client/test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'happy-dom',
          include: ['app/test/**/*.test.{ts,tsx}'],
          setupFiles: ['app/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'testbed',
          environment: 'node',
          include: ['testbed/test/**/*.test.ts'],
          // Every file starts its own testbed on a free port and mocks no module.
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'cli',
          environment: 'node',
          include: ['cli/test/**/*.test.ts'],
          // The commands run in-process against testbeds and small servers on free ports.
          isolate: false,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
