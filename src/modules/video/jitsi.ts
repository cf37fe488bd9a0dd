import { randomToken } from '../../lib/crypto.js';

/** Jitsi needs no API: an unguessable room name on the configured server is the meeting. */
export function jitsiRoomUrl(baseUrl: string): string {
  return `${baseUrl}/TuskHub-${randomToken(15).replace(/[-_]/g, 'x')}`;
}
