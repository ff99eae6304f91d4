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
    '.cluster/**',
    '.cluster-test/**',
    '.cluster-bench/**',
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
    // Decision 0904: links prefetch on intent, through the one wrapper.
    files: ['app/**', 'components/**'],
    ignores: ['components/navigation/link.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          name: 'next/link',
          message: "Use Link from '@/components/navigation/link' (it prefetches on intent).",
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
]);
