import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageLanguage } from '../../lib/pageLanguage';
import { Notice } from '../../ui/Notice';
import { TextLink } from '../../ui/TextLink';
import { icsPath, managePath, type Booking } from './api';
import { AddToCalendar } from './AddToCalendar';
import { BookingDetails } from './BookingDetails';
import { useVideoLinkArrival } from './useVideoLinkArrival';

interface ConfirmationProps {
  booking: Booking;
  /** The invitee's own key to the booking, the one in their confirmation e-mail. */
  token: string;
  timeZone: string;
  hour12: boolean;
}

/** What the invitee sees after booking: the outcome, the details, calendar links and the manage link. */
export function Confirmation({ booking: booked, token, timeZone, hour12 }: ConfirmationProps) {
  const { t } = useTranslation();
  const page = usePageLanguage();
  const booking = useVideoLinkArrival(booked, token);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone; move focus to the news so keyboard and screen-reader users hear it.
  useEffect(() => headingRef.current?.focus(), []);
  const pending = booking.status === 'pending';
  const manage = managePath(booking.uid, token);

  return (
    <div className="space-y-6">
      <div className="space-y-2 text-center">
        <div
          aria-hidden="true"
          className={`mx-auto grid size-12 place-items-center rounded-full ${pending ? 'bg-amber-100 text-amber-700' : 'bg-emerald-100 text-emerald-700'}`}
        >
          <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2.2">
            {pending ? (
              <>
                <circle cx="12" cy="12" r="8" />
                <path d="M12 8v4l2.5 2.5" strokeLinecap="round" strokeLinejoin="round" />
              </>
            ) : (
              <path d="M5 12.5l4.5 4.5L19 7.5" strokeLinecap="round" strokeLinejoin="round" />
            )}
          </svg>
        </div>
        <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold tracking-tight outline-none">
          {pending ? t('confirmation.requestSent') : t('confirmation.booked')}
        </h2>
        <p className="text-sm wrap-anywhere text-slate-600">
          {pending
            ? t('confirmation.requestText', { email: booking.invitee.email })
            : t('confirmation.bookedText', { email: booking.invitee.email })}
        </p>
      </div>
      {pending && <Notice tone="warning">{t('confirmation.held')}</Notice>}
      <BookingDetails booking={booking} timeZone={timeZone} hour12={hour12} />
      {!pending && (
        <AddToCalendar
          booking={booking}
          icsHref={icsPath(booking.uid, token)}
          manageUrl={`${window.location.origin}${manage}`}
        />
      )}
      <p className="text-sm text-slate-700">
        {t('confirmation.changeSomething')}{' '}
        <TextLink href={page ? page.href(manage) : manage}>{t('confirmation.rescheduleOrCancel')}</TextLink>
      </p>
    </div>
  );
}
