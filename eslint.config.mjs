import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    '.next/**',
    '.next-e2e/**',
    '.e2e-content/**',
    '.next-bench/**',
    '.next-*/**',
    '.e2e-out/**',
    'out/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'bench-results/**',
    'public/pagefind/**',
    '.e2e-dev-content/**',
    '.next-corpus/**',
  ]),
  {
    rules: {
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
    },
    files: ['lib/content/**/*.ts'],
  },
  {
    // A circle of imports runs one module's body before the other's exports exist.
    files: ['lib/**', 'app/**', 'components/**', 'scripts/**', '*.ts'],
    rules: { 'import/no-cycle': 'error' },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
]);
