/**
 * Pages that speak the visitor's language show no words written into their markup: text between tags, and the
 * attributes people read or hear (aria-label, placeholder, title, alt, and the label and hint props of the form
 * components), come from the message catalogs through t(). A word is any letter; "→", "·" and "404" are not.
 */
const READ_ATTRIBUTES = new Set([
  'alt',
  'aria-description',
  'aria-label',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'description',
  'hint',
  'label',
  'legend',
  'placeholder',
  'submitLabel',
  'title',
]);
const WORD = /\p{L}/u;

const hasWords = (node) =>
  (node.type === 'Literal' && typeof node.value === 'string' && WORD.test(node.value)) ||
  (node.type === 'TemplateLiteral' && node.quasis.some((quasi) => WORD.test(quasi.value.cooked ?? '')));

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text on the public pages comes from the message catalogs.' },
    schema: [],
    messages: {
      literal:
        'Words on the public pages come from web/src/locales/<language>/booking.json through t(), so every language shows them: "{{text}}".',
    },
  },
  create(context) {
    const report = (node, text) =>
      context.report({ node, messageId: 'literal', data: { text: text.trim().replace(/\s+/g, ' ').slice(0, 40) } });
    return {
      JSXText(node) {
        if (WORD.test(node.value)) report(node, node.value);
      },
      // {'Loading…'} or {`Hello ${name}`} as a child of an element.
      JSXExpressionContainer(node) {
        const inChildren = node.parent.type === 'JSXElement' || node.parent.type === 'JSXFragment';
        if (inChildren && hasWords(node.expression)) report(node, context.sourceCode.getText(node.expression));
      },
      JSXAttribute(node) {
        if (node.name.type !== 'JSXIdentifier' || !READ_ATTRIBUTES.has(node.name.name) || !node.value) return;
        const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        if (hasWords(value)) report(node, context.sourceCode.getText(value));
      },
    };
  },
};
