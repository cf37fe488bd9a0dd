import type { FieldErrors } from '../../lib/api';
import type { FieldBinder } from '../../ui/bindFields';
import { CheckboxField } from '../../ui/CheckboxField';
import { Panel } from '../../ui/Panel';
import { AvailabilityFields } from './AvailabilityFields';
import { BasicsFields } from './BasicsFields';
import { ColorField } from './ColorField';
import type { MeetingTypeDraft, QuestionDraft } from './draft';
import type { EditorSection } from './editorSections';
import { LimitsFields } from './LimitsFields';
import { LocationFields } from './LocationFields';
import { QuestionsEditor } from './QuestionsEditor';
import { RedirectFields } from './RedirectFields';
import { RemindersEditor } from './RemindersEditor';

interface SectionContentProps {
  section: EditorSection;
  fields: FieldBinder<MeetingTypeDraft>;
  draft: MeetingTypeDraft;
  errors: FieldErrors;
  /** The saved type's id; undefined while it is new. */
  typeId: string | undefined;
  onQuestionsChange: (questions: QuestionDraft[]) => void;
}

/** The panels of one section of the meeting-type editor. */
export function SectionContent({ section, fields, draft, errors, typeId, onQuestionsChange }: SectionContentProps) {
  switch (section) {
    case 'details':
      return (
        <>
          <Panel title="Details">
            <BasicsFields fields={fields} isNew={typeId === undefined} />
          </Panel>
          <Panel title="Location">
            <LocationFields fields={fields} />
          </Panel>
        </>
      );
    case 'availability':
      return (
        <Panel title="Availability" description="The hours this meeting type can be booked in, and its start times.">
          <AvailabilityFields fields={fields} />
        </Panel>
      );
    case 'limits':
      return (
        <Panel title="Limits" description="How soon, how far ahead and how often it can be booked.">
          <LimitsFields fields={fields} />
        </Panel>
      );
    case 'questions':
      return (
        <Panel title="Questions for invitees">
          <QuestionsEditor questions={draft.questions} errors={errors} onChange={onQuestionsChange} />
        </Panel>
      );
    case 'notifications':
      return (
        <Panel title="Reminders" description="E-mails to you and the invitee before the meeting.">
          <RemindersEditor {...fields.value('reminderOffsetsMinutes')} />
        </Panel>
      );
    case 'advanced':
      return (
        <>
          <Panel title="Booking">
            <CheckboxField
              label="I confirm each booking myself"
              hint="Requests wait as pending until you confirm or decline them."
              {...fields.checked('requiresConfirmation')}
            />
            <RedirectFields fields={fields} />
          </Panel>
          <Panel title="Visibility">
            <CheckboxField
              label="Bookable"
              hint="Turned off, the booking link shows “not found” to everyone but you, and nobody can book."
              {...fields.checked('isActive')}
            />
            <CheckboxField
              label="Secret"
              hint="Left off your profile page; only people with the link can book."
              {...fields.checked('isSecret')}
            />
          </Panel>
          <Panel title="Colour" description="Tells this type apart in your dashboard. Invitees do not see it.">
            <ColorField {...fields.value('color')} typeId={typeId} />
          </Panel>
        </>
      );
  }
}
