import { headline, personOf, when } from './booking-headlines.js';
import { mailText, sentences, type MailText } from './mail-text.js';
import type { AccountMail, BookingMail, BookingMailEvent, Locale } from './types.js';

export type Audience = 'invitee' | 'host';
export type RenderedMail = { subject: string; text: string; html: string };

const PRODUCT = 'TuskHub Meetings';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A multi-line value (long answers, notes) keeps its line breaks; any other value is read as one line. */
type Row = { label: string; value: string; multiline?: boolean };
/** One action is the point of the message (join, confirm); changing or cancelling stays a quiet link. */
type Action = { label: string; url: string; primary: boolean };
type Block = { heading: string; intro: string; rows: Row[]; actions: Action[] };
/**
 * What a message says after its actions, and whether the HTML spells out the primary link for mail apps that
 * break buttons; `locale` is the reader's language, which the layout's own words follow.
 */
type Message = Block & { subject: string; locale: Locale; note?: string; spellOutLink?: boolean };

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

/** Names, labels and reasons are one line: a line break in one must not start a line of its own in the e-mail. */
const oneLine = (s: string) => s.replace(CONTROL, ' ').trim();
const linesOf = (s: string) => s.split(LINE_BREAK).map((line) => line.replace(CONTROL, ' ').trimEnd());

const VIDEO_LABELS: Record<string, string> = { zoom: 'Zoom', google_meet: 'Google Meet', teams: 'Microsoft Teams' };

function block(e: BookingMailEvent, b: BookingMail, who: Audience): Message {
  const { subject, heading, intro } = headline(e, b, who);
  const reader = personOf(b, who);
  const t = mailText(reader.locale);
  const rows: Row[] = [
    { label: t('row.what'), value: b.title },
    { label: t('row.when'), value: when(b.start, b.end, reader) },
    who === 'invitee'
      ? { label: t('row.with'), value: b.host.name }
      : { label: t('row.invitee'), value: `${b.invitee.name} <${b.invitee.email}>` },
  ];
  const pendingVideo = VIDEO_LABELS[b.location.type];
  const awaiting = e.kind === 'video_failed' ? 'row.videoLinkMissing' : 'row.videoLinkFollows';
  const where = b.location.url ?? b.location.value ?? (pendingVideo && t(awaiting, { provider: pendingVideo }));
  if (where) rows.push({ label: t('row.where'), value: where });
  for (const q of b.questions) {
    // Own properties only: an id such as "constructor" must not read Object.prototype.
    const a = Object.hasOwn(b.answers, q.id) ? b.answers[q.id] : undefined;
    if (a === undefined || a === '') continue;
    rows.push({
      label: q.label,
      value: typeof a === 'boolean' ? t(a ? 'row.yes' : 'row.no') : a,
      multiline: q.type === 'textarea',
    });
  }
  if (b.notes) rows.push({ label: t('row.notes'), value: b.notes, multiline: true });
  const text = { subject: oneLine(subject), heading: oneLine(heading), intro: oneLine(intro) };
  return {
    ...text,
    rows,
    actions: actionsOf(e, b, who, t),
    locale: reader.locale,
    spellOutLink: asksForNewTime(e, who),
  };
}

// Asked for a new time, the invitee has one thing to do: pick it, on the page that would have rescheduled.
const asksForNewTime = (e: BookingMailEvent, who: Audience) => who === 'invitee' && e.kind === 'reschedule_requested';

function actionsOf(e: BookingMailEvent, b: BookingMail, who: Audience, t: MailText): Action[] {
  const live = e.kind !== 'cancelled' && e.kind !== 'declined' && e.kind !== 'reschedule_requested';
  const actions: Action[] = asksForNewTime(e, who)
    ? [{ label: t('action.pickNewTime'), url: b.links.reschedule, primary: true }]
    : [];
  if (live && b.location.url) actions.push({ label: t('action.join'), url: b.location.url, primary: true });
  if (who === 'invitee' && live)
    actions.push(
      { label: t('action.reschedule'), url: b.links.reschedule, primary: false },
      { label: t('action.cancel'), url: b.links.cancel, primary: false },
    );
  if (who === 'host' && e.kind === 'video_failed')
    actions.push({ label: t('action.openConnectedApps'), url: b.settingsUrl, primary: true });
  else if (who === 'host' && b.status === 'pending' && live)
    actions.push({ label: t('action.confirmOrDecline'), url: b.dashboardUrl, primary: true });
  else if (who === 'host')
    actions.push({ label: t('action.openInTuskHub'), url: b.dashboardUrl, primary: actions.length === 0 });
  return actions;
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
  const t = mailText(m.locale);
  const text = [
    m.heading,
    '',
    m.intro,
    '',
    ...(m.rows.length ? [...m.rows.map(textRow), ''] : []),
    ...m.actions.map(({ label, url }) => `${label}: ${url}`),
    '',
    ...(m.note ? [m.note, ''] : []),
    `— ${PRODUCT}`,
  ].join('\n');
  const primary = m.spellOutLink ? m.actions.find((a) => a.primary) : undefined;
  // Sized for a 390 px phone: labels sit above their values, and long names, addresses and links break anywhere.
  const html = `<!doctype html><html lang="${m.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(m.subject)}</title></head>
<body style="margin:0;padding:16px 12px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a">
<div style="box-sizing:border-box;max-width:560px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:24px 20px;overflow-wrap:anywhere;word-break:break-word">
<h1 style="font-size:20px;margin:0 0 8px">${escapeHtml(m.heading)}</h1>
<p style="margin:0 0 8px;color:#334155">${escapeHtml(m.intro)}</p>
${m.rows.length ? `<dl style="margin:0;font-size:14px">${m.rows.map(htmlRow).join('')}</dl>\n` : ''}<p style="margin:24px 0 0">${m.actions.map(htmlAction).join('')}</p>
${primary ? `<p style="margin:8px 0 0;color:#64748b;font-size:13px">${escapeHtml(t('layout.buttonFallback', { url: primary.url }))}</p>\n` : ''}${m.note ? `<p style="margin:16px 0 0;color:#64748b;font-size:13px">${escapeHtml(m.note)}</p>\n` : ''}</div>
<p style="text-align:center;color:#94a3b8;font-size:12px">${escapeHtml(t('layout.sentBy', { product: PRODUCT }))}</p>
</body></html>`;
  return { subject: m.subject, text, html };
}

/** "1 hour", "90 minutes": how long a link works, in whole hours where it can. */
const duration = (t: MailText, minutes: number) =>
  minutes % 60 === 0 ? t('duration.hours', { count: minutes / 60 }) : t('duration.minutes', { count: minutes });

function accountMessage(m: AccountMail): Message {
  const t = mailText(m.locale);
  const name = oneLine(m.name);
  const base = { locale: m.locale, rows: [] };
  switch (m.kind) {
    case 'password_reset':
      return {
        ...base,
        subject: t('account.passwordReset.subject'),
        heading: t('account.passwordReset.heading'),
        intro: sentences(
          t('account.passwordReset.intro', { name }),
          t('account.linkWorksOnce', { duration: duration(t, m.validMinutes) }),
        ),
        actions: [{ label: t('action.chooseNewPassword'), url: m.resetUrl, primary: true }],
        note: t('account.passwordReset.note'),
        spellOutLink: true,
      };
    case 'email_verification':
      return {
        ...base,
        subject: t('account.verification.subject'),
        heading: t('account.verification.heading'),
        intro: sentences(
          t(m.pagesWaiting ? 'account.verification.introPagesWaiting' : 'account.verification.intro', { name }),
          t('account.linkWorksOnce', { duration: duration(t, m.validHours * 60) }),
        ),
        actions: [{ label: t('action.confirmAddress'), url: m.verifyUrl, primary: true }],
        note: t('account.verification.note'),
        spellOutLink: true,
      };
    case 'account_exists':
      return {
        ...base,
        subject: t('account.exists.subject'),
        heading: t('account.exists.heading'),
        intro: t('account.exists.intro', { name }),
        actions: [
          { label: t('action.logIn'), url: m.loginUrl, primary: true },
          { label: t('action.chooseNewPassword'), url: m.resetUrl, primary: false },
        ],
        note: t('account.exists.note', { duration: duration(t, m.validMinutes) }),
      };
  }
}

export const renderAccountMail = (m: AccountMail): RenderedMail => render(accountMessage(m));
