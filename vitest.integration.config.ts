import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The integration tests (tests/integration/): each builds the app and starts its own services
// (Redis, origins, Varnish; a server and the publisher) on its own ports, and stops them. Kept
// out of `test:unit`; `npm run test:integration` runs them one file at a time.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
