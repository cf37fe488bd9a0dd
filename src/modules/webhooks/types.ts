import type { FastifyRequest } from 'fastify';

/** Checks a signed inbound call and answers its parsed JSON body; other modules' routes are handed one. */
export type InboundVerifier = (request: FastifyRequest) => Promise<unknown>;
