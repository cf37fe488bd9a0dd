import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import type { LocationType } from '../../features/booking/api';
import { locationLabels } from '../../features/booking/locations';
import { useMe } from '../../features/identity/useSession';
import {
  integrationsKey,
  listIntegrations,
  providerForLocation,
  type Integration,
} from '../../features/integrations/api';
import {
  createMeetingType,
  getMeetingType,
  meetingTypesKey,
  updateMeetingType,
  type MeetingType,
} from '../../features/meetingTypes/api';
import {
  draftOf,
  emptyDraft,
  inputOf,
  slugify,
  validateDraft,
  type MeetingTypeDraft,
  type Unit,
} from '../../features/meetingTypes/draft';
import { QuestionsEditor } from '../../features/meetingTypes/QuestionsEditor';
import { RemindersEditor } from '../../features/meetingTypes/RemindersEditor';
import { ApiError } from '../../lib/api';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/CheckboxField';
import { controlClasses } from '../../ui/controlClasses';
import { Field } from '../../ui/Field';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { SectionHeader } from './SectionHeader';

/** /dashboard/types/new and /dashboard/types/{id}. */
export function MeetingTypeEditorPage() {
  const { id } = useParams<{ id?: string }>();
  const existing = useQuery({
    queryKey: [...meetingTypesKey, id],
    queryFn: ({ signal }) => getMeetingType(id!, signal),
    enabled: id !== undefined,
  });

  if (id === undefined) return <MeetingTypeEditor />;
  if (existing.isPending) {
    return (
      <>
        <SectionHeader title="Edit meeting type" />
        <LoadingBlock label="Loading the meeting type…" />
      </>
    );
  }
  if (existing.isError) {
    return (
      <>
        <SectionHeader title="Edit meeting type" />
        <LoadError what="this meeting type" error={existing.error} onRetry={() => existing.refetch()} />
      </>
    );
  }
  return <MeetingTypeEditor existing={existing.data} />;
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="space-y-5 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-6">
      <div>
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      {children}
    </section>
  );
}

const locationValueLabels: Partial<Record<LocationType, { label: string; hint: string }>> = {
  in_person: { label: 'Address', hint: 'Shown to the invitee after booking.' },
  phone: { label: 'Phone number', hint: 'The number the invitee calls, shown after booking.' },
};

/**
 * Under the location select. Zoom, Meet and Teams links are made with the host's own account, so say so
 * while it is missing; the link opens a new tab, since leaving the editor would lose the unsaved form.
 */
function locationHint(type: LocationType, integrations: Integration[] | undefined): ReactNode {
  if (type === 'jitsi') return 'Each booking gets its own Jitsi video room; nobody needs an account.';
  const provider = providerForLocation[type];
  const account = provider && integrations?.find((i) => i.provider === provider);
  if (!account || (account.connected && account.status !== 'needs_reauth')) return undefined;
  return (
    <>
      Each booking gets its own meeting from your {account.label} account.{' '}
      <a
        href="/dashboard/settings#connected-apps"
        target="_blank"
        className={`rounded-sm font-semibold text-indigo-700 underline underline-offset-2 ${focusRing}`}
      >
        {account.connected ? 'Reconnect' : 'Connect'} {account.label} in Settings first
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    </>
  );
}

/** Server field paths this form shows an error under; others go into the message at the top. */
const shownFields =
  /^(title|slug|description|durationMinutes|slotIntervalMinutes|bufferBeforeMinutes|bufferAfterMinutes|minimumNoticeMinutes|bookingWindowDays|maxBookingsPerDay|location\.type|location\.value|questions|questions\.\d+\.(label|options|id)|reminderOffsetsMinutes)$/;

function MeetingTypeEditor({ existing }: { existing?: MeetingType }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const username = useMe().data?.username ?? '';
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const [draft, setDraft] = useState<MeetingTypeDraft>(() => (existing ? draftOf(existing) : emptyDraft()));
  const [slugEdited, setSlugEdited] = useState(existing !== undefined);
  const integrations = useQuery({ queryKey: integrationsKey, queryFn: ({ signal }) => listIntegrations(signal) });

  const save = useMutation({
    mutationFn: (d: MeetingTypeDraft) =>
      existing ? updateMeetingType(existing.id, inputOf(d)) : createMeetingType(inputOf(d)),
    onSuccess: (saved) => {
      queryClient.setQueryData([...meetingTypesKey, saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: meetingTypesKey, exact: true });
      navigate('~/dashboard');
    },
  });

  function set<K extends keyof MeetingTypeDraft>(key: K, value: MeetingTypeDraft[K], errorKey: string = key) {
    setDraft((d) => ({ ...d, [key]: value }));
    clearField(errorKey);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fieldErrors = validateDraft(draft);
    if (Object.keys(fieldErrors).length > 0) {
      show({ fields: fieldErrors, message: 'Some fields need attention.' });
      return;
    }
    clear();
    save.mutate(draft, {
      onError: (error) => {
        const serverFields = error instanceof ApiError ? Object.keys(error.fields) : [];
        show(
          toFormErrors(
            error,
            serverFields.filter((key) => shownFields.test(key)),
          ),
        );
      },
    });
  }

  const numberProps = { type: 'number', inputMode: 'numeric', step: 1 } as const;
  const title = existing ? `Edit “${existing.title}”` : 'New meeting type';
  const valueField = locationValueLabels[draft.locationType];

  return (
    <>
      <SectionHeader title={title} />
      <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
        {errors.message && <Alert>{errors.message}</Alert>}
        <Section title="Basics">
          <TextField
            label="Title"
            name="title"
            maxLength={120}
            value={draft.title}
            onChange={(event) => {
              const value = event.target.value;
              setDraft((d) => ({ ...d, title: value, ...(slugEdited ? {} : { slug: slugify(value) }) }));
              clearField('title');
              if (!slugEdited) clearField('slug');
            }}
            error={errors.fields.title}
          />
          <TextField
            label="Link"
            name="slug"
            autoCapitalize="none"
            spellCheck={false}
            hint={`${window.location.host}/${username}/${draft.slug || '…'}`}
            value={draft.slug}
            onChange={(event) => {
              setSlugEdited(true);
              set('slug', event.target.value.toLowerCase());
            }}
            error={errors.fields.slug}
          />
          <TextAreaField
            label="Description (optional)"
            name="description"
            rows={4}
            value={draft.description}
            onChange={(event) => set('description', event.target.value)}
            error={errors.fields.description}
          />
          <SelectField
            label="Kind"
            name="kind"
            hint="Business meetings can come with documents and contracts (coming later)."
            value={draft.kind}
            onChange={(event) => set('kind', event.target.value as MeetingTypeDraft['kind'])}
          >
            <option value="quick">Quick meeting</option>
            <option value="business">Business meeting</option>
          </SelectField>
        </Section>

        <Section title="Scheduling" description="How long the meeting is, and when it can be booked.">
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              {...numberProps}
              label="Duration (minutes)"
              name="durationMinutes"
              min={5}
              max={720}
              value={draft.durationMinutes}
              onChange={(event) => set('durationMinutes', event.target.value)}
              error={errors.fields.durationMinutes}
            />
            <TextField
              {...numberProps}
              label="Start times every (minutes)"
              name="slotIntervalMinutes"
              hint="Empty: the meeting's duration."
              min={5}
              max={720}
              value={draft.slotIntervalMinutes}
              onChange={(event) => set('slotIntervalMinutes', event.target.value)}
              error={errors.fields.slotIntervalMinutes}
            />
            <TextField
              {...numberProps}
              label="Buffer before (minutes)"
              name="bufferBeforeMinutes"
              min={0}
              max={720}
              value={draft.bufferBeforeMinutes}
              onChange={(event) => set('bufferBeforeMinutes', event.target.value)}
              error={errors.fields.bufferBeforeMinutes}
            />
            <TextField
              {...numberProps}
              label="Buffer after (minutes)"
              name="bufferAfterMinutes"
              min={0}
              max={720}
              value={draft.bufferAfterMinutes}
              onChange={(event) => set('bufferAfterMinutes', event.target.value)}
              error={errors.fields.bufferAfterMinutes}
            />
            <Field
              label="Minimum notice"
              hint="How soon before its start a meeting can still be booked."
              error={errors.fields.minimumNoticeMinutes}
            >
              {(control) => (
                <div className="flex gap-2">
                  <input
                    {...control}
                    {...numberProps}
                    name="minimumNotice"
                    min={0}
                    value={draft.minimumNotice.amount}
                    onChange={(event) =>
                      set(
                        'minimumNotice',
                        { ...draft.minimumNotice, amount: event.target.value },
                        'minimumNoticeMinutes',
                      )
                    }
                    className={controlClasses}
                  />
                  <select
                    aria-label="Minimum notice unit"
                    value={draft.minimumNotice.unit}
                    onChange={(event) =>
                      set(
                        'minimumNotice',
                        { ...draft.minimumNotice, unit: event.target.value as Unit },
                        'minimumNoticeMinutes',
                      )
                    }
                    className={`${controlClasses} max-w-32`}
                  >
                    <option value="minutes">minutes</option>
                    <option value="hours">hours</option>
                    <option value="days">days</option>
                  </select>
                </div>
              )}
            </Field>
            <TextField
              {...numberProps}
              label="Booking window (days)"
              name="bookingWindowDays"
              hint="How far ahead people can book."
              min={1}
              max={730}
              value={draft.bookingWindowDays}
              onChange={(event) => set('bookingWindowDays', event.target.value)}
              error={errors.fields.bookingWindowDays}
            />
            <TextField
              {...numberProps}
              label="Most bookings per day"
              name="maxBookingsPerDay"
              hint="Empty: no limit."
              min={1}
              max={1000}
              value={draft.maxBookingsPerDay}
              onChange={(event) => set('maxBookingsPerDay', event.target.value)}
              error={errors.fields.maxBookingsPerDay}
            />
          </div>
          <CheckboxField
            label="I confirm each booking myself"
            hint="Requests wait as pending until you confirm or decline them."
            checked={draft.requiresConfirmation}
            onChange={(event) => set('requiresConfirmation', event.target.checked)}
          />
        </Section>

        <Section title="Location">
          <SelectField
            label="Where the meeting happens"
            name="locationType"
            hint={locationHint(draft.locationType, integrations.data)}
            value={draft.locationType}
            onChange={(event) => {
              set('locationType', event.target.value as LocationType, 'location.type');
              clearField('location.value');
            }}
            error={errors.fields['location.type']}
          >
            {Object.entries(locationLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          {valueField && (
            <TextField
              label={valueField.label}
              hint={valueField.hint}
              name="location.value"
              maxLength={500}
              value={draft.locationValue}
              onChange={(event) => set('locationValue', event.target.value, 'location.value')}
              error={errors.fields['location.value']}
            />
          )}
        </Section>

        <Section title="Questions for invitees">
          <QuestionsEditor
            questions={draft.questions}
            errors={errors.fields}
            onChange={(questions) => {
              setDraft((d) => ({ ...d, questions }));
              clear();
            }}
          />
        </Section>

        <Section title="Reminders" description="E-mails to you and the invitee before the meeting.">
          <RemindersEditor
            offsets={draft.reminderOffsetsMinutes}
            error={errors.fields.reminderOffsetsMinutes}
            onChange={(offsets) => set('reminderOffsetsMinutes', offsets)}
          />
        </Section>

        <Section title="Visibility">
          <CheckboxField
            label="Bookable"
            hint="Turned off, the booking link shows “not found” and nobody can book."
            checked={draft.isActive}
            onChange={(event) => set('isActive', event.target.checked)}
          />
          <CheckboxField
            label="Secret"
            hint="Left off your profile page; only people with the link can book."
            checked={draft.isSecret}
            onChange={(event) => set('isSecret', event.target.checked)}
          />
        </Section>

        <div className="flex flex-wrap gap-3">
          <Button type="submit" pending={save.isPending}>
            {existing ? 'Save changes' : 'Create meeting type'}
          </Button>
          <Link
            href="~/dashboard"
            className={`inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100 ${focusRing}`}
          >
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
