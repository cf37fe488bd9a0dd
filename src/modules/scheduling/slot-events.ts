/** All meeting types of a host share its time, so slot changes are published per host. */
export const slotTopic = (hostUserId: string) => `slots:${hostUserId}`;
