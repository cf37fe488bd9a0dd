import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../db/schema/values.js';

/**
 * Every language's messages against English, the source: the same keys, each plural in exactly the forms the
 * language's Intl.PluralRules asks for, the same interpolation variables, nothing empty, and nothing left in
 * English but names that read the same in every language.
 */
type Catalog = { name: string; file: (language: string) => string; sameInEveryLanguage: string[] };

const CATALOGS: Catalog[] = [
  {
    name: 'e-mails and calendar files',
    file: (language) => `src/modules/notifications/locales/${language}.json`,
    sameInEveryLanguage: [],
  },
  {
    name: 'public pages',
    file: (language) => `web/src/locales/${language}/booking.json`,
    sameInEveryLanguage: [
      'location.zoom',
      'location.google_meet',
      'location.teams',
      'addToCalendar.ics',
      'addToCalendar.google',
      'addToCalendar.outlook',
      'form.optional',
    ],
  },
];

type Messages = { [key: string]: string | Messages };
const PLURAL_FORM = /_(zero|one|two|few|many|other)$/;
const VARIABLE = /\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

function flatten(messages: Messages, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

/** Each message by its key without plural suffix: its plural forms (empty when not a plural) and variables. */
function entriesOf(catalog: Catalog, language: string) {
  const messages = JSON.parse(readFileSync(new URL(`../../${catalog.file(language)}`, import.meta.url), 'utf8'));
  const entries = new Map<string, { forms: string[]; variables: Set<string>; texts: string[] }>();
  for (const [key, text] of flatten(messages)) {
    const form = PLURAL_FORM.exec(key)?.[1];
    const base = form ? key.slice(0, -form.length - 1) : key;
    const entry = entries.get(base) ?? { forms: [], variables: new Set<string>(), texts: [] };
    if (form) entry.forms.push(form);
    for (const [, variable] of text.matchAll(VARIABLE)) entry.variables.add(variable!);
    entry.texts.push(text);
    entries.set(base, entry);
  }
  return entries;
}

const pluralForms = (language: string) => new Intl.PluralRules(language).resolvedOptions().pluralCategories.sort();

describe.each(CATALOGS)('the $name messages', (catalog) => {
  const english = entriesOf(catalog, 'en');

  it.each(LOCALES.filter((language) => language !== 'en'))('in %s match English key for key', (language) => {
    const translated = entriesOf(catalog, language);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, source] of english) {
      const entry = translated.get(key)!;
      expect([...entry.variables].sort(), `variables of ${key}`).toEqual([...source.variables].sort());
      if (source.forms.length) expect(entry.forms.sort(), `plural forms of ${key}`).toEqual(pluralForms(language));
      expect(
        entry.texts.every((text) => text.trim() !== ''),
        `${key} is empty`,
      ).toBe(true);
      if (!catalog.sameInEveryLanguage.includes(key))
        expect(entry.texts, `${key} is still in English`).not.toEqual(source.texts);
    }
  });

  it('in English have the forms English plurals need', () => {
    for (const [key, entry] of english)
      if (entry.forms.length) expect(entry.forms.sort(), `plural forms of ${key}`).toEqual(pluralForms('en'));
  });
});
