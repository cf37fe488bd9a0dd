import { headline, personOf, when } from './booking-headlines.js';
import type { AccountMail, BookingMail, BookingMailEvent } from './types.js';

export type Audience = 'invitee' | 'host';
export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A multi-line value (long answers, notes) keeps its line breaks; any other value is read as one line. */
type Row = { label: string; value: string; multiline?: boolean };
/** One action is the point of the message (join, confirm); changing or cancelling stays a quiet link. */
type Action = { label: string; url: string; primary: boolean };
type Block = { heading: string; intro: string; rows: Row[]; actions: Action[] };
/** What a message says after its actions, and whether the HTML spells out the primary link for mail apps that break buttons. */
type Message = Block & { subject: string; note?: string; spellOutLink?: boolean };

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

/** Names, labels and reasons are one line: a line break in one must not start a line of its own in the e-mail. */
const oneLine = (s: string) => s.replace(CONTROL, ' ').trim();
const linesOf = (s: string) => s.split(LINE_BREAK).map((line) => line.replace(CONTROL, ' ').trimEnd());

const VIDEO_LABELS: Record<string, string> = { zoom: 'Zoom', google_meet: 'Google Meet', teams: 'Microsoft Teams' };

function block(e: BookingMailEvent, b: BookingMail, who: Audience): Message {
  const { subject, heading, intro } = headline(e, b, who);
  const rows: Row[] = [
    { label: 'What', value: b.title },
    { label: 'When', value: when(b.start, b.end, personOf(b, who)) },
    who === 'invitee'
      ? { label: 'With', value: b.host.name }
      : { label: 'Invitee', value: `${b.invitee.name} <${b.invitee.email}>` },
  ];
  const pendingVideo = VIDEO_LABELS[b.location.type];
  const awaiting = e.kind === 'video_failed' ? 'no link yet' : 'the link follows in a separate e-mail';
  const where = b.location.url ?? b.location.value ?? (pendingVideo && `${pendingVideo} (${awaiting})`);
  if (where) rows.push({ label: 'Where', value: where });
  for (const q of b.questions) {
    // Own properties only: an id such as "constructor" must not read Object.prototype.
    const a = Object.hasOwn(b.answers, q.id) ? b.answers[q.id] : undefined;
    if (a === undefined || a === '') continue;
    rows.push({
      label: q.label,
      value: typeof a === 'boolean' ? (a ? 'Yes' : 'No') : a,
      multiline: q.type === 'textarea',
    });
  }
  if (b.notes) rows.push({ label: 'Notes', value: b.notes, multiline: true });
  const live = e.kind !== 'cancelled' && e.kind !== 'declined' && e.kind !== 'reschedule_requested';
  // Asked for a new time, the invitee has one thing to do: pick it, on the page that would have rescheduled.
  const pickNewTime = who === 'invitee' && e.kind === 'reschedule_requested';
  const actions: Action[] = pickNewTime ? [{ label: 'Pick a new time', url: b.links.reschedule, primary: true }] : [];
  if (live && b.location.url) actions.push({ label: 'Join the meeting', url: b.location.url, primary: true });
  if (who === 'invitee' && live)
    actions.push(
      { label: 'Reschedule', url: b.links.reschedule, primary: false },
      { label: 'Cancel', url: b.links.cancel, primary: false },
    );
  if (who === 'host' && e.kind === 'video_failed')
    actions.push({ label: 'Open Connected apps', url: b.settingsUrl, primary: true });
  else if (who === 'host' && b.status === 'pending' && live)
    actions.push({ label: 'Confirm or decline', url: b.dashboardUrl, primary: true });
  else if (who === 'host')
    actions.push({ label: 'Open in TuskHub', url: b.dashboardUrl, primary: actions.length === 0 });
  const text = { subject: oneLine(subject), heading: oneLine(heading), intro: oneLine(intro) };
  return { ...text, rows, actions, spellOutLink: pickNewTime };
}

function textRow({ label, value, multiline }: Row): string {
  const lines = multiline ? linesOf(value) : [oneLine(value)];
  // Continuation lines are indented, so a line inside an answer never reads as a field of the e-mail.
  return lines.length === 1
    ? `${oneLine(label)}: ${lines[0]}`
    : [`${oneLine(label)}:`, ...lines.map((line) => `  ${line}`)].join('\n');
}

const htmlRow = ({ label, value, multiline }: Row) =>
  `<dt style="margin:14px 0 2px;color:#64748b;font-size:12px;font-weight:600">${escapeHtml(oneLine(label))}</dt>` +
  `<dd style="margin:0${multiline ? ';white-space:pre-wrap' : ''}">${escapeHtml(multiline ? linesOf(value).join('\n') : oneLine(value))}</dd>`;

const htmlAction = ({ label, url, primary }: Action) =>
  primary
    ? `<a href="${escapeHtml(url)}" style="display:inline-block;margin:0 16px 10px 0;padding:10px 16px;border-radius:8px;background:#4f46e5;color:#fff;text-decoration:none;font-weight:600">${escapeHtml(label)}</a>`
    : `<a href="${escapeHtml(url)}" style="display:inline-block;margin:0 16px 10px 0;padding:10px 0;color:#475569;text-decoration:underline">${escapeHtml(label)}</a>`;

export function renderBookingMail(e: BookingMailEvent, b: BookingMail, who: Audience): RenderedMail {
  return render(block(e, b, who));
}

function render(m: Message): RenderedMail {
  const text = [
    m.heading,
    '',
    m.intro,
    '',
    ...(m.rows.length ? [...m.rows.map(textRow), ''] : []),
    ...m.actions.map(({ label, url }) => `${label}: ${url}`),
    '',
    ...(m.note ? [m.note, ''] : []),
    '— TuskHub Meetings',
  ].join('\n');
  const primary = m.spellOutLink ? m.actions.find((a) => a.primary) : undefined;
  // Sized for a 390 px phone: labels sit above their values, and long names, addresses and links break anywhere.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(m.subject)}</title></head>
<body style="margin:0;padding:16px 12px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a">
<div style="box-sizing:border-box;max-width:560px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:24px 20px;overflow-wrap:anywhere;word-break:break-word">
<h1 style="font-size:20px;margin:0 0 8px">${escapeHtml(m.heading)}</h1>
<p style="margin:0 0 8px;color:#334155">${escapeHtml(m.intro)}</p>
${m.rows.length ? `<dl style="margin:0;font-size:14px">${m.rows.map(htmlRow).join('')}</dl>\n` : ''}<p style="margin:24px 0 0">${m.actions.map(htmlAction).join('')}</p>
${primary ? `<p style="margin:8px 0 0;color:#64748b;font-size:13px">If the button does not work, copy this address into your browser: ${escapeHtml(primary.url)}</p>\n` : ''}${m.note ? `<p style="margin:16px 0 0;color:#64748b;font-size:13px">${escapeHtml(m.note)}</p>\n` : ''}</div>
<p style="text-align:center;color:#94a3b8;font-size:12px">Sent by TuskHub Meetings</p>
</body></html>`;
  return { subject: m.subject, text, html };
}

const duration = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`;

function accountMessage(m: AccountMail): Message {
  const name = oneLine(m.name);
  switch (m.kind) {
    case 'password_reset':
      return {
        subject: 'Reset your TuskHub password',
        heading: 'Reset your password',
        intro: `Hi ${name}, someone asked to reset the password of your TuskHub account. The link works once, for ${duration(m.validMinutes)}.`,
        rows: [],
        actions: [{ label: 'Choose a new password', url: m.resetUrl, primary: true }],
        note: 'If you did not ask for this, ignore this e-mail: your password stays as it is. A new password logs you out everywhere.',
        spellOutLink: true,
      };
    case 'email_verification':
      return {
        subject: 'Confirm your e-mail address for TuskHub',
        heading: 'Confirm your e-mail address',
        intro: m.pagesWaiting
          ? `Hi ${name}, confirm that this address is yours to finish your TuskHub account. Your booking pages go live once it is confirmed. The link works once, for ${duration(m.validHours * 60)}.`
          : `Hi ${name}, confirm that this address belongs to your TuskHub account. The link works once, for ${duration(m.validHours * 60)}.`,
        rows: [],
        actions: [{ label: 'Confirm my address', url: m.verifyUrl, primary: true }],
        note: 'If you did not make a TuskHub account, ignore this e-mail.',
        spellOutLink: true,
      };
    case 'account_exists':
      return {
        subject: 'You already have a TuskHub account',
        heading: 'You already have an account',
        intro: `Someone tried to sign up with this address, which already belongs to your account (${name}). No new account was made. Log in, or choose a new password if you forgot it.`,
        rows: [],
        actions: [
          { label: 'Log in', url: m.loginUrl, primary: true },
          { label: 'Choose a new password', url: m.resetUrl, primary: false },
        ],
        note: `The password link works once, for ${duration(m.validMinutes)}. If you did not try to sign up, ignore this e-mail.`,
      };
  }
}

export const renderAccountMail = (m: AccountMail): RenderedMail => render(accountMessage(m));
