import { answerTo } from './bookings.rules.js';
import type { BookingWithContext } from './bookings.repo.js';

/**
 * The host's bookings as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled), for spreadsheets first: a byte order mark so Excel reads UTF-8 names correctly, and the answers to
 * the types' questions as columns headed by the question, so each can be sorted and filtered. Two types asking
 * the same question share its column; an answer to a question since removed from its type is headed by its id.
 * No tokens and no links: a file that gets passed around must not let its readers change the bookings.
 */

/** A cell a spreadsheet would read as a formula, or that could start one, is prefixed with a quote. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const FIXED_COLUMNS: [string, (row: BookingWithContext) => string][] = [
  ['uid', ({ booking }) => booking.uid],
  ['status', ({ booking }) => booking.status],
  ['reschedule_requested_at', ({ booking }) => booking.rescheduleRequestedAt?.toISOString() ?? ''],
  ['start', ({ booking }) => booking.startAt.toISOString()],
  ['end', ({ booking }) => booking.endAt.toISOString()],
  ['meeting_type', ({ type }) => type.title],
  ['meeting_type_slug', ({ type }) => type.slug],
  ['invitee_name', ({ booking }) => booking.inviteeName],
  ['invitee_email', ({ booking }) => booking.inviteeEmail],
  ['invitee_time_zone', ({ booking }) => booking.timeZone],
  ['location', ({ booking: { location } }) => location.url ?? location.value ?? location.type],
  ['notes', ({ booking }) => booking.notes ?? ''],
  ['host_note', ({ booking }) => booking.hostNote ?? ''],
  ['cancel_reason', ({ booking }) => booking.cancelReason ?? ''],
  ['cancelled_by', ({ booking }) => booking.cancelledBy ?? ''],
  ['no_show', ({ booking }) => (booking.noShow ? 'yes' : 'no')],
  ['created_at', ({ booking }) => booking.createdAt.toISOString()],
];

/** The heading of each answer of a row, by question id: the question's wording, or the id of a removed one. */
function answerHeadings({ booking, type }: BookingWithContext): Map<string, string> {
  const headings = new Map(type.questions.map((q) => [q.id, `answer: ${q.label.trim()}`]));
  for (const id of Object.keys(booking.answers)) if (!headings.has(id)) headings.set(id, `answer: ${id}`);
  return headings;
}

const answerText = (answer: string | boolean | undefined) =>
  answer === undefined ? '' : typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : answer;

export function bookingsCsv(rows: readonly BookingWithContext[]): string {
  const perRow = rows.map(answerHeadings);
  const answerColumns = [...new Set(perRow.flatMap((headings) => [...headings.values()]))];
  const header = [...FIXED_COLUMNS.map(([name]) => name), ...answerColumns];
  const lines = rows.map((row, i) => {
    const byHeading = new Map<string, string>();
    for (const [id, heading] of perRow[i]!) {
      const answer = answerText(answerTo(row.booking.answers, id));
      if (answer !== '' || !byHeading.has(heading)) byHeading.set(heading, answer);
    }
    return [...FIXED_COLUMNS.map(([, value]) => value(row)), ...answerColumns.map((h) => byHeading.get(h) ?? '')];
  });
  return `\uFEFF${[header, ...lines].map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}
