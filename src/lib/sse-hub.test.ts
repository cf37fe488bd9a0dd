import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { EventBus } from './event-bus.js';
import { createSseHub, type SseHub, type SseHubOptions } from './sse-hub.js';

/** An in-process bus that counts who subscribes, as the real one fans out in-process by topic. */
function countingBus() {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  const subscribed: string[] = [];
  const bus: Pick<EventBus, 'publish' | 'subscribe' | 'close'> = {
    publish: async (topic, payload) => handlers.get(topic)?.forEach((h) => h(payload)),
    subscribe(topic, handler) {
      subscribed.push(topic);
      const set = handlers.get(topic) ?? new Set();
      handlers.set(topic, set.add(handler));
      return () => {
        set.delete(handler);
        if (set.size === 0) handlers.delete(topic);
      };
    },
    close: async () => {},
  };
  return { bus, subscribed, listening: (topic: string) => handlers.has(topic) };
}

const HEARTBEAT_MS = 60_000;
let server: Server;
let port: number;
let hub: SseHub;
let bus: ReturnType<typeof countingBus>;
const closed = vi.fn();

async function start(options: Partial<SseHubOptions> = {}) {
  bus = countingBus();
  hub = createSseHub(bus.bus, {
    event: 'slots',
    heartbeatMs: HEARTBEAT_MS,
    retryMs: 3000,
    maxBufferedBytes: 1 << 16,
    ...options,
  });
  server = createServer((req, res) =>
    hub.open(new URL(req.url!, 'http://x').searchParams.get('topic')!, res, {
      headers: { 'x-test': '1' },
      onClose: () => closed(req.url),
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}

/** A stream read as text; `next(text)` waits until what arrived since the last match contains it. */
async function stream(topic: string) {
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}/?topic=${topic}`, { signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    res,
    async next(text: string) {
      while (!buffer.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${JSON.stringify(text)}`);
        buffer += value;
      }
      const seen = buffer.slice(0, buffer.indexOf(text) + text.length);
      buffer = buffer.slice(seen.length);
      return seen;
    },
    ended: async () => {
      for (;;) if ((await reader.read()).done) return true;
    },
    close: () => controller.abort(),
  };
}

beforeEach(() => closed.mockClear());
afterEach(async () => {
  vi.useRealTimers();
  hub.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('answers as an event stream, with the caller’s headers and the retry delay', async () => {
  await start();
  const s = await stream('a');
  expect(s.res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  expect(s.res.headers.get('x-test')).toBe('1');
  expect(await s.next(': connected\n\n')).toBe('retry: 3000\n: connected\n\n');
});

it('gives every stream of a topic the event through one subscription, and no other topic', async () => {
  await start();
  const many = await Promise.all(Array.from({ length: 25 }, () => stream('a')));
  const other = await stream('b');
  expect(hub.count('a')).toBe(25);
  expect(bus.subscribed).toEqual(['a', 'b']);

  for (const s of [...many, other]) await s.next(': connected\n\n');
  await bus.bus.publish('a', { reason: 'booked', start: 'x' });
  await bus.bus.publish('b', { reason: 'freed' });
  const frames = await Promise.all(many.map((s) => s.next('}\n\n')));
  for (const frame of frames) expect(frame).toBe('event: slots\ndata: {"reason":"booked","start":"x"}\n\n');
  // The other topic's first event is its own.
  expect(await other.next('}\n\n')).toBe('event: slots\ndata: {"reason":"freed"}\n\n');
});

it('drops a stream whose client left, and the subscription with the topic’s last stream', async () => {
  await start();
  const [first, second] = [await stream('a'), await stream('a')];
  await first.next(': connected');
  first.close();
  await vi.waitFor(() => expect(hub.count('a')).toBe(1));
  expect(closed).toHaveBeenCalledTimes(1);

  await bus.bus.publish('a', { n: 1 });
  expect(await second.next('}\n\n')).toContain('data: {"n":1}');
  second.close();
  await vi.waitFor(() => expect(bus.listening('a')).toBe(false));
  expect(closed).toHaveBeenCalledTimes(2);

  await stream('a');
  expect(bus.subscribed).toEqual(['a', 'a']);
});

it('sends every stream one heartbeat per interval, from one timer', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  await start();
  const streams = [await stream('a'), await stream('a'), await stream('b')];
  for (const s of streams) await s.next(': connected\n\n');
  expect(vi.getTimerCount()).toBe(1);

  vi.advanceTimersByTime(HEARTBEAT_MS);
  for (const s of streams) expect(await s.next('\n\n')).toBe(': heartbeat\n\n');
  vi.advanceTimersByTime(HEARTBEAT_MS);
  for (const s of streams) expect(await s.next('\n\n')).toBe(': heartbeat\n\n');

  for (const s of streams) s.close();
  await vi.waitFor(() => expect(vi.getTimerCount()).toBe(0));
});

it('closes a stream whose client stops reading once its backlog passes the cap', async () => {
  await start({ maxBufferedBytes: 4096 });
  const socket = connect(port, '127.0.0.1');
  socket.write('GET /?topic=stuck HTTP/1.1\r\nHost: x\r\n\r\n');
  await new Promise((resolve) => socket.once('data', resolve));
  socket.pause();
  expect(hub.count('stuck')).toBe(1);

  // The kernel's buffers take a few megabytes before anything waits in the process.
  const big = { filler: 'x'.repeat(64 * 1024) };
  for (let i = 0; i < 2000 && hub.count('stuck') > 0; i++) {
    await bus.bus.publish('stuck', big);
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(hub.count('stuck')).toBe(0);
  expect(bus.listening('stuck')).toBe(false);
  socket.destroy();
});

it('frames events without chunks for an HTTP/1.0 client, such as a proxy', async () => {
  await start();
  const socket = connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  socket.write('GET /?topic=a HTTP/1.0\r\nHost: x\r\n\r\n');
  await vi.waitFor(() => expect(hub.count('a')).toBe(1));
  await bus.bus.publish('a', { n: 1 });
  await vi.waitFor(() => expect(text).toContain('\r\n\r\nretry: 3000\n: connected\n\nevent: slots\ndata: {"n":1}\n\n'));
  expect(text).not.toMatch(/transfer-encoding/i);
  socket.destroy();
});

it('ends its streams when it closes', async () => {
  await start();
  const s = await stream('a');
  await s.next(': connected');
  hub.close();
  expect(await s.ended()).toBe(true);
  expect(closed).toHaveBeenCalledTimes(1);
  expect(bus.listening('a')).toBe(false);
});
