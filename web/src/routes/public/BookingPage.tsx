import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'wouter';
import {
  book,
  fetchBookingPage,
  recordPageEvent,
  type BookInput,
  type Booking,
  type Slot,
} from '../../features/booking/api';
import { BookingForm } from '../../features/booking/BookingForm';
import { Confirmation } from '../../features/booking/Confirmation';
import { SlotPicker } from '../../features/booking/SlotPicker';
import { monthSlotsQuery, slotsKeyPrefix, useMonthSlots, useSlotStream } from '../../features/booking/useSlots';
import { useViewerPreferences, type ViewerPreferences } from '../../features/booking/useViewerPreferences';
import { ApiError } from '../../lib/api';
import { timeZoneLabel } from '../../lib/timeZones';
import { randomUuid } from '../../lib/uuid';
import { civilDateOf, firstOfMonth, formatLongDate, formatTimeRange, zonedDateKey } from '../../lib/zonedTime';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { PageTitle } from '../../ui/PageTitle';
import { Skeleton } from '../../ui/Skeleton';
import { MeetingSummary } from './MeetingSummary';
import { PageLoadError } from './PageLoadError';
import { PublicCard, PublicLayout } from './PublicLayout';
import { PublicNotFound } from './PublicNotFound';

type Stage = { kind: 'pick'; notice?: string } | { kind: 'form'; slot: Slot } | { kind: 'done'; booking: Booking };

function isNotFound(error: unknown) {
  return error instanceof ApiError && error.status === 404;
}

export function BookingPage() {
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
    void queryClient.prefetchQuery(monthSlotsQuery(username, slug, month, prefs.timeZone));
  }, [queryClient, username, slug, prefs.timeZone]);

  if (page.isPending) return <BookingPageSkeleton />;
  if (page.isError) {
    if (isNotFound(page.error)) {
      return (
        <PublicNotFound
          title="Booking page not found"
          description="This booking link does not exist or is no longer active. Check the link, or ask the person who sent it."
        />
      );
    }
    return <PageLoadError message={page.error.message} onRetry={() => page.refetch()} />;
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
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const [lastDay, setLastDay] = useState<string | undefined>();
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const booking = useMutation({
    mutationFn: ({ input, key }: { input: BookInput; key: string }) => book(input, key),
  });

  useSlotStream(username, slug, stage.kind !== 'done');
  useEffect(() => recordPageEvent(username, slug, 'page_view'), [username, slug]);

  // While the form is open, keep watching the chosen slot's month: if the slot is taken elsewhere, say so.
  const formSlot = stage.kind === 'form' ? stage.slot : undefined;
  const watchedMonth = firstOfMonth(civilDateOf(formSlot ? Date.parse(formSlot.start) : Date.now(), prefs.timeZone));
  const { query: watched } = useMonthSlots(username, slug, watchedMonth, prefs.timeZone, formSlot !== undefined);
  useEffect(() => {
    if (!formSlot || !watched.isSuccess || watched.isFetching || booking.isPending || booking.isSuccess) return;
    if (!watched.data.slots.some((s) => s.start === formSlot.start)) {
      setStage({ kind: 'pick', notice: takenMessage(formSlot, prefs.timeZone, prefs.hour12, 'meanwhile') });
    }
  }, [
    formSlot,
    watched.isSuccess,
    watched.isFetching,
    watched.data,
    booking.isPending,
    booking.isSuccess,
    prefs.timeZone,
    prefs.hour12,
  ]);

  function pick(slot: Slot) {
    recordPageEvent(username, slug, 'slot_view');
    setLastDay(zonedDateKey(Date.parse(slot.start), prefs.timeZone));
    booking.reset();
    setStage({ kind: 'form', slot });
  }

  function submit(
    slot: Slot,
    details: Omit<BookInput, 'user' | 'type' | 'timeZone' | 'start'>,
    handlers: { onError: (error: Error) => void },
  ) {
    const input: BookInput = { user: username, type: slug, start: slot.start, timeZone: prefs.timeZone, ...details };
    const body = JSON.stringify(input);
    // One key per attempt: a retry of the same request reuses it, so a lost answer never books twice.
    if (attempt.current?.body !== body) attempt.current = { body, key: randomUuid() };
    booking.mutate(
      { input, key: attempt.current.key },
      {
        onSuccess: (result) => {
          attempt.current = null;
          setStage({ kind: 'done', booking: result });
        },
        onError: (error) => {
          const taken = error instanceof ApiError && error.status === 409 && error.code === 'slot_unavailable';
          const notOffered = error instanceof ApiError && error.status === 422 && 'start' in error.fields;
          if (taken || notOffered) {
            attempt.current = null;
            void queryClient.invalidateQueries({ queryKey: slotsKeyPrefix(username, slug) });
            setStage({ kind: 'pick', notice: takenMessage(slot, prefs.timeZone, prefs.hour12, 'now') });
            return;
          }
          handlers.onError(error);
        },
      },
    );
  }

  const title = `${meetingType.title} with ${host.name}`;
  return (
    <PublicLayout wide>
      <PageTitle>{stage.kind === 'done' ? `Booked: ${title}` : title}</PageTitle>
      <PublicCard className="overflow-hidden">
        <div className="grid lg:grid-cols-[18rem_minmax(0,1fr)]">
          <div className="border-b border-slate-200 p-5 sm:p-6 lg:border-r lg:border-b-0">
            <MeetingSummary host={host} meetingType={meetingType}>
              {formSlot && (
                <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm font-medium text-indigo-900">
                  {formatLongDate(Date.parse(formSlot.start), prefs.timeZone)}
                  <br />
                  {formatTimeRange(Date.parse(formSlot.start), Date.parse(formSlot.end), prefs.timeZone, prefs.hour12)}
                  <br />
                  <span className="font-normal text-indigo-800">{timeZoneLabel(prefs.timeZone)}</span>
                </p>
              )}
            </MeetingSummary>
          </div>
          <div className="min-w-0 p-5 sm:p-6">
            {stage.kind === 'pick' && (
              <>
                <h2 className="mb-4 text-lg font-semibold tracking-tight">Choose a time</h2>
                <SlotPicker
                  user={username}
                  type={slug}
                  prefs={prefs}
                  onPick={pick}
                  initialDay={lastDay}
                  bookingWindowDays={meetingType.bookingWindowDays}
                  notice={stage.notice && <Alert>{stage.notice}</Alert>}
                />
              </>
            )}
            {stage.kind === 'form' && (
              <div className="max-w-lg space-y-5">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h2 className="text-lg font-semibold tracking-tight">Your details</h2>
                  <Button variant="ghost" onClick={() => setStage({ kind: 'pick' })}>
                    ← Change time
                  </Button>
                </div>
                <BookingForm
                  questions={meetingType.questions}
                  pending={booking.isPending}
                  submitLabel={meetingType.requiresConfirmation ? 'Request this time' : 'Confirm booking'}
                  onSubmit={(details, handlers) => submit(stage.slot, details, handlers)}
                />
              </div>
            )}
            {stage.kind === 'done' && (
              <div className="mx-auto max-w-lg">
                <Confirmation booking={stage.booking} timeZone={prefs.timeZone} hour12={prefs.hour12} />
              </div>
            )}
          </div>
        </div>
      </PublicCard>
    </PublicLayout>
  );
}

function takenMessage(slot: Slot, zone: string, hour12: boolean, when: 'now' | 'meanwhile') {
  const start = Date.parse(slot.start);
  const time = `${formatTimeRange(start, Date.parse(slot.end), zone, hour12)} on ${formatLongDate(start, zone)}`;
  return when === 'now'
    ? `Sorry, ${time} was just taken by someone else. Please choose another time.`
    : `The time you chose, ${time}, is no longer available: someone else booked it. Please choose another time.`;
}

function BookingPageSkeleton() {
  return (
    <PublicLayout wide>
      <PublicCard className="grid gap-6 p-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <div className="space-y-3">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-7 w-48" />
          <Skeleton className="h-4 w-32" />
        </div>
        <div className="space-y-3">
          <Skeleton className="h-6 w-40" />
          <Skeleton className="h-64 w-full" />
        </div>
        <span role="status" className="sr-only">
          Loading the booking page…
        </span>
      </PublicCard>
    </PublicLayout>
  );
}
