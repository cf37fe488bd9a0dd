/**
 * E-mails with a one-time link that one account gets per hour, per kind (password links, verification links).
 * Anyone can ask for them with just an address, so they are capped well below the server-wide per-recipient cap
 * (EMAIL_MAX_PER_RECIPIENT_PER_HOUR), which they would otherwise use up along with the host's booking mail.
 * Counted in the database, so the cap holds across nodes and with the development mailbox too.
 */
export const ACCOUNT_MAILS_PER_HOUR = 3;
export const HOUR_MS = 60 * 60_000;
