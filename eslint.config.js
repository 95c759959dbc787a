// One ESLint config for the whole workspace: typescript-eslint with type information for .ts files,
// eslint-plugin-astro for components. Each package's `lint` script runs `eslint .` and finds this file.
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/dist.*/**', '**/.astro/**', '**/node_modules/**', '**/.test-output/**', '**/.build-staging/**', '**/.bench/**', '.toolchain/**', '**/*.d.ts'],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...astro.configs.recommended,
);
