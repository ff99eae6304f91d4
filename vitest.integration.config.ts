import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The publisher's integration test: builds the app and runs servers, so it is kept out of
// `test:unit` and run by `npm run test:publisher`.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
