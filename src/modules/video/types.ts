import type { VIDEO_PROVIDERS } from '../../db/schema/values.js';
import type { OAuthApp, OAuthProvider } from '../../server/config.js';

export type VideoProvider = (typeof VIDEO_PROVIDERS)[number];
/** The providers whose meetings are made through an API; a Jitsi room needs none. */
export type RemoteVideoProvider = Exclude<VideoProvider, 'jitsi'>;

/** What the provider's meeting should say; times are instants, the provider shows them in the host's zone. */
export type MeetingSpec = {
  title: string;
  description: string;
  start: Date;
  end: Date;
  hostTimeZone: string;
  /**
   * Stable per booking, so a create retried after a crash finds the meeting the first try made, where the
   * provider allows: Google takes it as the event id (base32hex: a–v, 0–9), Teams as the external id.
   */
  requestId: string;
};

export type ProviderMeeting = { id: string; url: string | null };

/**
 * How a provider call failed decides what happens next: `auth` means the host must reconnect (no retry),
 * `transient` is retried with backoff, `permanent` is given up at once, `gone` means the meeting no longer
 * exists at the provider, `conflict` that what we create exists already (a retried create).
 */
export type ProviderFailure = 'auth' | 'transient' | 'permanent' | 'gone' | 'conflict';

export class ProviderError extends Error {
  constructor(
    readonly failure: ProviderFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Whether a provider call failed in this particular way. */
export const failedWith = (error: unknown, failure: ProviderFailure): error is ProviderError =>
  error instanceof ProviderError && error.failure === failure;

export type Api = { app: OAuthApp; accessToken: string };

/** How the client proves itself at the token endpoint: HTTP Basic (Zoom) or form fields (Google, Microsoft). */
export type ClientAuth = 'basic' | 'form';

/** One video provider behind an OAuth account: how to connect it and how to keep a booking's meeting. */
export type VideoProviderAdapter = {
  provider: RemoteVideoProvider;
  /** The connected account that provides it. */
  account: OAuthProvider;
  label: string;
  clientAuth: ClientAuth;
  scopes: string[];
  /** Extra parameters of the consent URL (offline access, consent prompt). */
  authorizeParams: Record<string, string>;
  accountEmail(api: Api): Promise<string | null>;
  create(api: Api, spec: MeetingSpec): Promise<ProviderMeeting>;
  /** The answer's url is null when the provider does not repeat it (it stays the same). */
  update(api: Api, id: string, spec: MeetingSpec): Promise<ProviderMeeting>;
  /** Resolves when the meeting is gone, including when it was already gone. */
  remove(api: Api, id: string): Promise<void>;
};
