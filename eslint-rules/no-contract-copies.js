import { contractTypes } from './contract-types.js';

/**
 * A hand-written copy of a server contract type drifts from it silently; the web app must take the server's
 * type with `import type` instead. Catches a declaration named like a contract type, and one with exactly the
 * fields of a contract type under another name. Aliases of imported types (`type Booking = BookingView`) are
 * what the web app should write, so only declarations written out by hand count: interfaces, object types and
 * unions of literals.
 */

/** Fewer fields than this are too common a shape ({ start, end }) to call a copy by fields alone. */
const MIN_FIELDS = 3;

const isLiteralUnion = (node) =>
  node.type === 'TSUnionType' &&
  node.types.every((t) => t.type === 'TSLiteralType' || t.type === 'TSNullKeyword' || t.type === 'TSUndefinedKeyword');
const containsObjectType = (node) =>
  node.type === 'TSTypeLiteral' ||
  ((node.type === 'TSIntersectionType' || node.type === 'TSUnionType') && node.types.some(containsObjectType));

function fieldsOf(members) {
  return members
    .filter((m) => m.type === 'TSPropertySignature' || m.type === 'TSMethodSignature')
    .map((m) => (m.key.type === 'Identifier' ? m.key.name : String(m.key.value)));
}

const sameFields = (a, b) => a.length === b.length && a.every((field) => b.includes(field));

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'The web app takes server contract types from the server, never a hand-written copy.' },
    schema: [],
    messages: {
      sameName:
        "'{{name}}' copies the server contract type {{name}} ({{file}}) by hand: import it with `import type` from there.",
      sameFields:
        "'{{name}}' has exactly the fields of the server contract type {{contract}} ({{file}}): import that type with `import type` instead of copying it.",
    },
  },
  create(context) {
    function check(node, members) {
      const name = node.id.name;
      const types = contractTypes();
      const named = types.find((t) => t.name === name);
      if (named) {
        context.report({ node: node.id, messageId: 'sameName', data: { name, file: named.file } });
        return;
      }
      if (!members) return;
      const fields = fieldsOf(members);
      if (fields.length < MIN_FIELDS) return;
      const copied = types.find((t) => sameFields(t.fields, fields));
      if (copied) {
        context.report({
          node: node.id,
          messageId: 'sameFields',
          data: { name, contract: copied.name, file: copied.file },
        });
      }
    }
    return {
      TSInterfaceDeclaration: (node) => check(node, node.body.body),
      TSTypeAliasDeclaration(node) {
        const body = node.typeAnnotation;
        if (body.type === 'TSTypeLiteral') check(node, body.members);
        else if (isLiteralUnion(body) || containsObjectType(body)) check(node, undefined);
      },
    };
  },
};
