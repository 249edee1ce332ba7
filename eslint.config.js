import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** zod comes set up (without its eval JIT, which the app's CSP refuses) from one module. */
const zodImport = { name: 'zod', message: "Import zod from src/scenario/zod.ts: it is set up there before any schema is built (the app's CSP refuses zod's eval JIT)." };

/** Imports and globals that would let the pure core reach outside itself. */
const impureImports = {
  paths: [
    zodImport,
    { name: 'react', message: 'The engine and scenario format are pure: no React.' },
    { name: 'react-dom', message: 'The engine and scenario format are pure: no React.' },
    { name: 'zustand', message: 'The engine and scenario format are pure: stores live in src/store.' },
    { name: 'recharts', message: 'The engine and scenario format are pure: charts live in src/charts.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'The engine and scenario format are pure: no Node APIs.' },
    { group: ['react/*', 'react-dom/*', 'zustand/*', 'recharts/*'], message: 'The engine is pure.' },
    { group: ['**/store/**', '**/ui/**', '**/app/**', '**/charts/**', '**/cli/**', '**/worker/**', '**/server/**'], message: 'Dependencies point one way: scenario <- engine <- analysis <- store <- ui.' },
  ],
};

/** The engine reads the scenario format (its types, refs, log and limits) and nothing built on the engine. */
const engineImports = {
  paths: impureImports.paths,
  patterns: [...impureImports.patterns, { group: ['**/analysis/**', '**/classroom/**'], message: 'Dependencies point one way: scenario <- engine <- analysis.' }],
};

/** The scenario format is the bottom layer: it never imports the engine or what is built on it. */
const scenarioImports = {
  paths: impureImports.paths,
  patterns: [...impureImports.patterns, { group: ['**/engine/**', '**/analysis/**', '**/classroom/**'], message: 'Dependencies point one way: scenario <- engine <- analysis.' }],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bin'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [zodImport] }] },
  },
  {
    files: ['src/engine/**/*.ts', 'src/scenario/**/*.ts', 'src/analysis/**/*.ts', 'src/classroom/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', impureImports],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Randomness is state: draw from the game RNG.' },
        { object: 'Date', property: 'now', message: 'The engine keeps no clock.' },
        { object: 'performance', property: 'now', message: 'The engine keeps no clock.' },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator', 'process', 'setTimeout', 'setInterval', 'fetch', 'console'],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', engineImports] },
  },
  {
    files: ['src/scenario/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', scenarioImports] },
  },
  {
    files: ['src/scenario/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { ...scenarioImports, paths: scenarioImports.paths.filter((p) => p !== zodImport) }] },
  },
);
