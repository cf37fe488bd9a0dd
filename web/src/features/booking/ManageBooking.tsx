import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageLanguage } from '../../lib/pageLanguage';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { TextLink } from '../../ui/TextLink';
import { AddToCalendar } from './AddToCalendar';
import { icsPath, type Booking } from './api';
import { BookingDetails } from './BookingDetails';
import { CancelBookingForm } from './CancelBookingForm';
import { RescheduleBooking } from './RescheduleBooking';
import { slotWhen } from './takenMessage';
import { useViewerPreferences } from './useViewerPreferences';

/** What the invitee opens the page to do; a booking that can no longer change is only viewed. */
type ManageMode = 'view' | 'cancel' | 'reschedule';

function StatusBadge({ booking, over }: { booking: Booking; over: boolean }) {
  const { t } = useTranslation();
  if (booking.rescheduleRequestedAt) return <Badge tone="amber">{t('manage.badge.newTimeNeeded')}</Badge>;
  if (booking.status === 'cancelled') return <Badge tone="red">{t('manage.badge.cancelled')}</Badge>;
  if (booking.status === 'declined') return <Badge tone="red">{t('manage.badge.declined')}</Badge>;
  if (over) return <Badge>{t('manage.badge.past')}</Badge>;
  if (booking.status === 'pending') return <Badge tone="amber">{t('manage.badge.pending')}</Badge>;
  return <Badge tone="green">{t('manage.badge.confirmed')}</Badge>;
}

/** What the page says first about the booking's state. */
function headlineOf(t: TFunction, booking: Booking, over: boolean, asked: boolean): string {
  if (asked) return t('manage.headline.newTimeAsked', { host: booking.host.name });
  if (booking.status === 'cancelled') return t('manage.headline.cancelled');
  if (booking.status === 'declined') return t('manage.headline.declined');
  if (over) return t('manage.headline.ended');
  return booking.status === 'pending' ? t('manage.headline.pending') : t('manage.headline.confirmed');
}

interface ManageBookingProps {
  booking: Booking;
  token: string;
  initialMode: ManageMode;
  /** The booking was cancelled or moved. */
  onChanged: () => void;
}

/** The invitee's booking: its state and details, and rescheduling or cancelling it while it is ahead. */
export function ManageBooking({ booking, token, initialMode, onChanged }: ManageBookingProps) {
  const { t } = useTranslation();
  const page = usePageLanguage();
  const prefs = useViewerPreferences();
  const [now] = useState(() => Date.now());
  const active = booking.status === 'confirmed' || booking.status === 'pending';
  const over = Date.parse(booking.end) <= now;
  // The host asked for a new time: the booking is cancelled until the invitee picks one, whenever that is.
  const asked = booking.status === 'cancelled' && booking.rescheduleRequestedAt !== null;
  const changeable = (active && !over) || asked;
  const [mode, setMode] = useState<ManageMode>(
    changeable && !(asked && initialMode === 'cancel') ? initialMode : 'view',
  );
  const [done, setDone] = useState<string | null>(null);
  const typePath = `/${encodeURIComponent(booking.host.username)}/${encodeURIComponent(booking.eventType.slug)}`;
  const bookAgain = page ? page.href(typePath) : typePath;

  return (
    <>
      <div className="space-y-2">
        <StatusBadge booking={booking} over={over} />
        <h1 className="text-2xl font-semibold tracking-tight">{headlineOf(t, booking, over, asked)}</h1>
        {booking.status === 'pending' && !over && <p className="text-sm text-slate-600">{t('manage.pendingText')}</p>}
        {asked && (
          <p className="text-sm text-slate-600">
            {t('manage.oldTimeGone')}
            {booking.cancelReason && (
              <span className="block">{t('manage.reason', { reason: booking.cancelReason })}</span>
            )}
          </p>
        )}
      </div>
      {done && <Notice tone="success">{done}</Notice>}
      {mode !== 'reschedule' && <BookingDetails booking={booking} timeZone={prefs.timeZone} hour12={prefs.hour12} />}

      {mode === 'view' && asked && (
        <div className="border-t border-slate-200 pt-6">
          <Button onClick={() => setMode('reschedule')}>{t('manage.pickNewTime')}</Button>
        </div>
      )}

      {mode === 'view' && changeable && !asked && (
        <div className="space-y-6">
          {booking.status === 'confirmed' && (
            <AddToCalendar
              booking={booking}
              icsHref={icsPath(booking.uid, token)}
              manageUrl={`${window.location.origin}${window.location.pathname}?${new URLSearchParams({ token }).toString()}`}
            />
          )}
          <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-6">
            <Button variant="secondary" onClick={() => setMode('reschedule')}>
              {t('manage.reschedule')}
            </Button>
            <Button variant="secondaryDanger" onClick={() => setMode('cancel')}>
              {t('manage.cancelBooking')}
            </Button>
          </div>
        </div>
      )}

      {mode === 'cancel' && (
        <CancelBookingForm
          booking={booking}
          token={token}
          onBack={() => setMode('view')}
          onDone={() => {
            setMode('view');
            onChanged();
            setDone(t('manage.cancelled'));
          }}
        />
      )}

      {mode === 'reschedule' && (
        <RescheduleBooking
          booking={booking}
          token={token}
          prefs={prefs}
          onBack={() => setMode('view')}
          onDone={(moved) => {
            setMode('view');
            onChanged();
            const when = slotWhen(t, moved, prefs.timeZone, prefs.hour12, page?.dateLocale);
            setDone(
              !asked
                ? t('manage.rescheduled', { when })
                : moved.status === 'pending'
                  ? t('manage.sentForConfirmation', { when, host: booking.host.name })
                  : t('manage.bookedAgain', { when }),
            );
          }}
        />
      )}

      {!changeable && (
        <p className="border-t border-slate-200 pt-6 text-sm text-slate-700">
          {active ? t('manage.meetAgain') : t('manage.meetAnotherTime')}{' '}
          <TextLink href={bookAgain}>{t('manage.bookNewTime')}</TextLink>
        </p>
      )}
    </>
  );
}
