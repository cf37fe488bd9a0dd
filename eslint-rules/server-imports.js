import { dirname, relative, resolve, sep } from 'node:path';

/**
 * The web app takes the server's contract from its source: types with `import type` (erased, so nothing of the
 * server reaches the bundle), and at run time only the files written to run in a browser too. A plain import of
 * any other server file would pull Node code, or the zone database, into the page.
 */
const SERVER_ROOT = resolve(import.meta.dirname, '..', 'src') + sep;
const BROWSER_SAFE = [/^db\/schema\/values$/, /^db\/schema\/stored-json$/, /\.rules$/, /^lib\/validation$/];

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'The web app imports server files only as types, except the browser-safe ones.' },
    schema: [],
    messages: {
      runtime:
        "'{{source}}' is server code: take its types with `import type`. Only values.ts, stored-json.ts, *.rules.ts and lib/validation.ts may run in the browser.",
    },
  },
  create(context) {
    const from = dirname(context.filename);
    function check(node, source, typeOnly) {
      if (typeOnly || typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(from, source);
      if (!target.startsWith(SERVER_ROOT)) return;
      const path = relative(SERVER_ROOT, target)
        .split(sep)
        .join('/')
        .replace(/\.[jt]s$/, '');
      if (!BROWSER_SAFE.some((pattern) => pattern.test(path)))
        context.report({ node, messageId: 'runtime', data: { source } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined, false),
    };
  },
};
