import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, signedUpClient, TestClient, type TestApp } from './helpers/app.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

const DAY = 86_400_000;
const ASSET = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;

let t: TestApp;
let base: string;
let host: Awaited<ReturnType<typeof hostWithType>>;
beforeAll(async () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'tuskhub-web-'));
  mkdirSync(join(webRoot, 'assets'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(webRoot, 'assets', 'app.js'), ASSET);
  writeFileSync(join(webRoot, 'assets', 'app.js.br'), brotliCompressSync(ASSET));
  t = await createTestApp({ webRoot });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  host = await hostWithType(t.app);
});
afterAll(() => t.close());

const slotsUrl = (username: string, days: number) => {
  const from = utcDay(1);
  const to = new Date(from.getTime() + days * DAY);
  return `/api/meetings/slots?${new URLSearchParams({ user: username, type: 'intro', from: from.toISOString(), to: to.toISOString() })}`;
};

describe('login limit per account and address', () => {
  it('limits wrong passwords from one address without locking the owner out elsewhere', async () => {
    const { client, account } = await signedUpClient(t.app);
    const { secret } = (await client.post('/api/me/totp/setup')).body;
    const previous = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    expect((await client.post('/api/me/totp/enable', { code: previous })).status).toBe(200);

    const attacker = new TestClient(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await attacker.post('/api/auth/login', { email: account.email, password: 'wrong password' })).status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);

    const owner = await new TestClient(t.app).post('/api/auth/login', {
      email: account.email,
      password: account.password,
      totp: await generate({ secret }),
    });
    expect(owner.status).toBe(200);
  });
});

describe('slots', () => {
  it('answers at most 35 days per request', async () => {
    const client = new TestClient(t.app);
    expect((await client.get(slotsUrl(host.user.username, 35))).status).toBe(200);
    const tooLong = await client.get(slotsUrl(host.user.username, 36));
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.details.fields.to).toMatch(/at most 35 days/);
  });

  it('limits one address to 300 requests a minute, with Retry-After', async () => {
    const client = new TestClient(t.app);
    const url = slotsUrl('nobody-here', 1);
    for (let i = 0; i < 300; i++) expect((await client.get(url)).status).toBe(404);
    const limited = await client.get(url);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('compresses large answers with brotli or gzip, and leaves small ones alone', async () => {
    const url = slotsUrl(host.user.username, 35);
    const plain = await t.app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().slots.length).toBeGreaterThan(100);

    const br = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);

    const gzip = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(plain.json());

    const small = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('sends precompressed assets as they are, without compressing them again', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app.js', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(ASSET);
  });
});

describe('slot event streams', () => {
  const streamUrl = () => `${base}/api/meetings/slots/stream?user=${host.user.username}&type=intro`;

  it('are neither compressed nor buffered', async () => {
    const controller = new AbortController();
    const res = await fetch(streamUrl(), { signal: controller.signal, headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain(': connected');
    controller.abort();
  });

  it('are capped at 20 open per address, and a closed one frees its place', async () => {
    const controllers: AbortController[] = [];
    const open = async () => {
      const controller = new AbortController();
      const res = await fetch(streamUrl(), { signal: controller.signal });
      if (res.status === 200) controllers.push(controller);
      else await res.arrayBuffer();
      return res;
    };
    try {
      for (let i = 0; i < 20; i++) expect((await open()).status).toBe(200);
      const refused = await open();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBeTruthy();

      controllers.shift()!.abort();
      await vi.waitFor(async () => expect((await open()).status).toBe(200), { timeout: 10_000, interval: 50 });
    } finally {
      for (const controller of controllers) controller.abort();
    }
  });
});

describe('request timeout', () => {
  it('ends a request whose body trickles in slower than the deadline, but not an open event stream', async () => {
    const slow = await createTestApp({ db: t.db, runWorkers: false, env: { REQUEST_TIMEOUT_MS: '500' } });
    const controller = new AbortController();
    try {
      const address = new URL(await slow.app.listen({ port: 0, host: '127.0.0.1' }));
      const stream = await fetch(`${address.origin}/api/meetings/slots/stream?user=${host.user.username}&type=intro`, {
        signal: controller.signal,
      });
      const socket = connect(Number(address.port), address.hostname);
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      const ended = new Promise((resolve) => socket.on('close', resolve));
      socket.write(
        'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{',
      );
      const trickle = setInterval(() => socket.writable && socket.write(' '), 100);
      await ended;
      clearInterval(trickle);
      expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true);

      // The stream was opened before the trickled request, so its deadline has passed too: it must still deliver.
      const frames = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
      const booked = (async () => {
        for (let text = ''; !text.includes('event: slots');) text += (await frames.read()).value ?? '';
      })();
      const booking = await new TestClient(slow.app).post(
        '/api/meetings/book',
        bookingBody(host.user.username, at(utcDay(6), '10:00')),
      );
      expect(booking.status).toBe(201);
      await booked;
    } finally {
      controller.abort();
      await slow.close();
    }
  });
});
