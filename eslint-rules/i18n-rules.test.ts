/* The lint rule that keeps words out of the public pages' markup. */
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import i18n from './i18n.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

tester.run('i18n/no-literal-text', i18n.rules!['no-literal-text']!, {
  valid: [
    { code: "const a = <p>{t('slots.loading')}</p>;" },
    { code: 'const a = <span aria-hidden="true">→</span>;' },
    { code: 'const a = <p className="text-sm font-semibold">404</p>;' },
    { code: 'const a = <Field label={t(\'form.name\')} name="name" autoComplete="name" />;' },
    { code: 'const a = <p>{host.name}</p>;' },
    { code: 'const a = <input type="email" />;' },
  ],
  invalid: [
    { code: 'const a = <h2>Choose a time</h2>;', errors: [{ messageId: 'literal' }] },
    { code: "const a = <p>{'Loading…'}</p>;", errors: [{ messageId: 'literal' }] },
    { code: 'const a = <p>{`${count} times`}</p>;', errors: [{ messageId: 'literal' }] },
    { code: 'const a = <button aria-label="Next month" />;', errors: [{ messageId: 'literal' }] },
    { code: 'const a = <input placeholder={"Search"} />;', errors: [{ messageId: 'literal' }] },
    { code: 'const a = <TextField label="Your name" hint={`Sent to ${email}`} />;', errors: 2 },
  ],
});
