import { describe, expect, it } from 'vitest';
import { copySlug, copyTitle } from './meeting-type-copy.js';

describe('copies of a meeting type', () => {
  it('take the first free slug after -copy', () => {
    expect(copySlug('intro', new Set(['intro']))).toBe('intro-copy');
    expect(copySlug('intro', new Set(['intro', 'intro-copy']))).toBe('intro-copy-2');
    expect(copySlug('intro', new Set(['intro-copy', 'intro-copy-2', 'intro-copy-4']))).toBe('intro-copy-3');
  });

  it('shorten a long slug to fit 64 characters, without a dash before the suffix', () => {
    const long = `${'a'.repeat(58)}-bcdef`;
    const slug = copySlug(long, new Set());
    expect(slug).toBe(`${'a'.repeat(58)}-copy`);
    expect(slug).toHaveLength(63);
    const again = copySlug(long, new Set([slug]));
    expect(again).toHaveLength(64);
    expect(again).toMatch(/^a+-copy-2$/);
  });

  it('mark the title, within 120 characters', () => {
    expect(copyTitle('Intro call')).toBe('Intro call (copy)');
    const title = copyTitle(`${'x'.repeat(112)} ${'y'.repeat(7)}`);
    expect(title).toHaveLength(119);
    expect(title.endsWith('x (copy)')).toBe(true);
  });
});
