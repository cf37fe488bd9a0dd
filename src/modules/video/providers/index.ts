import type { RemoteVideoProvider, VideoProviderAdapter } from '../types.js';
import { googleMeet } from './google-meet.js';
import { teams } from './teams.js';
import { zoom } from './zoom.js';

export const videoAdapters: Record<RemoteVideoProvider, VideoProviderAdapter> = {
  zoom,
  google_meet: googleMeet,
  teams,
};

export const adapterForAccount = (account: string) => Object.values(videoAdapters).find((a) => a.account === account);
