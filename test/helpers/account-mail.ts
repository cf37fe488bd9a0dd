import type { TestApp } from './app.js';

type Message = Awaited<ReturnType<TestApp['services']['notifications']['devOutbox']>>[number];

/** The messages to an address (oldest first) once there are `count`, waiting for jobs and the outbox. */
export async function waitForMail(t: TestApp, to: string, count: number, timeoutMs = 10_000): Promise<Message[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = (await t.services.notifications.devOutbox(to)).reverse();
    if (messages.length >= count) return messages;
    if (Date.now() > deadline) throw new Error(`${to} got ${messages.length} of ${count} e-mails`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until no job of this name is queued, running or waiting for a retry. */
export async function jobsSettled(t: TestApp, name: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await t.db.executeSql(
      `select count(*)::int as n from pgboss.job where name = $1 and state in ('created', 'retry', 'active')`,
      [name],
    );
    if ((rows[0] as { n: number }).n === 0) return;
    if (Date.now() > deadline) throw new Error(`jobs ${name} still pending`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The token of the first link to `path` (e.g. /reset-password) in a message's text. */
export function linkToken(message: Message, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}\\?(?:token|invite)=([A-Za-z0-9_%-]+)`).exec(message.text);
  if (!match) throw new Error(`no ${path} link in: ${message.text}`);
  return decodeURIComponent(match[1]!);
}
