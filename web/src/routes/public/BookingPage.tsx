import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'wouter';
import {
  fetchBookingPage,
  inviteeBookingKey,
  recordPageEvent,
  tokenOf,
  type BookInput,
  type Slot,
} from '../../features/booking/api';
import { BookedConfirmation } from '../../features/booking/BookedConfirmation';
import { ChosenTime } from '../../features/booking/ChosenTime';
import { LazyDetailsStep } from '../../features/booking/LazyDetailsStep';
import { redirectAfterBooking } from '../../features/booking/redirectAfterBooking';
import { SlotPicker } from '../../features/booking/SlotPicker';
import { takenMessage } from '../../features/booking/takenMessage';
import { useBookingDraft } from '../../features/booking/useBookingDraft';
import { useBookingUrl } from '../../features/booking/useBookingUrl';
import { useBookWithKey } from '../../features/booking/useBookWithKey';
import { useChosenSlot } from '../../features/booking/useChosenSlot';
import { useFormArrival } from '../../features/booking/useFormArrival';
import { monthSlotsQuery, pageSlots, slotsKeyPrefix, useSlotStream } from '../../features/booking/useSlots';
import { useViewerPreferences, type ViewerPreferences } from '../../features/booking/useViewerPreferences';
import { ApiError } from '../../lib/api';
import { useDateLocale, usePageLanguage } from '../../lib/pageLanguage';
import { civilDateOf, firstOfMonth, zonedDateKey } from '../../lib/zonedTime';
import { Alert } from '../../ui/Alert';
import { PageTitle } from '../../ui/PageTitle';
import { BookingPageSkeleton } from './BookingPageSkeleton';
import { MeetingSummary } from './MeetingSummary';
import { PageLoadError } from './PageLoadError';
import { PublicCard, PublicLayout } from './PublicLayout';
import { PublicNotFound } from './PublicNotFound';

function isNotFound(error: unknown) {
  return error instanceof ApiError && error.status === 404;
}

export function BookingPage() {
  const { t } = useTranslation();
  const { username = '', slug = '' } = useParams<{ username: string; slug: string }>();
  const prefs = useViewerPreferences();
  const queryClient = useQueryClient();
  const page = useQuery({
    queryKey: ['public-page', username, slug],
    queryFn: ({ signal }) => fetchBookingPage(username, slug, signal),
  });
  // This month's times are asked for together with the page, not after it: the picker then finds them cached.
  useEffect(() => {
    const month = firstOfMonth(civilDateOf(Date.now(), prefs.timeZone));
    void queryClient.prefetchQuery(monthSlotsQuery(pageSlots(username, slug), month, prefs.timeZone));
  }, [queryClient, username, slug, prefs.timeZone]);

  if (page.isPending) return <BookingPageSkeleton />;
  if (page.isError) {
    if (isNotFound(page.error)) {
      return <PublicNotFound title={t('bookingPage.notFoundTitle')} description={t('bookingPage.notFoundText')} />;
    }
    return <PageLoadError error={page.error} onRetry={() => page.refetch()} />;
  }
  return <BookingFlow username={username} slug={slug} prefs={prefs} {...page.data} />;
}

function BookingFlow({
  username,
  slug,
  prefs,
  host,
  meetingType,
}: { username: string; slug: string; prefs: ViewerPreferences } & Awaited<ReturnType<typeof fetchBookingPage>>) {
  const { t } = useTranslation();
  const locale = useDateLocale();
  const language = usePageLanguage()?.language;
  const queryClient = useQueryClient();
  const { url, go } = useBookingUrl();
  const reader = { timeZone: prefs.timeZone, hour12: prefs.hour12, locale };
  const step = url.booked ? 'done' : url.slot ? 'form' : 'pick';
  const [notice, setNotice] = useState<string | undefined>();
  const draft = useBookingDraft(username, slug);
  // The slot picked on this page (not opened from a link), to say why it went away.
  const picked = useRef<string | null>(null);
  const booking = useBookWithKey();

  useSlotStream(username, slug, step !== 'done');
  useEffect(() => recordPageEvent(username, slug, 'page_view'), [username, slug]);

  // While the form is open, keep watching the chosen slot: if it is not (or no longer) offered, say so.
  const chosen = useChosenSlot(username, slug, url.slot, meetingType.durationMinutes, prefs.timeZone);
  const formSlot = chosen.slot;
  const gone = chosen.notOffered && !booking.isPending && !booking.isSuccess;
  useEffect(() => {
    if (!gone || !formSlot) return;
    const start = Date.parse(formSlot.start);
    const why = picked.current !== null && Date.parse(picked.current) === start ? 'meanwhile' : 'link';
    setNotice(takenMessage(t, formSlot, { timeZone: prefs.timeZone, hour12: prefs.hour12, locale }, why));
    const month = firstOfMonth(civilDateOf(start, prefs.timeZone));
    go({ month, date: zonedDateKey(start, prefs.timeZone) }, 'replace');
  }, [gone, formSlot, prefs.timeZone, prefs.hour12, locale, go, t]);

  const headingRef = useFormArrival(step);

  const onInvalidConfirmation = useCallback(() => {
    setNotice(t('bookingPage.invalidConfirmation'));
    go({}, 'replace');
  }, [go, t]);

  function pick(slot: Slot) {
    recordPageEvent(username, slug, 'slot_view');
    picked.current = slot.start;
    booking.reset();
    setNotice(undefined);
    const start = Date.parse(slot.start);
    go(
      {
        month: firstOfMonth(civilDateOf(start, prefs.timeZone)),
        date: zonedDateKey(start, prefs.timeZone),
        slot: slot.start,
      },
      'push',
    );
  }

  function submit(
    slot: Slot,
    details: Omit<BookInput, 'user' | 'type' | 'timeZone' | 'start'>,
    handlers: { onError: (error: Error) => void },
  ) {
    const input: BookInput = {
      user: username,
      type: slug,
      start: slot.start,
      timeZone: prefs.timeZone,
      hourCycle: prefs.hour12 ? 'h12' : 'h23',
      // The invitee's e-mails and manage page follow the language they booked in.
      ...(language ? { locale: language } : {}),
      ...details,
    };
    booking.submit(input, {
      onSuccess: (result) => {
        draft.clear();
        const redirect = redirectAfterBooking(meetingType, result);
        if (redirect) {
          window.location.assign(redirect);
          return;
        }
        const token = result.links ? tokenOf(result.links.manage) : null;
        if (!token) {
          go({}, 'replace');
          setNotice(t('bookingPage.bookedWithoutLink'));
          return;
        }
        queryClient.setQueryData(inviteeBookingKey(result.uid), result);
        // Replacing, not pushing: Back must not return to a form for a time that is now booked.
        go({ booked: { uid: result.uid, token } }, 'replace');
      },
      onError: (error) => {
        const taken = error instanceof ApiError && error.status === 409 && error.code === 'slot_unavailable';
        const notOffered = error instanceof ApiError && error.status === 422 && 'start' in error.fields;
        if (taken || notOffered) {
          booking.forgetAttempt();
          void queryClient.invalidateQueries({ queryKey: slotsKeyPrefix(username, slug) });
          setNotice(takenMessage(t, slot, reader, 'now'));
          go({ month: url.month, date: url.date }, 'replace');
          return;
        }
        handlers.onError(error);
      },
    });
  }

  const names = { title: meetingType.title, host: host.name };
  return (
    <PublicLayout wide>
      <PageTitle>{step === 'done' ? t('bookingPage.bookedTitle', names) : t('meetingWith', names)}</PageTitle>
      <PublicCard className="overflow-hidden">
        <div className="grid lg:grid-cols-[18rem_minmax(0,1fr)]">
          <div className="border-b border-slate-200 p-5 sm:p-6 lg:border-r lg:border-b-0">
            <MeetingSummary host={host} meetingType={meetingType}>
              {formSlot && <ChosenTime slot={formSlot} prefs={prefs} />}
            </MeetingSummary>
          </div>
          <div className="min-w-0 p-5 sm:p-6">
            {step === 'pick' && (
              <>
                <h2 className="mb-4 text-lg font-semibold tracking-tight">{t('bookingPage.chooseTime')}</h2>
                <SlotPicker
                  source={pageSlots(username, slug)}
                  prefs={prefs}
                  onPick={pick}
                  view={{ month: url.month, day: url.date }}
                  onViewChange={(view, how) => go({ month: view.month, date: view.day }, how)}
                  bookingWindowDays={meetingType.bookingWindowDays}
                  notice={notice && <Alert>{notice}</Alert>}
                />
              </>
            )}
            {step === 'form' && formSlot && (
              <LazyDetailsStep
                headingRef={headingRef}
                onChangeTime={() => go({ month: url.month, date: url.date }, 'push')}
                questions={meetingType.questions}
                values={draft.values}
                onValuesChange={draft.update}
                pending={booking.isPending}
                submitLabel={
                  meetingType.requiresConfirmation ? t('bookingPage.requestTime') : t('bookingPage.confirmBooking')
                }
                onSubmit={(details, handlers) => submit(formSlot, details, handlers)}
              />
            )}
            {url.booked && (
              <div className="mx-auto max-w-lg">
                <BookedConfirmation
                  uid={url.booked.uid}
                  token={url.booked.token}
                  timeZone={prefs.timeZone}
                  hour12={prefs.hour12}
                  onInvalid={onInvalidConfirmation}
                />
              </div>
            )}
          </div>
        </div>
      </PublicCard>
    </PublicLayout>
  );
}
