// Lint: typescript-eslint with type information; the domain may not import I/O or UI modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'bench/results/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', {
        allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }],
      }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['fastify', '@fastify/*', 'kysely', 'pg', '@electric-sql/*', 'react', 'react-dom', 'nodemailer', 'node:fs', 'node:net', 'node:http'], message: 'The domain is pure: no I/O, framework or UI imports.' },
          { group: ['**/server/**', '**/db/**', '**/web/**', '**/cli/**'], message: 'The domain may not depend on outer layers.' },
        ],
      }],
    },
  },
  {
    // The contract (request and response schemas) is shared by server and browser: TypeBox, other contract files
    // and the pure domain's vocabularies only.
    files: ['src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!typebox$|\\./[^/]+\\.ts$|\\.\\./domain/)', message: 'The contract is pure: it imports typebox, other contract files and the pure domain only.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
