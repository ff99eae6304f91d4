import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.ts'],
    // Run by `npm run test:integration` (vitest.integration.config.ts): they need services.
    exclude: [...configDefaults.exclude, 'tests/integration/**'],
    environment: 'node',
  },
});
