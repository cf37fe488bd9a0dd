import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { ApiError } from '../../lib/api';
import { toFormErrors, type FormErrors } from '../../lib/formErrors';
import { useUnsavedChangesGuard } from '../../lib/useUnsavedChangesGuard';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { focusRing } from '../../ui/focusRing';
import { Notice } from '../../ui/Notice';
import { useFormErrors } from '../../ui/useFormErrors';
import { createMeetingType, meetingTypesKey, updateMeetingType, type MeetingType } from './api';
import { draftOf, emptyDraft, inputOf, validateDraft, type MeetingTypeDraft } from './draft';
import { sectionNamed, sectionsWithErrors, type EditorSection } from './editorSections';
import { SectionContent } from './SectionContent';
import { SectionTabs } from './SectionTabs';

/** Server field paths this form shows an error under; others go into the message at the top. */
const shownFields =
  /^(title|slug|description|durationMinutes|slotIntervalMinutes|bufferBeforeMinutes|bufferAfterMinutes|minimumNoticeMinutes|bookingWindowDays|maxBookingsPerDay|location\.type|location\.value|questions|questions\.\d+\.(label|options|id)|reminderOffsetsMinutes|scheduleId|color|redirectUrl)$/;

const snapshotOf = (d: MeetingTypeDraft) => JSON.stringify(inputOf(d));

/**
 * The form for a new meeting type, or for `existing`, in sections (the URL's `?section=`). A new type goes back
 * to the list once created; a saved one stays open. Leaving with unsaved edits asks first.
 */
export function MeetingTypeEditor({ existing }: { existing?: MeetingType | undefined }) {
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const section = sectionNamed(params.get('section'));
  const queryClient = useQueryClient();
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const [draft, setDraft] = useState<MeetingTypeDraft>(() => (existing ? draftOf(existing) : emptyDraft()));
  const [savedSnapshot, setSavedSnapshot] = useState(() => snapshotOf(draft));
  const [saved, setSaved] = useState(false);
  const dirty = snapshotOf(draft) !== savedSnapshot;
  useUnsavedChangesGuard(dirty, 'This meeting type has unsaved changes. Leave this page and lose them?');
  const fields = bindFields({
    values: draft,
    setValues: setDraft,
    errors: errors.fields,
    clearError: clearField,
    onEdit: () => setSaved(false),
  });

  const open = (next: EditorSection) => setParams({ section: next }, { replace: true });
  /** Shows errors in the first section that holds one, where focus then lands on the field. */
  function showErrors(formErrors: FormErrors) {
    const [first] = sectionsWithErrors(Object.keys(formErrors.fields));
    if (first && first !== section) open(first);
    show(formErrors);
  }

  const save = useMutation({
    mutationFn: (d: MeetingTypeDraft) =>
      existing ? updateMeetingType(existing.id, inputOf(d)) : createMeetingType(inputOf(d)),
    onSuccess: (result, sent) => {
      queryClient.setQueryData([...meetingTypesKey, result.id], result);
      void queryClient.invalidateQueries({ queryKey: meetingTypesKey, exact: true });
      setSavedSnapshot(snapshotOf(sent));
      if (existing) setSaved(true);
      else navigate('~/dashboard');
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fieldErrors = validateDraft(draft);
    if (Object.keys(fieldErrors).length > 0) {
      showErrors({ fields: fieldErrors, message: 'Some fields need attention.' });
      return;
    }
    clear();
    save.mutate(draft, {
      onError: (error) => {
        const serverFields = error instanceof ApiError ? Object.keys(error.fields) : [];
        showErrors(
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
      <SectionTabs active={section} onChange={open} withErrors={sectionsWithErrors(Object.keys(errors.fields))}>
        <SectionContent
          section={section}
          fields={fields}
          draft={draft}
          errors={errors.fields}
          typeId={existing?.id}
          onQuestionsChange={(questions) => {
            setDraft((d) => ({ ...d, questions }));
            setSaved(false);
            // Errors are keyed by position, which adding, moving or removing a question shifts.
            clear();
          }}
        />
      </SectionTabs>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={save.isPending}>
          {existing ? 'Save changes' : 'Create meeting type'}
        </Button>
        <Link
          href="~/dashboard"
          className={`inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100 ${focusRing}`}
        >
          {existing ? 'Back to meeting types' : 'Cancel'}
        </Link>
        {saved && !dirty && <Notice tone="success">Saved.</Notice>}
      </div>
    </form>
  );
}
