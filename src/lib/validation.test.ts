import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configureValidationMessages, nulBytePaths } from './validation.js';

beforeAll(() => configureValidationMessages());

const messageOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a validation error');
  return result.error.issues[0]!.message;
};

describe('plain-language validation messages', () => {
  it('says how long text may be', () => {
    expect(messageOf(z.string().max(120), 'x'.repeat(121))).toBe('Use at most 120 characters.');
    expect(messageOf(z.string().min(10), 'short')).toBe('Use at least 10 characters.');
    expect(messageOf(z.string().min(1), '')).toBe('Fill in this field.');
    expect(messageOf(z.string().length(6), '123')).toBe('Use exactly 6 characters.');
  });

  it('says what kind of value is expected', () => {
    expect(messageOf(z.number(), 'ten')).toBe('Enter a number.');
    expect(messageOf(z.string(), 5)).toBe('Enter text.');
    expect(messageOf(z.object({ name: z.string() }), {})).toBe('This field is required.');
    expect(messageOf(z.number().int(), 1.5)).toBe('Enter a whole number.');
  });

  it('names the bounds of numbers and lists', () => {
    expect(messageOf(z.number().max(480), 500)).toBe('Use 480 or less.');
    expect(messageOf(z.number().min(5), 1)).toBe('Use 5 or more.');
    expect(messageOf(z.array(z.string()).max(2), ['a', 'b', 'c'])).toBe('Give at most 2 items.');
  });

  it('lists the choices and names unknown fields', () => {
    expect(messageOf(z.enum(['a', 'b']), 'c')).toBe('Choose one of: a, b.');
    expect(messageOf(z.strictObject({ a: z.string() }), { a: 'x', extra: 1 })).toBe('Remove the unknown field extra.');
  });

  it('explains formats', () => {
    expect(messageOf(z.email(), 'nope')).toBe('Enter a valid e-mail address.');
    expect(messageOf(z.uuid(), 'nope')).toBe('Use a valid id (a UUID).');
    expect(messageOf(z.url(), 'nope')).toBe('Enter a full web address, e.g. https://example.com.');
  });

  it('keeps a message the schema sets itself', () => {
    expect(messageOf(z.string().max(3, { message: 'Keep it short.' }), 'long')).toBe('Keep it short.');
    expect(messageOf(z.email({ message: 'Not an address.' }), 'x')).toBe('Not an address.');
  });

  it('never shows zod’s own wording for the common issues', () => {
    const schemas: Array<[z.ZodType, unknown]> = [
      [z.string().max(2), 'abc'],
      [z.number(), 'x'],
      [z.boolean(), 'x'],
      [z.literal('yes'), 'no'],
      [z.union([z.string(), z.number()]), true],
      [z.number().multipleOf(5), 7],
      [z.string().regex(/^a+$/), 'b'],
      [z.iso.datetime(), 'tomorrow'],
    ];
    for (const [schema, input] of schemas) {
      expect(messageOf(schema, input)).not.toMatch(/expected|Invalid|Too (big|small)/);
    }
  });
});

describe('nulBytePaths', () => {
  it('finds NUL characters in nested strings and keys, by dotted path', () => {
    const found = nulBytePaths({
      invitee: { name: 'Ev\u0000e' },
      answers: { ['k\u0000']: 'x' },
      list: ['ok', 'a\u0000'],
    });
    expect(found.sort()).toEqual(['answers.k\\u0000', 'invitee.name', 'list.1']);
  });

  it('finds nothing in clean input and ignores non-plain objects', () => {
    expect(nulBytePaths({ a: 'clean', n: 1, b: null, c: [true] })).toEqual([]);
    expect(nulBytePaths(Buffer.from('a\u0000b'))).toEqual([]);
    expect(nulBytePaths('top\u0000level')).toEqual(['_']);
  });

  it('reads parsed query strings, whose objects have a prototype without Object’s', () => {
    const query = Object.assign(Object.create(Object.create(null)), { user: 'a\u0000b', type: 'intro' });
    expect(nulBytePaths(query)).toEqual(['user']);
  });

  it('walks very deep input without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(nulBytePaths(deep)).toHaveLength(1);
  });
});
