import { describe, expect, it } from 'vitest';
import { chooseLanguage, dateLocale, languageName } from './language';

describe('the language of a public page', () => {
  const nothing = { asked: null, stored: null, browser: [] };

  it('follows the browser, by its first supported language, and falls back to English', () => {
    expect(chooseLanguage({ ...nothing, browser: ['fr-FR', 'de-AT', 'en'] })).toBe('de');
    expect(chooseLanguage({ ...nothing, browser: ['en-GB', 'de'] })).toBe('en');
    expect(chooseLanguage({ ...nothing, browser: ['fr', 'es'] })).toBe('en');
    expect(chooseLanguage(nothing)).toBe('en');
  });

  it('prefers the address, then the page’s own, then the visitor’s last pick', () => {
    const browser = ['en-US'];
    expect(chooseLanguage({ asked: 'de', pageDefault: 'en', stored: 'en', browser })).toBe('de');
    expect(chooseLanguage({ asked: 'xx', pageDefault: 'de', stored: 'en', browser })).toBe('de');
    expect(chooseLanguage({ asked: null, stored: 'de', browser })).toBe('de');
    expect(chooseLanguage({ asked: 'DE', stored: 'nonsense', browser })).toBe('en');
  });

  it('writes dates in the browser’s variant of the language when it has one', () => {
    expect(dateLocale('en', ['de-DE', 'en-GB'])).toBe('en-GB');
    expect(dateLocale('de', ['de-AT', 'en-GB'])).toBe('de-AT');
    expect(dateLocale('de', ['en-US'])).toBe('de');
  });

  it('names each language in itself', () => {
    expect(languageName('de')).toBe('Deutsch');
    expect(languageName('en')).toBe('English');
  });
});
