import { z } from 'zod/mini';

type Issue = z.core.$ZodRawIssue;

const plural = (n: number | bigint, one: string, many: string) => `${n} ${n === 1 || n === 1n ? one : many}`;

const listed = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));

const TYPE_MESSAGES: Record<string, string> = {
  string: 'Enter text.',
  number: 'Enter a number.',
  int: 'Enter a whole number.',
  bigint: 'Enter a whole number.',
  boolean: 'Choose true or false.',
  date: 'Enter a date.',
  array: 'Give a list.',
  tuple: 'Give a list.',
  set: 'Give a list.',
  object: 'Give an object with named fields.',
  record: 'Give an object with named fields.',
  map: 'Give an object with named fields.',
  null: 'Leave this empty (null).',
  undefined: 'Leave this field out.',
  never: 'Leave this field out.',
};

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'Enter a valid e-mail address.',
  url: 'Enter a full web address, e.g. https://example.com.',
  uuid: 'Use a valid id (a UUID).',
  guid: 'Use a valid id (a UUID).',
  datetime: 'Use an ISO 8601 date and time, e.g. 2026-03-09T14:00:00Z.',
  date: 'Use a date like 2026-03-09.',
  time: 'Use a time like 14:00.',
  duration: 'Use an ISO 8601 duration, e.g. PT30M.',
  e164: 'Enter the phone number in international format, e.g. +4930123456.',
  ipv4: 'Enter an IPv4 address.',
  ipv6: 'Enter an IPv6 address.',
  lowercase: 'Use lowercase letters only.',
  uppercase: 'Use uppercase letters only.',
  regex: 'This value does not have the required format.',
};

function sizeMessage(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string | undefined {
  const big = issue.code === 'too_big';
  const bound = big ? issue.maximum : issue.minimum;
  // An exclusive bound (lt/gt) on a count is the next whole count; on a number it stays as written.
  const count = issue.inclusive === false ? (big ? Number(bound) - 1 : Number(bound) + 1) : Number(bound);
  const atMostOrLeast = issue.exact ? 'exactly' : big ? 'at most' : 'at least';
  switch (issue.origin) {
    case 'string':
      if (!big && count === 1 && !issue.exact) return 'Fill in this field.';
      return `Use ${atMostOrLeast} ${plural(count, 'character', 'characters')}.`;
    case 'array':
    case 'set':
      if (!big && count === 1 && !issue.exact) return 'Give at least one item.';
      return `Give ${atMostOrLeast} ${plural(count, 'item', 'items')}.`;
    case 'file':
      return `Use a file of ${atMostOrLeast} ${plural(count, 'byte', 'bytes')}.`;
    case 'number':
    case 'int':
    case 'bigint':
      if (issue.exact) return `Use ${String(bound)}.`;
      if (issue.inclusive === false) return `Use a number ${big ? 'below' : 'above'} ${String(bound)}.`;
      return big ? `Use ${String(bound)} or less.` : `Use ${String(bound)} or more.`;
    case 'date': {
      const when = new Date(Number(bound)).toISOString();
      return big ? `Choose a date no later than ${when}.` : `Choose a date no earlier than ${when}.`;
    }
    default:
      return undefined;
  }
}

function formatMessage(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  if (issue.format === 'starts_with') return `Start with “${String(issue.prefix)}”.`;
  if (issue.format === 'ends_with') return `End with “${String(issue.suffix)}”.`;
  if (issue.format === 'includes') return `Include “${String(issue.includes)}”.`;
  return FORMAT_MESSAGES[issue.format] ?? 'This value does not have the required format.';
}

/**
 * The sentence a person reads for a zod issue. Messages a schema sets itself take precedence over this map
 * (zod asks the global map last), so this only covers what a schema left generic.
 */
export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This field is required.';
      return TYPE_MESSAGES[issue.expected] ?? 'This value has the wrong type.';
    case 'too_big':
    case 'too_small':
      return sizeMessage(issue);
    case 'invalid_format':
      return formatMessage(issue);
    case 'not_multiple_of':
      return `Use a multiple of ${issue.divisor}.`;
    case 'invalid_value':
      if (issue.values.length === 1) return `Use ${listed(issue.values)[0]}.`;
      return `Choose one of: ${listed(issue.values).join(', ')}.`;
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `Remove the unknown field ${issue.keys[0]}.`
        : `Remove the unknown fields ${issue.keys.join(', ')}.`;
    case 'invalid_union':
      return 'This value does not match any of the accepted forms.';
    case 'invalid_key':
      return 'One of the names in this object is not accepted.';
    case 'invalid_element':
      return 'One of the entries is not accepted.';
    default:
      return undefined;
  }
}

/** Plain-language messages for every generic zod issue a person filling a form can trigger. */
export function configureValidationMessages() {
  z.config({ customError: plainMessage });
}

type Visit = { value: unknown; key: string; parent: Visit | undefined };

function dottedPath(visit: Visit): string {
  const keys: string[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) keys.push(v.key);
  return keys.reverse().join('.') || '_';
}

/**
 * Where a string (or an object key) holds a NUL character, as dotted paths. PostgreSQL cannot store NUL in
 * text, so such input would fail deep inside a query. Walks iteratively with parent links: a deeply nested
 * JSON body must neither overflow the stack nor copy its path at every level. The first `limit` are enough to
 * tell the caller what to fix.
 */
export function nulBytePaths(value: unknown, limit = 20): string[] {
  const found: string[] = [];
  const pending: Visit[] = [{ value, key: '', parent: undefined }];
  while (pending.length && found.length < limit) {
    const visit = pending.pop()!;
    const current = visit.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) found.push(dottedPath(visit));
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push({ value: item, key: String(i), parent: visit }));
    } else if (isDictionary(current)) {
      for (const [key, item] of Object.entries(current)) {
        const child = { value: item, key: key.replaceAll('\u0000', '\\u0000'), parent: visit };
        if (key.includes('\u0000')) found.push(dottedPath(child));
        else pending.push(child);
      }
    }
  }
  return found;
}

/** Parsed JSON, query strings (whose parser uses a prototype without Object's) and path parameters; not class instances. */
function isDictionary(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}
