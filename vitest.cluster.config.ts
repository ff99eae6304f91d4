import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The cluster integration test (tests/integration/): Redis, two standalone origins and Varnish
// on ports 3540-3543, started and stopped by the test itself.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/integration/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
