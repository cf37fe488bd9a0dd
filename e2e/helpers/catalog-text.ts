import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Whether any English is left on a page shown in another language: the page's words against the English
 * catalog of the public pages, message by message.
 */
type Messages = { [key: string]: string | Messages };
const catalog = (language: string): string[] => {
  const flat = (m: Messages): string[] => Object.values(m).flatMap((v) => (typeof v === 'string' ? [v] : flat(v)));
  return flat(
    JSON.parse(readFileSync(new URL(`../../web/src/locales/${language}/booking.json`, import.meta.url), 'utf8')),
  );
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A fragment as a whole word or phrase: "min" must not be found inside "Termin". */
const asWords = (fragment: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(fragment)}(?![\\p{L}\\p{N}])`, 'u');

/**
 * The English catalog's wording: each message cut at its variables, trimmed of punctuation, with at least two
 * letters. A fragment the other language's catalog uses too ("Google Calendar", "(optional)") reads the same in
 * both and is no sign of English.
 */
export function englishFragments(language: string): { text: string; pattern: RegExp }[] {
  const other = catalog(language);
  const fragments = catalog('en')
    .flatMap((message) => message.split(/\{\{[^}]*\}\}/))
    .map((part) => part.trim().replace(/^[\s.,:;!?…()—–-]+|[\s.,:;!?…()—–-]+$/gu, ''))
    .filter((part) => (part.match(/\p{L}/gu) ?? []).length >= 2);
  return [...new Set(fragments)]
    .map((text) => ({ text, pattern: asWords(text) }))
    .filter(({ pattern }) => !other.some((message) => pattern.test(message)));
}

/** Everything a visitor reads or hears on the page now: its text, title and the attributes read out. */
export function pageTexts(page: Page): Promise<string[]> {
  // A string: this project's Node typecheck has no DOM types.
  return page.evaluate<string[]>(`[
    document.title,
    document.body.innerText,
    ...[...document.querySelectorAll('[aria-label],[placeholder],[title],[alt]')].flatMap((e) =>
      ['aria-label', 'placeholder', 'title', 'alt'].map((a) => e.getAttribute(a) ?? '')),
  ].filter(Boolean)`);
}

/**
 * The English fragments found in `texts`, after taking out what people typed (the host's title, name and
 * questions, the invitee's details), addresses and links, which are no one's translation.
 */
export function englishIn(texts: string[], fragments: { text: string; pattern: RegExp }[], typed: string[]): string[] {
  const cleaned = texts.map((text) =>
    [...typed]
      .sort((a, b) => b.length - a.length)
      .reduce((t, name) => t.replaceAll(name, ' '), text)
      .replace(/https?:\/\/\S+/g, ' ')
      .replace(/\S+@\S+/g, ' '),
  );
  return fragments.filter(({ pattern }) => cleaned.some((text) => pattern.test(text))).map(({ text }) => text);
}
