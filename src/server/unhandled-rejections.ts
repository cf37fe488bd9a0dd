import { isConnectionFailure } from '../db/errors.js';

/**
 * pg-boss 10 marks a finished job complete (or failed) without awaiting the query, so a database that drops at
 * that moment surfaces as an unhandled rejection, which ends a Node.js process. Such a job is simply worked
 * again once its lease expires, so a lost connection is logged and the process lives; any other unhandled
 * rejection is a bug and still ends it.
 */
export function survivingConnectionLoss(log: { warn(obj: object, msg: string): void }) {
  return (reason: unknown) => {
    if (!isConnectionFailure(reason)) throw reason;
    log.warn({ err: reason }, 'lost the database connection in background work; it will be retried');
  };
}
