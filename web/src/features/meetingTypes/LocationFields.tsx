import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCATION_TYPES } from '../../../../src/db/schema/values';
import type { FieldBinder } from '../../ui/bindFields';
import { focusRing } from '../../ui/focusRing';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import type { LocationType } from '../booking/api';
import { locationLabel } from '../booking/locations';
import { integrationsKey, listIntegrations, providerForLocation, type Integration } from '../integrations/api';
import type { MeetingTypeDraft } from './draft';

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

/** Where a meeting type's meetings happen, with the address or number where one is typed in. */
export function LocationFields({ fields }: { fields: FieldBinder<MeetingTypeDraft> }) {
  const { t } = useTranslation();
  const integrations = useQuery({ queryKey: integrationsKey, queryFn: ({ signal }) => listIntegrations(signal) });
  const type = fields.text('locationType', {
    errorKey: 'location.type',
    // The options are LOCATION_TYPES.
    parse: (text) => text as LocationType,
    // An error about the typed-in value was about the old kind of location.
    onEdit: () => fields.clearError('location.value'),
  });
  const valueField = locationValueLabels[type.value];

  return (
    <>
      <SelectField
        label="Where the meeting happens"
        name="locationType"
        hint={locationHint(type.value, integrations.data)}
        {...type}
      >
        {LOCATION_TYPES.map((value) => (
          <option key={value} value={value}>
            {locationLabel(t, value)}
          </option>
        ))}
      </SelectField>
      {valueField && (
        <TextField
          label={valueField.label}
          hint={valueField.hint}
          name="location.value"
          maxLength={500}
          {...fields.text('locationValue', { errorKey: 'location.value' })}
        />
      )}
    </>
  );
}
