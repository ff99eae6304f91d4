import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.ts'],
    // Started by `npm run test:cluster` (vitest.cluster.config.ts): it needs the services.
    exclude: [...configDefaults.exclude, 'tests/integration/**'],
    environment: 'node',
  },
});
