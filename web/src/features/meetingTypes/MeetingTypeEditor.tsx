import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../lib/api';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/CheckboxField';
import { focusRing } from '../../ui/focusRing';
import { Panel } from '../../ui/Panel';
import { useFormErrors } from '../../ui/useFormErrors';
import { createMeetingType, meetingTypesKey, updateMeetingType, type MeetingType } from './api';
import { BasicsFields } from './BasicsFields';
import { draftOf, emptyDraft, inputOf, validateDraft, type MeetingTypeDraft } from './draft';
import { LocationFields } from './LocationFields';
import { QuestionsEditor } from './QuestionsEditor';
import { RemindersEditor } from './RemindersEditor';
import { SchedulingFields } from './SchedulingFields';

/** Server field paths this form shows an error under; others go into the message at the top. */
const shownFields =
  /^(title|slug|description|durationMinutes|slotIntervalMinutes|bufferBeforeMinutes|bufferAfterMinutes|minimumNoticeMinutes|bookingWindowDays|maxBookingsPerDay|location\.type|location\.value|questions|questions\.\d+\.(label|options|id)|reminderOffsetsMinutes)$/;

/** The form for a new meeting type, or for `existing`; saving goes back to the list. */
export function MeetingTypeEditor({ existing }: { existing?: MeetingType | undefined }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const [draft, setDraft] = useState<MeetingTypeDraft>(() => (existing ? draftOf(existing) : emptyDraft()));
  const fields = bindFields({ values: draft, setValues: setDraft, errors: errors.fields, clearError: clearField });

  const save = useMutation({
    mutationFn: (d: MeetingTypeDraft) =>
      existing ? updateMeetingType(existing.id, inputOf(d)) : createMeetingType(inputOf(d)),
    onSuccess: (saved) => {
      queryClient.setQueryData([...meetingTypesKey, saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: meetingTypesKey, exact: true });
      navigate('~/dashboard');
    },
  });

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

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
      {errors.message && <Alert>{errors.message}</Alert>}
      <Panel title="Basics">
        <BasicsFields fields={fields} isNew={existing === undefined} />
      </Panel>

      <Panel title="Scheduling" description="How long the meeting is, and when it can be booked.">
        <SchedulingFields fields={fields} />
      </Panel>

      <Panel title="Location">
        <LocationFields fields={fields} />
      </Panel>

      <Panel title="Questions for invitees">
        <QuestionsEditor
          questions={draft.questions}
          errors={errors.fields}
          onChange={(questions) => {
            setDraft((d) => ({ ...d, questions }));
            // Errors are keyed by position, which adding, moving or removing a question shifts.
            clear();
          }}
        />
      </Panel>

      <Panel title="Reminders" description="E-mails to you and the invitee before the meeting.">
        <RemindersEditor {...fields.value('reminderOffsetsMinutes')} />
      </Panel>

      <Panel title="Visibility">
        <CheckboxField
          label="Bookable"
          hint="Turned off, the booking link shows “not found” and nobody can book."
          {...fields.checked('isActive')}
        />
        <CheckboxField
          label="Secret"
          hint="Left off your profile page; only people with the link can book."
          {...fields.checked('isSecret')}
        />
      </Panel>

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
  );
}
