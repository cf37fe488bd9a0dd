import type { FieldBinder } from '../../ui/bindFields';
import { CheckboxField } from '../../ui/CheckboxField';
import { TextField } from '../../ui/TextField';
import type { MeetingTypeDraft } from './draft';

/** Where invitees go after booking instead of the confirmation page, and whether the booking's details go along. */
export function RedirectFields({ fields }: { fields: FieldBinder<MeetingTypeDraft> }) {
  return (
    <>
      <TextField
        label="Redirect after booking (optional)"
        name="redirectUrl"
        type="url"
        inputMode="url"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={2000}
        placeholder="https://example.com/thanks"
        hint="Invitees go to this page instead of the confirmation. The confirmation e-mail still has the details and links."
        {...fields.text('redirectUrl')}
      />
      <CheckboxField
        label="Add the booking’s details to the address"
        hint="invitee_name, invitee_email, start_time, end_time, event_type, booking_uid and status, as query parameters. Never the link that changes the booking."
        {...fields.checked('redirectWithDetails')}
      />
    </>
  );
}
