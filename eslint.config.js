import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Module boundaries (issue 10). A module reaches another only through its services, or its schemas and types;
 * its repos stay private. Written once for every module: a sibling module is `../<b>/` from a module's own
 * folder and `../../<b>/` from a subfolder (slots/, providers/), so no module list needs updating.
 */
const publicFiles = '(?!(?:[\\w-]+\\.)?service\\.js$|schemas\\.js$|types\\.js$)';
const otherModule = (up) => ({
  regex: `^${'\\.\\./'.repeat(up)}(?!\\.\\./)[^/]+/${publicFiles}`,
  message: 'Reach another module only through its service.ts / *.service.ts, or its schemas.ts / types.ts.',
});
// Routes speak HTTP and call services; a query (or a Database handed in) belongs in the repo behind them.
const noDatabase = {
  group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema', '**/db/schema/**', '**/db/client*'],
  message: 'Routes call services; queries and the Database belong in a repo behind a service.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/modules/*/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherModule(1)] }] },
  },
  {
    files: ['src/modules/*/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherModule(2)] }] },
  },
  {
    // Later blocks replace a rule's options, so routes repeat the module boundary beside their own.
    files: ['src/modules/*/routes.ts', 'src/modules/*/*.routes.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherModule(1), noDatabase] }] },
  },
  {
    files: ['bench/**', 'scripts/**', 'test/**', 'e2e/**'],
    // Tests read JSON answers loosely on purpose: the assertions are the type check.
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
