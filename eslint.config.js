import js from '@eslint/js';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import i18n from './eslint-rules/i18n.js';
import contract from './eslint-rules/index.js';

/*
 * Module boundaries (issue 10). A module reaches another only through its services, or its schemas, rules and types;
 * its repos stay private. Written once for every module: a sibling module is `../<b>/` from a module's own
 * folder and `../../<b>/` from a subfolder (slots/, providers/), so no module list needs updating.
 */
const publicFiles = '(?!(?:[\\w-]+\\.)?service\\.js$|schemas\\.js$|types\\.js$|[\\w-]+\\.rules\\.js$)';
const otherModule = (up) => ({
  regex: `^${'\\.\\./'.repeat(up)}(?!\\.\\./)[^/]+/${publicFiles}`,
  message:
    'Reach another module only through its service.ts / *.service.ts, or its schemas.ts / *.rules.ts / types.ts.',
});
// Routes speak HTTP and call services; a query (or a Database handed in) belongs in the repo behind them.
const noDatabase = {
  group: ['drizzle-orm', 'drizzle-orm/*', '**/db/schema', '**/db/schema/**', '**/db/client*'],
  message: 'Routes call services; queries and the Database belong in a repo behind a service.',
};

/*
 * One naming rule for files. Server code is kebab-case, and a file that holds one layer of a module says so as
 * its last name part: `routes.ts` for the module's own aggregate, `<aggregate>.<layer>.ts` for another
 * (`bookings.service.ts`), never `bookings-service.ts`. The web app names folders and modules in camelCase and
 * components in PascalCase, as React projects do.
 */
const KEBAB = '+([a-z])*([a-z0-9])*(-+([a-z0-9]))';
const LAYERS = 'routes|service|repo|schemas|rules|types';
const serverFileName = `${KEBAB}?(.@(${LAYERS}))?(.@(test|db.test|property.test))`;
const layerSpelledWithDash = Object.fromEntries(
  LAYERS.split('|').map((layer) => [`**/*-${layer}.ts`, `*.${layer}.ts`]),
);

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
    // The web app's API types are the server's schemas (docs/decisions/0009): taken with `import type`, never
    // copied by hand, and no server code at run time but the browser-safe files.
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { contract },
    rules: { 'contract/server-imports': 'error', 'contract/no-copies': 'error' },
  },
  {
    // The pages anyone opens speak the visitor's language (docs/decisions/0012): no words written into their markup.
    files: ['web/src/routes/public/**/*.tsx', 'web/src/features/booking/**/*.tsx'],
    plugins: { i18n },
    rules: { 'i18n/no-literal-text': 'error' },
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
    files: ['{src,test,e2e,bench,scripts}/**/*.{ts,mjs}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,mjs}': serverFileName },
        {
          errorMessage: `"{{ target }}": name server files <kebab-case>.ts, or <aggregate>.<layer>.ts where the layer is one of ${LAYERS.replaceAll('|', ', ')} (tests add .test)`,
        },
      ],
      'check-file/filename-blocklist': ['error', layerSpelledWithDash],
      'check-file/folder-naming-convention': ['error', { '{src,test,e2e,bench,scripts}/**/': 'KEBAB_CASE' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/!(main).tsx': 'PASCAL_CASE', '**/*.ts': 'CAMEL_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { 'web/src/**/': 'CAMEL_CASE' }],
    },
  },
  {
    // The browser loads these as they are (the web app's forms run them): zod and one another only, never Node
    // or the zone database. Their other rules (module boundaries) are stricter versions of this one.
    files: ['src/**/*.rules.ts', 'src/db/schema/values.ts', 'src/db/schema/stored-json.ts', 'src/lib/validation.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod(/mini)?$|(\\.\\.?/)+([\\w-]+/)*([\\w-]+\\.rules|values|stored-json)\\.js$)',
              message: 'Browser-safe files import only zod (or zod/mini), values.ts, stored-json.ts and *.rules.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Rooms sized by concern: a longer file says why in an opening `eslint-disable max-lines -- <reason>`.
    files: ['src/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 250 }] },
  },
  {
    files: ['bench/**', 'scripts/**', 'test/**', 'e2e/**'],
    // Tests read JSON answers loosely on purpose: the assertions are the type check.
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
