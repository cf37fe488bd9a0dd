// The web app's one naming rule, checked here because the linter does not look at file names: folders are
// lowerCamelCase; components are PascalCase .tsx; hooks are useX.ts; everything else is lowerCamelCase.
import { expect, test } from 'vitest';

// Vite lists the files without loading them.
const files = Object.keys(import.meta.glob('./**/*')).map((path) => path.slice(2));

const lowerCamel = /^[a-z][a-zA-Z0-9]*$/;
const rules: [string, RegExp][] = [
  ['a component, PascalCase', /^[A-Z][a-zA-Z0-9]*\.tsx$/],
  ['the entry point', /^main\.tsx$/],
  ['a hook, useX', /^use[A-Z][a-zA-Z0-9]*\.ts$/],
  ['a module, lowerCamelCase', /^[a-z][a-zA-Z0-9]*(\.d|\.test)?\.ts$/],
  ['a style sheet, lowerCamelCase', /^[a-z][a-zA-Z0-9]*\.css$/],
];

test('the glob sees the files', () => {
  expect(files).toContain('ui/bindFields.ts');
});

test('folders are lowerCamelCase', () => {
  const folders = new Set(files.flatMap((path) => path.split('/').slice(0, -1)));
  expect([...folders].filter((folder) => !lowerCamel.test(folder))).toEqual([]);
});

test('files are named as components, hooks or modules', () => {
  const named = (path: string) => rules.some(([, pattern]) => pattern.test(path.split('/').at(-1)!));
  expect(files.filter((path) => !named(path))).toEqual([]);
});
