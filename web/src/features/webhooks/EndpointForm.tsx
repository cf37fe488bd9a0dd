import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../lib/api';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/CheckboxField';
import { FieldError } from '../../ui/FieldError';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { webhookEvents, type EndpointInput, type WebhookEvent } from './api';

interface EndpointFormProps<T> {
  initial: EndpointInput;
  submitLabel: string;
  save: (input: EndpointInput) => Promise<T>;
  /** The form stays pending until this settles, so a caller can wait for fresh data before moving on. */
  onSaved: (result: T) => unknown;
  onCancel?: () => void;
}

/** The URL and events of a webhook endpoint, checked here and by the server; used to add and to edit one. */
export function EndpointForm<T>({ initial, submitLabel, save, onSaved, onCancel }: EndpointFormProps<T>) {
  const [values, setValues] = useState(initial);
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const fields = bindFields({ values, setValues, errors: errors.fields, clearError: clearField });
  const eventsErrorId = useId();
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: onSaved,
    onError: (error) => show(toFormErrors(error, ['url', 'events'])),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fieldErrors: FieldErrors = {};
    const url = values.url.trim();
    if (!/^https?:\/\/\S+$/i.test(url))
      fieldErrors.url = 'Enter a full http or https URL, e.g. https://example.com/hooks.';
    if (values.events.length === 0) fieldErrors.events = 'Pick at least one event.';
    if (Object.keys(fieldErrors).length) {
      show({ fields: fieldErrors });
      return;
    }
    clear();
    mutation.mutate({ url, events: values.events });
  }

  function toggle(id: WebhookEvent, on: boolean) {
    fields.set('events', on ? [...values.events, id] : values.events.filter((e) => e !== id));
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4">
      {errors.message && <Alert>{errors.message}</Alert>}
      <TextField
        label="Endpoint URL"
        name="url"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://example.com/hooks/tuskhub"
        maxLength={2000}
        {...fields.text('url')}
      />
      {/* A container query, not a viewport one: the same fieldset sits in the wide page and in a narrow dialog. */}
      <fieldset className="@container space-y-2" aria-describedby={errors.fields.events ? eventsErrorId : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-900">Events</legend>
        <div className="grid gap-2 @lg:grid-cols-2">
          {webhookEvents.map((e) => (
            <CheckboxField
              key={e.id}
              label={
                <>
                  {e.label} <span className="font-normal text-slate-600">({e.id})</span>
                </>
              }
              checked={values.events.includes(e.id)}
              onChange={(event) => toggle(e.id, event.target.checked)}
            />
          ))}
        </div>
        <FieldError id={eventsErrorId}>{errors.fields.events}</FieldError>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={mutation.isPending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
