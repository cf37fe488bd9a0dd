/**
 * The current time as the services decide with it: when a session, token or sign-in expires, which times
 * are still bookable, when reminders fall due. One clock is handed to every service, so tests can move time;
 * outside tests it is the system clock.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
