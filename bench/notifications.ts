// Notification figures: e-mails per second through the pooled SMTP transport (to a local SMTP server), and
// the delay between reminders' due time and their send with 1,000 reminders due within the same minute.
// Prints one JSON line. Uses DATABASE_URL when set, otherwise a fresh PGlite directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createDb } from '../src/db/client.js';
import { withTenant } from '../src/db/tenant.js';
import { createJobQueue } from '../src/jobs/queue.js';
import { createEventBus } from '../src/lib/event-bus.js';
import { outboxRepo } from '../src/modules/notifications/outbox.repo.js';
import { REMINDER_JOB } from '../src/modules/scheduling/reminders.service.js';
import { loadConfig } from '../src/server/config.js';
import { createServices } from '../src/server/services.js';
import { percentile } from './lib/server.js';

const EMAILS = 1000;
const REMINDERS = 1000;

let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _s, cb) {
    stream.resume();
    stream.on('end', () => {
      received++;
      cb();
    });
  },
});
await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const dataDir = mkdtempSync(join(tmpdir(), 'tuskhub-bench-notify-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, SMTP_URL: smtpUrl, LOG_LEVEL: 'silent' });
const handle = await createDb({ databaseUrl: config.databaseUrl, dataDir, poolSize: 20 });
const bus = await createEventBus(handle);
const queue = createJobQueue(handle, { runWorkers: true, onError: () => {} });
const services = createServices(config, handle, { bus, queue, log: { warn: () => {} } });
services.registerJobs();
await queue.start();

try {
  const { user, orgId } = await services.accounts.admin.createUser(
    {
      email: `bench-${Date.now()}@example.com`,
      name: 'Bench',
      username: `b${Date.now().toString(36)}`,
      timeZone: 'UTC',
    },
    'bench password 1',
  );
  const principal = { userId: user.id, orgId, via: 'session' as const };

  // 1. Throughput of the outbox sender over the pooled transport.
  await withTenant(handle.db, principal, (tx) =>
    outboxRepo.enqueue(
      tx,
      principal.orgId,
      null,
      Array.from({ length: EMAILS }, (_, i) => ({
        to: `r${i}@example.com`,
        subject: `Bench ${i}`,
        text: 'Hello',
        html: '<p>Hello</p>',
        attachments: [],
      })),
    ),
  );
  const started = performance.now();
  while (received < EMAILS) {
    await services.notifications.dispatchDue();
    await new Promise((r) => setTimeout(r, 5));
  }
  const emailsPerSec = EMAILS / ((performance.now() - started) / 1000);

  // 2. 1,000 reminders due within one minute, each queued as a job for its due time.
  const type = await services.meetingTypes.create(principal, {
    title: 'Bench',
    slug: 'bench',
    description: '',
    kind: 'quick',
    durationMinutes: 15,
    slotIntervalMinutes: null,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 0,
    bookingWindowDays: 730,
    maxBookingsPerDay: null,
    requiresConfirmation: false,
    location: { type: 'none' },
    questions: [],
    reminderOffsetsMinutes: [60],
    isActive: true,
    isSecret: false,
    scheduleId: null,
    color: null,
    redirectUrl: null,
    redirectWithDetails: false,
  });
  const dueFrom = Date.now() + 20_000;
  const reminders = await withTenant(handle.db, principal, async (tx) => {
    await tx.execute(sql`
      insert into meeting_bookings (org_id, meeting_type_id, host_user_id, start_at, end_at, time_zone, invitee_name, invitee_email, location)
      select ${principal.orgId}, ${type.id}, ${principal.userId}, t, t + interval '15 minutes', 'UTC', 'Invitee ' || i, 'i' || i || '@example.com', '{"type":"none"}'
      from generate_series(1, ${REMINDERS}) as i, lateral (select now() + interval '1 day' + i * interval '15 minutes' as t) s`);
    const rows = await tx.execute(sql`
      insert into meeting_reminders (org_id, booking_id, offset_minutes, scheduled_for)
      select org_id, id, 60, to_timestamp(${dueFrom / 1000} + random() * 60) from meeting_bookings where meeting_type_id = ${type.id}
      returning id, scheduled_for`);
    return rows.rows as { id: string; scheduled_for: string | Date }[];
  });
  for (const r of reminders)
    await queue.send(REMINDER_JOB, { reminderId: r.id }, { startAfter: new Date(r.scheduled_for) });
  for (;;) {
    const [row] = (
      await handle.db.execute(
        sql`select count(*)::int as n from meeting_reminders where meeting_reminders.status = 'scheduled' and booking_id in (select id from meeting_bookings where meeting_type_id = ${type.id})`,
      )
    ).rows;
    if (row!.n === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const delays = (
    await handle.db.execute(
      sql`select extract(epoch from sent_at - scheduled_for) * 1000 as ms from meeting_reminders where status = 'sent' and booking_id in (select id from meeting_bookings where meeting_type_id = ${type.id})`,
    )
  ).rows
    .map((r) => Number(r.ms))
    .sort((a, b) => a - b);

  console.log(
    JSON.stringify({
      bench: 'notifications',
      db: handle.kind,
      emails: EMAILS,
      emailsPerSec: Math.round(emailsPerSec),
      reminders: delays.length,
      reminderDelayP50Ms: Math.round(percentile(delays, 50)),
      reminderDelayP99Ms: Math.round(percentile(delays, 99)),
      reminderDelayMaxMs: Math.round(delays.at(-1)!),
    }),
  );
} finally {
  await queue.stop();
  await bus.close();
  services.mailer?.close();
  await handle.close();
  smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
}
