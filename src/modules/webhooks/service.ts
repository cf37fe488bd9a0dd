import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { Database } from '../../db/client.js';
import type { webhookDeliveries } from '../../db/schema/index.js';
import { withTenant } from '../../db/tenant.js';
import type { JobQueue } from '../../jobs/queue.js';
import { systemClock, type Clock } from '../../lib/clock.js';
import type { Sealer } from '../../lib/crypto.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import type { Principal } from '../identity/service.js';
import { createDispatchPool } from './dispatch-pool.js';
import { webhooksRepo, type EndpointSummary } from './repo.js';
import type { Delivery, EndpointPatch } from './schemas.js';
import { isObviouslyPrivate, postTo } from './target-guard.js';
import { WEBHOOK_TEST_EVENT } from '../../db/schema/values.js';
import { testEventPayload } from './test-event.js';

type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export const WEBHOOK_DISPATCH_JOB = 'webhook.dispatch';
const MAX_ATTEMPTS = 8;
/** Longer than the delivery deadline, so a lease only runs out when its dispatcher has died. */
const LEASE_SECONDS = 60;
/** Deliveries in flight per process. */
const POOL_SIZE = 16;
/** Deliveries in flight per endpoint, so one slow receiver cannot take every slot. */
const IN_FLIGHT_PER_ENDPOINT = 2;
/**
 * Endpoints per organization. One booking change queues at most one delivery per endpoint of its host, so
 * this also bounds the deliveries a single (possibly anonymous) booking can cause.
 */
export const MAX_ENDPOINTS_PER_ORG = 20;

/** 30 s, 1 min, 2 min … capped at 6 hours, eight attempts over about a day. */
const retryDelaySeconds = (attempts: number) => Math.min(30 * 2 ** (attempts - 1), 6 * 3600);
const iso = (d: Date | null) => d?.toISOString() ?? null;
const endpointView = (e: EndpointSummary) => ({ ...e, createdAt: e.createdAt.toISOString() });
const deliveryView = (d: DeliveryRow): Delivery => ({
  id: d.id,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  responseStatus: d.responseStatus,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: iso(d.deliveredAt),
  nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
});

export type WebhooksDeps = {
  db: Database;
  queue: JobQueue;
  sealer: Sealer;
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS: lets endpoints on private networks receive deliveries (self-hosting). */
  allowPrivateTargets: boolean;
  /** Deadline for one whole delivery, from connecting to the answer (default 10 s); tests shorten it. */
  timeoutMs?: number;
  /** Dates the made-up booking of a test event; the system clock unless given. */
  clock?: Clock;
};

export function createWebhooks(deps: WebhooksDeps) {
  const { db } = deps;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const clock = deps.clock ?? systemClock;
  const kick = () => {
    deps.queue.send(WEBHOOK_DISPATCH_JOB, {}).catch(() => {});
  };

  function checkTarget(url: string | undefined) {
    if (url && !deps.allowPrivateTargets && isObviouslyPrivate(new URL(url)))
      throw invalid({ url: 'Use a public internet address: this server does not send webhooks to private networks.' });
  }

  async function deliver(d: Awaited<ReturnType<typeof webhooksRepo.claimDue>>[number]) {
    const body = JSON.stringify({
      type: d.delivery.event,
      timestamp: d.delivery.createdAt.toISOString(),
      data: d.delivery.payload,
    });
    const signer = new Webhook(deps.sealer.open(d.secretSealed));
    // The delivery id is the message id: receivers de-duplicate retries of the same event with it.
    const messageId = `msg_${d.delivery.id}`;
    // The moment of sending on the system clock, not the services' clock: receivers hold the signed timestamp
    // against their own clock and refuse one too far off as a replay.
    const now = new Date();
    let responseStatus: number | null = null;
    let error: string | null = null;
    try {
      responseStatus = await postTo(d.url, {
        headers: {
          'content-type': 'application/json',
          'user-agent': 'TuskHub-Webhooks/1',
          'webhook-id': messageId,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signer.sign(messageId, now, body),
        },
        body,
        timeoutMs,
        allowPrivate: deps.allowPrivateTargets,
      });
      if (responseStatus < 200 || responseStatus >= 300) error = `Endpoint answered ${responseStatus}.`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const succeeded = error === null;
    await webhooksRepo.recordAttempt(db, d.delivery.id, {
      responseStatus,
      error,
      succeeded,
      retryInSeconds:
        d.delivery.attempts >= MAX_ATTEMPTS || d.delivery.event === WEBHOOK_TEST_EVENT
          ? null
          : retryDelaySeconds(d.delivery.attempts),
    });
  }

  const dispatchDue = createDispatchPool({
    size: POOL_SIZE,
    claim: (limit) =>
      webhooksRepo.claimDue(db, { limit, perEndpoint: IN_FLIGHT_PER_ENDPOINT, leaseSeconds: LEASE_SECONDS }),
    run: deliver,
  });

  return {
    /**
     * Deliveries for the caller's transaction, as a write for its one statement (writeInOneStatement counts them):
     * one per active endpoint of the host subscribed to the event, so at most MAX_ENDPOINTS_PER_ORG per call.
     */
    eventWrite: (orgId: string, hostUserId: string, event: string, data: Record<string, unknown>) =>
      webhooksRepo.deliveriesWrite(orgId, hostUserId, event, data),

    kick,

    dispatchDue,

    registerJobs() {
      deps.queue.define(WEBHOOK_DISPATCH_JOB, dispatchDue);
      deps.queue.every(WEBHOOK_DISPATCH_JOB, '* * * * *');
    },

    async createEndpoint(principal: Principal, input: { url: string; events: string[] }) {
      checkTarget(input.url);
      const secret = `whsec_${randomBytes(24).toString('base64')}`;
      const row = await withTenant(db, principal, async (tx) => {
        await webhooksRepo.lockEndpointsOf(tx, principal.orgId);
        if ((await webhooksRepo.countEndpointsOf(tx, principal.orgId)) >= MAX_ENDPOINTS_PER_ORG)
          throw conflict(
            'endpoint_limit',
            `An organization can have at most ${MAX_ENDPOINTS_PER_ORG} webhook endpoints. Remove one before adding another.`,
            { limit: MAX_ENDPOINTS_PER_ORG },
          );
        return webhooksRepo.insertEndpoint(tx, {
          orgId: principal.orgId,
          userId: principal.userId,
          url: input.url,
          events: [...new Set(input.events)],
          secretSealed: deps.sealer.seal(secret),
        });
      });
      return { ...endpointView(row), secret };
    },

    async listEndpoints(principal: Principal) {
      const rows = await withTenant(db, principal, (tx) => webhooksRepo.listEndpoints(tx, principal.userId));
      return rows.map(endpointView);
    },

    /** Pausing stops new deliveries; those already queued are still delivered. */
    async updateEndpoint(principal: Principal, id: string, patch: EndpointPatch) {
      checkTarget(patch.url);
      const row = await withTenant(db, principal, (tx) =>
        // Fields left out stay undefined, which the update leaves as they are.
        webhooksRepo.updateEndpoint(tx, principal.userId, id, {
          ...patch,
          events: patch.events && [...new Set(patch.events)],
        }),
      );
      if (!row) throw notFound('The webhook endpoint');
      return endpointView(row);
    },

    async removeEndpoint(principal: Principal, id: string) {
      const removed = await withTenant(db, principal, (tx) => webhooksRepo.removeEndpoint(tx, principal.userId, id));
      if (!removed) throw notFound('The webhook endpoint');
    },

    async deliveries(principal: Principal, endpointId: string) {
      return withTenant(db, principal, async (tx) => {
        if (!(await webhooksRepo.findEndpoint(tx, principal.userId, endpointId)))
          throw notFound('The webhook endpoint');
        return (await webhooksRepo.deliveries(tx, endpointId)).map(deliveryView);
      });
    },

    /**
     * Queues a made-up booking event to one endpoint, paused or not, signed and sent like any other delivery
     * (same guard against private networks, same pool). It is tried once: the host is waiting for its answer.
     */
    async sendTest(principal: Principal, endpointId: string) {
      const delivery = await withTenant(db, principal, async (tx) => {
        const endpoint = await webhooksRepo.findEndpoint(tx, principal.userId, endpointId);
        if (!endpoint) throw notFound('The webhook endpoint');
        return webhooksRepo.insertDelivery(tx, {
          orgId: endpoint.orgId,
          endpointId,
          event: WEBHOOK_TEST_EVENT,
          payload: testEventPayload(clock()),
        });
      });
      kick();
      return deliveryView(delivery);
    },
  };
}
export type Webhooks = ReturnType<typeof createWebhooks>;
