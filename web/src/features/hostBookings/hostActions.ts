import type { Booking } from '../booking/api';
import type { HostAction } from './api';

/** The actions a dialog asks about first; a reschedule has a page of its own, for its slot picker. */
export type DialogAction = Exclude<HostAction, 'reschedule'>;

/**
 * What the host can do with a booking now, in the order the buttons show. These follow the server's transition
 * table: a request can be confirmed or declined, a meeting still ahead moved, cancelled or handed back to the
 * invitee to pick a new time, and one that has started marked as a no-show.
 */
export function availableActions(booking: Booking, now: number): HostAction[] {
  const ahead = Date.parse(booking.end) > now;
  const started = Date.parse(booking.start) <= now;
  const actions: HostAction[] = [];
  if (booking.status === 'pending') actions.push('confirm', 'decline');
  if (booking.status === 'pending' && ahead) actions.push('reschedule');
  if (booking.status === 'confirmed' && ahead) actions.push('reschedule', 'request_reschedule', 'cancel');
  if (booking.status === 'confirmed' && started && !booking.noShow) actions.push('no_show');
  return actions;
}

type ActionText = { title: string; button: string; reason: boolean; explain: string };

export const actionText: Record<DialogAction, ActionText> = {
  confirm: { title: 'Confirm this booking?', button: 'Confirm', reason: false, explain: 'The invitee gets an e-mail.' },
  decline: { title: 'Decline this request?', button: 'Decline', reason: true, explain: 'The invitee gets an e-mail.' },
  cancel: {
    title: 'Cancel this booking?',
    button: 'Cancel booking',
    reason: true,
    explain: 'The invitee gets an e-mail.',
  },
  no_show: { title: 'Mark as a no-show?', button: 'Mark as no-show', reason: false, explain: '' },
  request_reschedule: {
    title: 'Ask for a new time?',
    button: 'Ask for a new time',
    reason: true,
    explain:
      'The booking is cancelled and the time is free again. The invitee gets an e-mail with a link to pick a new time.',
  },
};

export const isDestructive = (action: HostAction) =>
  action === 'decline' || action === 'cancel' || action === 'request_reschedule';
