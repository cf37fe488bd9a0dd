import { formatMeetingTime } from '../../lib/time.js';
import type { BookingMail, BookingMailEvent } from './types.js';

export type Audience = 'invitee' | 'host';
export type RenderedMail = { subject: string; text: string; html: string };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Block = { heading: string; intro: string; rows: [string, string][]; actions: [string, string][] };

function headline(
  e: BookingMailEvent,
  b: BookingMail,
  who: Audience,
): { subject: string; heading: string; intro: string } {
  const other = who === 'invitee' ? b.host.name : b.invitee.name;
  const when = formatMeetingTime(b.start, b.end, who === 'invitee' ? b.invitee.timeZone : b.host.timeZone);
  switch (e.kind) {
    case 'booked':
      if (b.status === 'pending') {
        return who === 'invitee'
          ? {
              subject: `Request sent: ${b.title} with ${other}`,
              heading: 'Your request was sent',
              intro: `${other} will confirm or decline it. We will e-mail you either way.`,
            }
          : {
              subject: `Please confirm: ${b.title} with ${other}`,
              heading: 'A new booking needs your approval',
              intro: `${other} asked for ${when}. The time is held until you confirm or decline.`,
            };
      }
      return who === 'invitee'
        ? {
            subject: `Confirmed: ${b.title} with ${other}`,
            heading: 'Your meeting is booked',
            intro: `You are meeting ${other}. The invitation is attached for your calendar.`,
          }
        : {
            subject: `New booking: ${b.title} with ${other}`,
            heading: 'You have a new booking',
            intro: `${other} booked ${when}.`,
          };
    case 'confirmed':
      return who === 'invitee'
        ? {
            subject: `Confirmed: ${b.title} with ${other}`,
            heading: `${other} confirmed your meeting`,
            intro: 'The invitation is attached for your calendar.',
          }
        : {
            subject: `You confirmed: ${b.title} with ${other}`,
            heading: 'Booking confirmed',
            intro: `You confirmed the meeting with ${other}.`,
          };
    case 'declined':
      return who === 'invitee'
        ? {
            subject: `Declined: ${b.title} with ${other}`,
            heading: `${other} could not accept your request`,
            intro: e.reason ? `Reason: ${e.reason}` : 'You are welcome to pick another time.',
          }
        : {
            subject: `You declined: ${b.title} with ${other}`,
            heading: 'Request declined',
            intro: e.reason ? `Your reason: ${e.reason}` : 'The time is free again.',
          };
    case 'cancelled': {
      const byName = e.by === 'host' ? b.host.name : b.invitee.name;
      const reason = e.reason ? ` Reason: ${e.reason}` : '';
      return {
        subject: `Cancelled: ${b.title} with ${other}`,
        heading: 'Meeting cancelled',
        intro: `${who === e.by ? 'You' : byName} cancelled the meeting.${reason}`,
      };
    }
    case 'rescheduled': {
      const was = formatMeetingTime(
        e.previousStart,
        new Date(e.previousStart.getTime() + (b.end.getTime() - b.start.getTime())),
        who === 'invitee' ? b.invitee.timeZone : b.host.timeZone,
      );
      return {
        subject: `Rescheduled: ${b.title} with ${other}`,
        heading: 'Meeting moved to a new time',
        intro: `It was ${was}.`,
      };
    }
    case 'reminder': {
      const inWords =
        e.offsetMinutes >= 1440 && e.offsetMinutes % 1440 === 0
          ? `${e.offsetMinutes / 1440} day${e.offsetMinutes === 1440 ? '' : 's'}`
          : e.offsetMinutes >= 60 && e.offsetMinutes % 60 === 0
            ? `${e.offsetMinutes / 60} hour${e.offsetMinutes === 60 ? '' : 's'}`
            : `${e.offsetMinutes} minutes`;
      return {
        subject: `Reminder: ${b.title} with ${other} in ${inWords}`,
        heading: `Your meeting starts in ${inWords}`,
        intro: `You are meeting ${other}.`,
      };
    }
    case 'video_ready':
      return {
        subject: `Updated: ${e.provider} link for ${b.title} with ${other}`,
        heading: `Your ${e.provider} link is ready`,
        intro:
          who === 'invitee'
            ? 'Join with the link below. The updated invitation is attached for your calendar.'
            : `The ${e.provider} meeting for your booking with ${other} is set up.`,
      };
    case 'video_failed':
      return {
        subject: `Action needed: no ${e.provider} link for ${b.title} with ${other}`,
        heading: `We could not create the ${e.provider} link`,
        intro: `${sentence(e.reason)} The booking stands. Reconnect ${e.provider} in Settings → Connected apps, or send ${other} a link yourself.`,
      };
  }
}

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

const VIDEO_LABELS: Record<string, string> = { zoom: 'Zoom', google_meet: 'Google Meet', teams: 'Microsoft Teams' };

function block(e: BookingMailEvent, b: BookingMail, who: Audience): Block & { subject: string } {
  const { subject, heading, intro } = headline(e, b, who);
  const zone = who === 'invitee' ? b.invitee.timeZone : b.host.timeZone;
  const rows: [string, string][] = [
    ['What', b.title],
    ['When', formatMeetingTime(b.start, b.end, zone)],
    [
      who === 'invitee' ? 'With' : 'Invitee',
      who === 'invitee' ? b.host.name : `${b.invitee.name} <${b.invitee.email}>`,
    ],
  ];
  const pendingVideo = VIDEO_LABELS[b.location.type];
  const awaiting = e.kind === 'video_failed' ? 'no link yet' : 'the link follows in a separate e-mail';
  const where = b.location.url ?? b.location.value ?? (pendingVideo && `${pendingVideo} (${awaiting})`);
  if (where) rows.push(['Where', where]);
  for (const q of b.questions) {
    const a = b.answers[q.id];
    if (a !== undefined && a !== '') rows.push([q.label, typeof a === 'boolean' ? (a ? 'Yes' : 'No') : a]);
  }
  if (b.notes) rows.push(['Notes', b.notes]);
  const live = e.kind !== 'cancelled' && e.kind !== 'declined';
  const actions: [string, string][] = [];
  if (live && b.location.url) actions.push(['Join the meeting', b.location.url]);
  if (who === 'invitee' && live) actions.push(['Reschedule', b.links.reschedule], ['Cancel', b.links.cancel]);
  if (who === 'host' && e.kind === 'video_failed') actions.push(['Open Connected apps', b.settingsUrl]);
  else if (who === 'host')
    actions.push([b.status === 'pending' && live ? 'Confirm or decline' : 'Open in TuskHub', b.dashboardUrl]);
  return { subject, heading, intro, rows, actions };
}

export function renderBookingMail(e: BookingMailEvent, b: BookingMail, who: Audience): RenderedMail {
  const m = block(e, b, who);
  const text = [
    m.heading,
    '',
    m.intro,
    '',
    ...m.rows.map(([k, v]) => `${k}: ${v}`),
    '',
    ...m.actions.map(([label, url]) => `${label}: ${url}`),
    '',
    '— TuskHub Meetings',
  ].join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(m.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:28px">
<h1 style="font-size:20px;margin:0 0 8px">${escapeHtml(m.heading)}</h1>
<p style="margin:0 0 20px;color:#334155">${escapeHtml(m.intro)}</p>
<table role="presentation" style="border-collapse:collapse;width:100%;font-size:14px">${m.rows
    .map(
      ([k, v]) =>
        `<tr><td style="padding:6px 12px 6px 0;color:#64748b;vertical-align:top;white-space:nowrap">${escapeHtml(k)}</td><td style="padding:6px 0">${escapeHtml(v)}</td></tr>`,
    )
    .join('')}</table>
<p style="margin:24px 0 0">${m.actions
    .map(
      ([label, url]) =>
        `<a href="${escapeHtml(url)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:8px;background:#4f46e5;color:#fff;text-decoration:none;font-weight:600">${escapeHtml(label)}</a>`,
    )
    .join('')}</p>
</div>
<p style="text-align:center;color:#94a3b8;font-size:12px">Sent by TuskHub Meetings</p>
</body></html>`;
  return { subject: m.subject, text, html };
}
