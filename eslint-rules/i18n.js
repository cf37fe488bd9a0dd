import noLiteralText from './no-literal-text.js';

/** Local lint rules that keep the public pages in the visitor's language (see docs/decisions/0012). */
export default {
  meta: { name: 'i18n' },
  rules: { 'no-literal-text': noLiteralText },
};
