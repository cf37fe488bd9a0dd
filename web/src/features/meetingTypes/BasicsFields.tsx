import { useState } from 'react';
import type { FieldBinder } from '../../ui/bindFields';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useMe } from '../identity/useSession';
import { slugify, type MeetingTypeDraft } from './draft';
import { NumberField } from './NumberField';

interface BasicsFieldsProps {
  fields: FieldBinder<MeetingTypeDraft>;
  /** A new type's link follows its title until the host edits the link; a saved type's link stays put. */
  isNew: boolean;
}

const duration = { name: 'durationMinutes', label: 'Duration (minutes)', min: 5, max: 720 } as const;

/** Title, link, length, description and kind of a meeting type. */
export function BasicsFields({ fields, isNew }: BasicsFieldsProps) {
  const username = useMe().data?.username ?? '';
  const [slugEdited, setSlugEdited] = useState(!isNew);
  const slug = fields.text('slug', { parse: (text) => text.toLowerCase(), onEdit: () => setSlugEdited(true) });

  return (
    <>
      <TextField
        label="Title"
        name="title"
        maxLength={120}
        {...fields.text('title', { onEdit: (title) => slugEdited || fields.set('slug', slugify(title)) })}
      />
      <TextField
        label="Link"
        name="slug"
        autoCapitalize="none"
        spellCheck={false}
        hint={`${window.location.host}/${username}/${slug.value || '…'}`}
        {...slug}
      />
      <div className="sm:max-w-xs">
        <NumberField fields={fields} spec={duration} />
      </div>
      <TextAreaField label="Description (optional)" name="description" rows={4} {...fields.text('description')} />
      <SelectField
        label="Kind"
        name="kind"
        hint="Business meetings can come with documents and contracts (coming later)."
        {...fields.text('kind', { parse: (text) => (text === 'business' ? 'business' : 'quick') })}
      >
        <option value="quick">Quick meeting</option>
        <option value="business">Business meeting</option>
      </SelectField>
    </>
  );
}
