import type { DbHandle } from '../db/client.js';
import type { JobQueue } from '../jobs/queue.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { createSealer } from '../lib/crypto.js';
import type { EventBus } from '../lib/event-bus.js';
import { createAnalytics } from '../modules/analytics/service.js';
import { createAccountServices } from '../modules/identity/accounts.service.js';
import { createRecoveryCodesRepo } from '../modules/identity/recovery-codes.repo.js';
import { createIdentityRepo } from '../modules/identity/repo.js';
import { createOnboarding } from '../modules/identity/onboarding.service.js';
import { createIdentityService } from '../modules/identity/service.js';
import type { WelcomeHost } from '../modules/identity/types.js';
import { createSmtpMailer, type Mailer } from '../modules/notifications/mailer.js';
import { createNotifications } from '../modules/notifications/service.js';
import { createAvailabilityService } from '../modules/scheduling/availability.service.js';
import type { SlotChange } from '../modules/scheduling/booking-effects.js';
import { createBookingsService } from '../modules/scheduling/bookings.service.js';
import { createManageTokens } from '../modules/scheduling/manage-token.js';
import { createMeetingTypesService, type MeetingTypesService } from '../modules/scheduling/meeting-types.service.js';
import { createSchedulesService } from '../modules/scheduling/schedules.service.js';
import { followSlotChanges } from '../modules/scheduling/slot-events.js';
import { createSlotInputsRepo } from '../modules/scheduling/slot-inputs.repo.js';
import { starterMeetingType } from '../modules/scheduling/starter-meeting-type.js';
import { createSlotsService } from '../modules/scheduling/slots.service.js';
import { createIntegrations } from '../modules/video/integrations.service.js';
import { createVideoLinks } from '../modules/video/links.service.js';
import { createInboundVerifier } from '../modules/webhooks/inbound.js';
import { createWebhooks } from '../modules/webhooks/service.js';
import { createWorkflows } from '../modules/workflows/service.js';
import type { Config } from './config.js';

/** Slots answers one node keeps: a week of 15-minute slots is ~50 KB, so a few hundred pages' worth. */
const SLOTS_CACHE_BYTES = 32 * 1024 * 1024;

export type Infrastructure = {
  bus: EventBus;
  queue: JobQueue;
  log: { warn(obj: object, msg: string): void };
  /** Overrides the SMTP transport built from SMTP_URL (tests inject one). */
  mailer?: Mailer | undefined;
  /** The time every service decides with; the system clock unless a test moves time. */
  clock?: Clock | undefined;
};

/**
 * A new host's first booking link: the starter meeting type on the default hours (Monday to Friday, 09:00–17:00
 * in their zone), which availability answers until the host saves their own.
 */
export function welcomeHost(
  meetingTypes: Pick<MeetingTypesService, 'create'>,
  log: Infrastructure['log'],
): WelcomeHost {
  return (host) =>
    meetingTypes
      .create({ ...host, via: 'session' }, starterMeetingType())
      .then(() => undefined)
      .catch((error: unknown) => log.warn({ err: error, userId: host.userId }, 'starter meeting type not made'));
}

/** Wires each module's service to its repo; the one place that knows how modules are assembled. */
export function createServices(config: Config, handle: DbHandle, infra: Infrastructure) {
  const db = handle.db;
  const { bus, queue } = infra;
  const clock = infra.clock ?? systemClock;
  const sealer = createSealer(config.appSecret);
  const slotChanges = followSlotChanges(bus, SLOTS_CACHE_BYTES);
  const publishSlots = (hostUserId: string, change: SlotChange = { reason: 'changed' }) => {
    // The change is committed already; a failed publish must not fail it (MAX_AGE_MS bounds the other nodes).
    slotChanges.changed(hostUserId, change).catch(() => {});
  };
  const identityRepo = createIdentityRepo(db);
  const recoveryCodes = createRecoveryCodesRepo(db);
  const identity = createIdentityService(identityRepo, sealer, clock, {
    codes: recoveryCodes,
    hostsNeedVerifiedEmail: config.emailVerification === 'required',
    onProfileChanged: (userId) => publishSlots(userId),
  });
  const mailer = infra.mailer ?? (config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : undefined);
  const notifications = createNotifications({
    db,
    queue,
    mailer,
    uidDomain: new URL(config.publicUrl).hostname,
    log: infra.log,
    coalesceSeconds: config.emailCoalesceSeconds,
    maxPerRecipientPerHour: config.emailMaxPerRecipientPerHour,
    clock,
  });
  const accounts = createAccountServices({
    db,
    repo: identityRepo,
    codes: recoveryCodes,
    queue,
    mailer: { queue: notifications.queueAccountMail, kick: notifications.kick },
    clock,
    publicUrl: config.publicUrl,
    signup: config.signup,
    emailVerification: config.emailVerification,
    welcome: (host) => welcomeHost(meetingTypes, infra.log)(host),
  });
  const webhooks = createWebhooks({
    db,
    queue,
    sealer,
    allowPrivateTargets: config.webhookAllowPrivateTargets,
    clock,
  });
  const integrations = createIntegrations({
    db,
    sealer,
    appSecret: config.appSecret,
    publicUrl: config.publicUrl,
    oauthApps: config.oauthApps,
    log: infra.log,
    clock,
  });
  const video = createVideoLinks({
    db,
    queue,
    integrations,
    jitsiBaseUrl: config.jitsiBaseUrl,
    retryBaseSeconds: config.videoRetryBaseSeconds,
    log: infra.log,
    // The link's arrival changes the booking, which is the scheduling module's to change and announce.
    onLinkReady: (booking, url, label) => bookings.applyVideoLink(booking, url, label),
    onLinkFailed: (booking, label, reason) => bookings.videoLinkFailed(booking, label, reason),
  });
  const bookings = createBookingsService({
    db,
    queue,
    notifications,
    webhooks,
    tokens: createManageTokens(config.appSecret),
    publicUrl: config.publicUrl,
    video,
    findHost: identity.findHost,
    findHostById: identity.findHostById,
    onSlotsChanged: publishSlots,
    clock,
    lockTimeoutMs: config.bookingLockTimeoutMs,
  });
  const meetingTypes = createMeetingTypesService(db, publishSlots, integrations.checkLocation, bookings);
  return {
    bus,
    queue,
    mailer,
    identity,
    accounts,
    notifications,
    webhooks,
    bookings,
    integrations,
    video,
    meetingTypes,
    availability: createAvailabilityService(db, identity.timeZoneOf, publishSlots),
    schedules: createSchedulesService(db, identity.timeZoneOf, publishSlots),
    slots: createSlotsService(db, identity.findHost, clock, {
      inputs: createSlotInputsRepo(handle),
      cache: slotChanges.cache,
      hostListed: identity.hostListed,
    }),
    analytics: createAnalytics({
      db,
      appSecret: config.appSecret,
      findHost: identity.findHost,
      meetingTypeIdBySlug: meetingTypes.idBySlug,
      clock,
    }),
    workflows: createWorkflows(db),
    // Connecting a calendar joins the guide's steps once calendars exist (issue 13).
    onboarding: createOnboarding({ db, clock, steps: ['profile', 'availability', 'link'] }),
    /** Signed inbound calls (reminders, workflow actions) share one replay record, kept by the webhooks module. */
    verifyInbound: createInboundVerifier(db, config.inboundWebhookSecret),
    /** Defines every module's jobs on the queue; call once before queue.start(). */
    registerJobs() {
      notifications.registerJobs();
      accounts.passwordReset.registerJobs();
      webhooks.registerJobs();
      bookings.registerJobs();
      video.registerJobs();
    },
  };
}
export type Services = ReturnType<typeof createServices>;
