import type { FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';

/**
 * A request made on this machine itself: its socket peer is a loopback address and no proxy forwarded it. The
 * peer is read from the socket, not request.ip, because behind a local reverse proxy every request arrives from
 * loopback; a forwarding header then marks it as someone else's.
 */
export function isLocalRequest(request: FastifyRequest): boolean {
  const peer = request.raw.socket.remoteAddress;
  if (!peer || !ipaddr.isValid(peer) || ipaddr.process(peer).range() !== 'loopback') return false;
  return !request.headers['x-forwarded-for'] && !request.headers.forwarded && !request.headers['x-real-ip'];
}
