import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError, tooManyRequests } from '../../lib/errors.js';
import { answering } from './error-responses.js';

export type LimitRule = {
  /** Distinguishes counters of different rules that may share a key. */
  name: string;
  max: number;
  timeWindowMs: number;
  key: (request: FastifyRequest) => string;
};

export async function registerRateLimiting(app: FastifyInstance, redis: Redis | undefined) {
  await app.register(fastifyRateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: 'tuskhub-rl:' } : {}),
  });
}

/**
 * A preHandler enforcing every rule. It fails closed: when the counter store cannot be reached the request
 * is refused with 503, never let through uncounted.
 */
export function rateLimited(app: FastifyInstance, rules: LimitRule[]) {
  const checks = rules.map((rule) => ({
    rule,
    check: app.createRateLimit({
      max: rule.max,
      timeWindow: rule.timeWindowMs,
      keyGenerator: (request) => `${rule.name}:${rule.key(request)}`,
      skipOnError: false,
    }),
  }));
  return answering([429], async (request: FastifyRequest) => {
    for (const { check } of checks) {
      let limit;
      try {
        limit = await check(request);
      } catch (error) {
        request.log.error({ err: error }, 'rate limit store unavailable');
        throw new AppError(
          503,
          'rate_limiter_unavailable',
          'This action is temporarily unavailable. Try again shortly.',
        );
      }
      if (!limit.isAllowed && limit.isExceeded) throw tooManyRequests(limit.ttlInSeconds);
    }
  });
}

/**
 * Counts long-lived connections (event streams) open on this node per key. `acquire` answers the function
 * that gives the place back, or undefined when `max` are already open; giving back twice counts once.
 */
export function openConnectionLimit(max: number) {
  const open = new Map<string, number>();
  return {
    acquire(key: string): (() => void) | undefined {
      const count = open.get(key) ?? 0;
      if (count >= max) return undefined;
      open.set(key, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(key) ?? 1) - 1;
        if (left > 0) open.set(key, left);
        else open.delete(key);
      };
    },
  };
}
