/** The first link to `path` (e.g. /reset-password) in the newest e-mail to `to`, waiting for it to be queued. */
export async function linkFromOutbox(baseUrl: string, to: string, path: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(new URL(`/api/dev/outbox?${new URLSearchParams({ to }).toString()}`, baseUrl));
    const { messages } = (await res.json()) as { messages: { text: string }[] };
    const match = messages.map((m) => new RegExp(`https?://\\S+${path}\\?\\S+`).exec(m.text)).find(Boolean);
    if (match) return new URL(match[0]).pathname + new URL(match[0]).search;
    if (Date.now() > deadline) throw new Error(`no ${path} link mailed to ${to}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
