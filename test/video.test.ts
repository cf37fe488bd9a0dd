import { eq } from 'drizzle-orm';
import ical from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingCalendarIntegrations, meetingVideoLinks } from '../src/db/schema/index.js';
import { createTestApp, TestClient, type TestApp } from './helpers/app.js';
import { videoAdapters } from '../src/modules/video/providers/index.js';
import { startFakeProvider, type Account, type FakeProvider } from './helpers/fake-video-providers.js';
import { at, bookingBody, hostWithType, utcDay } from './helpers/scheduling.js';

type Host = Awaited<ReturnType<typeof hostWithType>>;

const CASES: { account: Account; location: string; label: string; urlPattern: RegExp }[] = [
  { account: 'zoom', location: 'zoom', label: 'Zoom', urlPattern: /^https:\/\/zoom\.example\/j\/\d+$/ },
  { account: 'google', location: 'google_meet', label: 'Google Meet', urlPattern: /^https:\/\/meet\.example\/\w+$/ },
  {
    account: 'microsoft',
    location: 'teams',
    label: 'Microsoft Teams',
    urlPattern: /^https:\/\/teams\.example\/l\/meetup-join\/\w+$/,
  },
];

const day = utcDay(4);
const iso = (hhmm: string) => new Date(at(day, hhmm)).toISOString();

/** Starts connecting an account and follows the provider's consent page back to our callback URL. */
async function consentCallback(host: Host, account: Account): Promise<URL> {
  const start = await host.client.post(`/api/integrations/${account}/connect`, {});
  expect(start.status).toBe(200);
  const consent = await fetch(start.body.url, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const back = new URL(consent.headers.get('location')!);
  expect(back.pathname).toBe(`/api/integrations/${account}/callback`);
  return back;
}

/** The host goes through the provider's consent page and comes back connected. */
async function connectAccount(host: Host, account: Account) {
  const back = await consentCallback(host, account);
  const done = await host.client.get(`${back.pathname}${back.search}`);
  expect(done.status).toBe(302);
  expect(done.headers.location).toBe(`/dashboard/settings?integration=${account}&result=connected#connected-apps`);
}

/** A host with the account connected and the `intro` meeting type held at that provider. */
async function hostWithVideoLocation(t: TestApp, account: Account, location: string) {
  const host = await hostWithType(t.app);
  await connectAccount(host, account);
  const patched = await host.client.request('PATCH', `/api/meetings/types/${host.type.id}`, {
    location: { type: location },
  });
  expect(patched.status).toBe(200);
  return host;
}

describe.each(CASES)('$label links', ({ account, location, label, urlPattern }) => {
  let fake: FakeProvider;
  let t: TestApp;
  beforeAll(async () => {
    fake = await startFakeProvider(account);
    t = await createTestApp({ env: { ...fake.env, VIDEO_RETRY_BASE_SECONDS: '1' }, runWorkers: false });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  /** Runs the sync job (as a worker would) until the booking's link reaches the wanted state. */
  async function linkOf(uid: string, host: Host, until: (v: { status: string; error: string | null }) => boolean) {
    for (let i = 0; i < 50; i++) {
      await t.services.video.syncDue();
      const view = (await host.client.get(`/api/meetings/bookings/${uid}`)).body.booking;
      if (until(view.video)) return view;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the ${label} link of ${uid} never got there`);
  }

  const connect = (host: Host) => connectAccount(host, account);
  const hostWithVideoType = () => hostWithVideoLocation(t, account, location);

  const book = async (host: Host, hhmm: string, email = `ivy-${hhmm.replace(':', '')}@example.com`) => {
    const res = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, iso(hhmm), { invitee: { name: 'Ivy Invitee', email } }),
    );
    expect(res.status).toBe(201);
    return res.body.booking;
  };

  it('connects through OAuth, shows the account, and keeps the tokens sealed', async () => {
    const host = await hostWithType(t.app);
    const before = (await host.client.get('/api/integrations')).body.integrations;
    expect(before.find((i: { provider: string }) => i.provider === account)).toMatchObject({
      configured: true,
      connected: false,
    });
    await connect(host);
    const listed = (await host.client.get('/api/integrations')).body.integrations;
    const mine = listed.find((i: { provider: string }) => i.provider === account);
    expect(mine).toMatchObject({ label: expect.any(String), connected: true, status: 'active' });
    expect(mine.accountEmail).toMatch(/^host@/);
    expect(JSON.stringify(listed)).not.toMatch(/at-|rt-/);
    const [stored] = await t.db.db
      .select({ sealed: meetingCalendarIntegrations.credentialsSealed })
      .from(meetingCalendarIntegrations)
      .where(eq(meetingCalendarIntegrations.userId, host.user.id));
    for (const token of fake.issuedAccessTokens()) expect(stored!.sealed).not.toContain(token);

    // Disconnecting forgets the tokens here and revokes the grant where the provider can (not Microsoft).
    expect((await host.client.request('DELETE', `/api/integrations/${account}`)).status).toBe(204);
    expect(fake.state.revocations).toBe(account === 'microsoft' ? 0 : 1);
    const after = (await host.client.get('/api/integrations')).body.integrations;
    expect(after.find((i: { provider: string }) => i.provider === account).connected).toBe(false);
  });

  it('creates the meeting on booking, moves it on reschedule and deletes it on cancel', async () => {
    const host = await hostWithVideoType();
    const email = `ivy-${account}@example.com`;
    const booked = await book(host, '10:00', email);
    expect(booked.location).toEqual({ type: location });

    const ready = await linkOf(booked.uid, host, (v) => v.status === 'ready');
    expect(ready.location.url).toMatch(urlPattern);
    const meeting = fake.meetings.get([...fake.meetings.keys()].at(-1)!)!;
    expect(meeting).toMatchObject({ url: ready.location.url, start: iso('10:00'), end: iso('10:30') });
    expect(meeting.title).toContain('Intro call');

    // The invitee's confirmation went out first; the update with the link and a newer invitation follows.
    const mails = await t.services.notifications.devOutbox(email);
    const update = mails.find((m) => m.subject.startsWith('Updated:'));
    expect(update?.subject).toContain(`link for Intro call`);
    expect(update!.text).toContain(ready.location.url);
    const ics = Buffer.from(update!.attachments[0]!.contentBase64, 'base64').toString('utf8');
    expect(ics).toMatch(/^METHOD:REQUEST/m);
    const event = Object.values(ical.sync.parseICS(ics)).find((c) => c?.type === 'VEVENT') as ical.VEvent;
    expect(event.location).toBe(ready.location.url);
    expect(ics.replace(/\r\n[ \t]/g, '')).toMatch(new RegExp(`^URL[^:]*:${ready.location.url}\\r?$`, 'm'));
    expect(event.description).toContain(ready.location.url);
    expect(Number(event.sequence)).toBe(1);
    const token = new URL(booked.links.manage).searchParams.get('token')!;
    const download = await new TestClient(t.app).get(`/api/meetings/bookings/${booked.uid}/ics?token=${token}`);
    expect(download.body).toContain(`LOCATION:${ready.location.url}`);

    const moved = await new TestClient(t.app).post(`/api/meetings/bookings/${booked.uid}/reschedule`, {
      token,
      start: iso('14:00'),
    });
    expect(moved.status).toBe(200);
    await linkOf(booked.uid, host, (v) => v.status === 'ready' && meeting.start === iso('14:00'));
    expect(meeting.end).toBe(iso('14:30'));
    const afterMove = (await host.client.get(`/api/meetings/bookings/${booked.uid}`)).body.booking;
    expect(afterMove.location.url).toBe(ready.location.url);

    await new TestClient(t.app).post(`/api/meetings/bookings/${booked.uid}/cancel`, { token });
    await linkOf(booked.uid, host, (v) => v.status === 'deleted');
    expect(fake.meetings.has(meeting.id)).toBe(false);
  });

  it('removes the meeting when the host asks for a new time, and makes a new one when the invitee picks it', async () => {
    const host = await hostWithVideoType();
    const booked = await book(host, '11:00', `ask-${account}@example.com`);
    const first = (await linkOf(booked.uid, host, (v) => v.status === 'ready')).location.url;
    const token = new URL(booked.links.manage).searchParams.get('token')!;
    const ask = () =>
      host.client.request('PATCH', `/api/meetings/bookings/${booked.uid}`, { action: 'request_reschedule' });
    const pick = (hhmm: string) =>
      new TestClient(t.app).post(`/api/meetings/bookings/${booked.uid}/reschedule`, { token, start: iso(hhmm) });

    expect((await ask()).status).toBe(200);
    await linkOf(booked.uid, host, (v) => v.status === 'deleted');
    const meetingAt = (url: string) => [...fake.meetings.values()].find((m) => m.url === url);
    expect(meetingAt(first)).toBeUndefined();
    const back = await pick('15:00');
    expect(back.status).toBe(200);
    // The removed meeting's address is gone from the booking until the new one is made.
    expect(back.body.booking.location).toEqual({ type: location });
    const again = await linkOf(booked.uid, host, (v) => v.status === 'ready');
    expect(again.location.url).toMatch(urlPattern);
    expect(again.location.url).not.toBe(first);
    expect(meetingAt(again.location.url)?.start).toBe(iso('15:00'));

    // Brought back before the job removed the meeting, the same meeting is only moved.
    expect((await ask()).status).toBe(200);
    expect((await pick('16:00')).body.booking.location.url).toBe(again.location.url);
    await linkOf(
      booked.uid,
      host,
      (v) => v.status === 'ready' && meetingAt(again.location.url)?.start === iso('16:00'),
    );
  });

  it('makes a new meeting when the host deleted it at the provider, and sends the new link', async () => {
    const host = await hostWithVideoType();
    const email = `del-${account}@example.com`;
    const booked = await book(host, '09:00', email);
    const first = await linkOf(booked.uid, host, (v) => v.status === 'ready');
    const firstId = [...fake.meetings.entries()].find(([, m]) => m.url === first.location.url)![0];
    fake.deleteMeeting(firstId);
    const token = new URL(booked.links.manage).searchParams.get('token')!;
    await new TestClient(t.app).post(`/api/meetings/bookings/${booked.uid}/reschedule`, { token, start: iso('09:30') });
    const now = await linkOf(booked.uid, host, (v) => v.status === 'ready');
    expect(now.location.url).toMatch(urlPattern);
    expect(now.location.url).not.toBe(first.location.url);
    expect([...fake.meetings.values()].find((m) => m.url === now.location.url)).toMatchObject({ start: iso('09:30') });
    const updates = (await t.services.notifications.devOutbox(email)).filter((m) => m.subject.startsWith('Updated:'));
    expect(updates.map((m) => m.text.includes(now.location.url))).toContain(true);
  });

  it('refreshes an expired access token and carries on', async () => {
    const host = await hostWithVideoType();
    const refreshes = fake.state.refreshes;
    fake.expireAccessTokens();
    const booked = await book(host, '11:00');
    const ready = await linkOf(booked.uid, host, (v) => v.status === 'ready');
    expect(ready.location.url).toMatch(urlPattern);
    expect(fake.state.refreshes).toBe(refreshes + 1);
    // The refreshed (and, for Zoom and Microsoft, rotated) tokens were kept: the next call needs no refresh.
    await book(host, '11:30');
    await t.services.video.syncDue();
    expect(fake.state.refreshes).toBe(refreshes + 1);
  });

  it('keeps the account when two links refresh its token at once (rotating refresh tokens)', async () => {
    const host = await hostWithVideoType();
    fake.expireAccessTokens();
    const first = await book(host, '16:30');
    const second = await book(host, '10:30');
    // One sync pass works both links in parallel: both get a 401 and both refresh; with Zoom and Microsoft the
    // second refresh presents a token the first one just rotated away.
    await t.services.video.syncDue();
    for (const b of [first, second]) {
      const view = (await host.client.get(`/api/meetings/bookings/${b.uid}`)).body.booking;
      expect(view.video.status).toBe('ready');
    }
    const mine = (await host.client.get('/api/integrations')).body.integrations.find(
      (i: { provider: string }) => i.provider === account,
    );
    expect(mine.status).toBe('active');
  });

  it('keeps the account when two nodes refresh its token at the same moment', async () => {
    const otherNode = await createTestApp({ db: t.db, env: fake.env, runWorkers: false });
    try {
      const host = await hostWithVideoType();
      fake.expireAccessTokens();
      const adapter = videoAdapters[location as keyof typeof videoAdapters];
      const whoAmI = (node: TestApp) =>
        node.services.integrations.withApi(host.user.id, adapter.account, (api) => adapter.accountEmail(api));
      // Each node has its own in-process refresh; with Zoom and Microsoft one of them is refused the rotated token.
      const emails = await Promise.all([whoAmI(t), whoAmI(otherNode)]);
      expect(emails.every((e) => e?.startsWith('host@'))).toBe(true);
      const mine = (await host.client.get('/api/integrations')).body.integrations.find(
        (i: { provider: string }) => i.provider === account,
      );
      expect(mine.status).toBe('active');
    } finally {
      await otherNode.close();
    }
  });

  it('refreshes a token about to expire before using it', async () => {
    fake.state.expiresIn = 60;
    const host = await hostWithVideoType();
    fake.state.expiresIn = 3600;
    const { refreshes, unauthorized } = fake.state;
    const booked = await book(host, '13:00');
    expect((await linkOf(booked.uid, host, (v) => v.status === 'ready')).location.url).toMatch(urlPattern);
    expect(fake.state.refreshes).toBe(refreshes + 1);
    expect(fake.state.unauthorized).toBe(unauthorized);
  });

  it('keeps the booking through an outage, shows the error, and retries until the provider is back', async () => {
    const host = await hostWithVideoType();
    fake.state.outage = true;
    const booked = await book(host, '12:00');
    expect(booked.status).toBe('confirmed');
    const failing = await linkOf(booked.uid, host, (v) => v.error !== null);
    expect(failing.video).toMatchObject({ status: 'pending', error: expect.stringMatching(/unavailable|503/) });
    fake.state.outage = false;
    const ready = await linkOf(booked.uid, host, (v) => v.status === 'ready');
    expect(ready.location.url).toMatch(urlPattern);
    expect(ready.video.error).toBeNull();
  });

  it('tells the host when access was revoked, marks the account and keeps the booking', async () => {
    const host = await hostWithVideoType();
    fake.revoke();
    const booked = await book(host, '15:00');
    const failed = await linkOf(booked.uid, host, (v) => v.status === 'failed');
    expect(failed.status).toBe('confirmed');
    expect(failed.location.url).toBeUndefined();
    expect(failed.video.error).toMatch(/revoked|refused/i);
    const mine = (await host.client.get('/api/integrations')).body.integrations.find(
      (i: { provider: string }) => i.provider === account,
    );
    expect(mine.status).toBe('needs_reauth');
    const notice = (await t.services.notifications.devOutbox(host.user.email)).find((m) =>
      m.subject.startsWith('Action needed'),
    );
    expect(notice?.text).toContain('The booking stands');
    // Reconnecting clears the state; new bookings get links again.
    await connect(host);
    const again = await book(host, '16:00');
    expect((await linkOf(again.uid, host, (v) => v.status === 'ready')).location.url).toMatch(urlPattern);
  });
});

describe('video accounts', () => {
  let t: TestApp;
  let fake: FakeProvider;
  beforeAll(async () => {
    fake = await startFakeProvider('zoom');
    t = await createTestApp({ env: fake.env, runWorkers: false });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('refuses a Zoom meeting type until Zoom is connected, and unconfigured providers', async () => {
    const host = await hostWithType(t.app);
    const res = await host.client.post('/api/meetings/types', {
      title: 'Zoom call',
      slug: 'zoom-call',
      durationMinutes: 30,
      location: { type: 'zoom' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.fields['location.type']).toMatch(/Connect Zoom/);
    const google = await host.client.post('/api/integrations/google/connect', {});
    expect(google.status).toBe(409);
    expect(google.body.error.code).toBe('integration_not_configured');
    expect((await host.client.post('/api/integrations/skype/connect', {})).status).toBe(422);
  });

  it('rejects a callback whose state belongs to someone else or was tampered with', async () => {
    const victim = await hostWithType(t.app);
    const attacker = await hostWithType(t.app);
    const back = await consentCallback(attacker, 'zoom');
    const hijack = await victim.client.get(`${back.pathname}${back.search}`);
    expect(hijack.headers.location).toMatch(/result=error/);
    back.searchParams.set('state', `${back.searchParams.get('state')}x`);
    expect((await attacker.client.get(`${back.pathname}${back.search}`)).headers.location).toMatch(/result=error/);
    const denied = await attacker.client.get('/api/integrations/zoom/callback?error=access_denied');
    const deniedAt = new URL(denied.headers.location as string, 'http://x');
    expect(deniedAt.searchParams.get('message')).toBe('Access was not allowed.');
    const anonymous = await new TestClient(t.app).get(`${back.pathname}${back.search}`);
    expect(anonymous.headers.location).toMatch(/result=error/);
    const listed = (await victim.client.get('/api/integrations')).body.integrations;
    expect(listed.find((i: { provider: string }) => i.provider === 'zoom').connected).toBe(false);
  });

  it('disconnects; a Jitsi booking records its ready link without any account', async () => {
    const host = await hostWithType(t.app);
    await connectAccount(host, 'zoom');
    expect((await host.client.request('DELETE', '/api/integrations/zoom')).status).toBe(204);
    expect(fake.state.revocations).toBe(1);
    expect((await host.client.request('DELETE', '/api/integrations/zoom')).status).toBe(404);

    const booked = await new TestClient(t.app).post(
      '/api/meetings/book',
      bookingBody(host.user.username, iso('09:30')),
    );
    expect(booked.body.booking.location.url).toMatch(/^https:\/\/meet\.jit\.si\/TuskHub-\w{20}$/);
    const view = (await host.client.get(`/api/meetings/bookings/${booked.body.booking.uid}`)).body.booking;
    expect(view.video).toEqual({ provider: 'jitsi', status: 'ready', error: null });
    const [link] = await t.db.db.select().from(meetingVideoLinks).where(eq(meetingVideoLinks.url, view.location.url));
    expect(link?.providerMeetingId).toBe(new URL(view.location.url).pathname.slice(1));
  });
});

describe('Google Meet conference still being prepared', () => {
  let fake: FakeProvider;
  let t: TestApp;
  beforeAll(async () => {
    fake = await startFakeProvider('google');
    t = await createTestApp({ env: { ...fake.env, VIDEO_RETRY_BASE_SECONDS: '1' }, runWorkers: false });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('keeps the event and picks the Meet link up on the next try', async () => {
    const host = await hostWithVideoLocation(t, 'google', 'google_meet');
    fake.state.googleConferencePending = true;
    const booked = (
      await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, iso('10:00')))
    ).body.booking;
    await t.services.video.syncDue();
    const waiting = (await host.client.get(`/api/meetings/bookings/${booked.uid}`)).body.booking;
    expect(waiting.video).toMatchObject({ status: 'pending', error: expect.stringMatching(/still preparing/) });
    expect(fake.meetings.size).toBe(1);

    fake.state.googleConferencePending = false;
    for (let i = 0; i < 40 && fake.meetings.size === 1; i++) {
      await t.services.video.syncDue();
      const view = (await host.client.get(`/api/meetings/bookings/${booked.uid}`)).body.booking;
      if (view.video.status === 'ready') {
        expect(view.location.url).toBe([...fake.meetings.values()][0]!.url);
        expect(fake.meetings.size).toBe(1);
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the Meet link never arrived');
  });
});

describe.each(CASES.filter((c) => c.account !== 'zoom'))(
  '$label: a create retried after a crash',
  ({ account, location, urlPattern }) => {
    let fake: FakeProvider;
    let t: TestApp;
    beforeAll(async () => {
      fake = await startFakeProvider(account);
      t = await createTestApp({ env: fake.env, runWorkers: false });
    });
    afterAll(async () => {
      await t.close();
      await fake.close();
    });

    it('finds the meeting the first try made instead of making a second one', async () => {
      const host = await hostWithVideoLocation(t, account, location);
      const booked = (
        await new TestClient(t.app).post('/api/meetings/book', bookingBody(host.user.username, iso('10:00')))
      ).body.booking;
      await t.services.video.syncDue();
      const [made] = [...fake.meetings.values()];
      expect(made?.url).toMatch(urlPattern);

      // The process died after the provider made the meeting and before the link row recorded it.
      await t.db.db
        .update(meetingVideoLinks)
        .set({ status: 'pending', url: null, providerMeetingId: null, workDueAt: new Date() })
        .where(eq(meetingVideoLinks.url, made!.url));
      await t.services.video.syncDue();
      expect(fake.meetings.size).toBe(1);
      const view = (await host.client.get(`/api/meetings/bookings/${booked.uid}`)).body.booking;
      expect(view.video.status).toBe('ready');
      expect(view.location.url).toBe(made!.url);
    });
  },
);
