import { useRef, type FormEvent } from 'react';
import { ApiError } from '../../lib/api';
import { toFormErrors } from '../../lib/formErrors';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/CheckboxField';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import type { BookInput, Question } from './api';
import { answerOf, answersToSend, validateBooking, type BookingFormValues } from './bookingRules';

export interface BookingFormProps {
  questions: Question[];
  /** The input, owned by the page so it outlives the form (Change time, Back, reload). */
  values: BookingFormValues;
  onValuesChange: (change: (previous: BookingFormValues) => BookingFormValues) => void;
  pending: boolean;
  submitLabel: string;
  onSubmit: (
    input: Omit<BookInput, 'user' | 'type' | 'timeZone' | 'start'>,
    handlers: { onError: (error: Error) => void },
  ) => void;
}

export function BookingForm({
  questions,
  values,
  onValuesChange: setValues,
  pending,
  submitLabel,
  onSubmit,
}: BookingFormProps) {
  const { formRef, errors, show, clear, clearField } = useFormErrors();
  const formFields = useRef([
    'invitee.name',
    'invitee.email',
    'notes',
    ...questions.map((q) => `answers.${q.id}`),
  ]).current;
  const fields = bindFields({ values, setValues, errors: errors.fields, clearError: clearField });

  function setAnswer(id: string, value: string | boolean) {
    setValues((v) => ({ ...v, answers: { ...v.answers, [id]: value } }));
    clearField(`answers.${id}`);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fieldErrors = validateBooking(values, questions);
    if (Object.keys(fieldErrors).length > 0) {
      show({ fields: fieldErrors });
      return;
    }
    clear();
    const notes = values.notes.trim();
    onSubmit(
      {
        invitee: { name: values.name.trim(), email: values.email.trim() },
        answers: answersToSend(values.answers, questions),
        ...(notes ? { notes } : {}),
      },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409 && error.code === 'slot_unavailable') return;
          show(toFormErrors(error, formFields));
        },
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
      {errors.message && <Alert>{errors.message}</Alert>}
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        {...fields.text('name', { errorKey: 'invitee.name' })}
      />
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="email"
        hint="The confirmation and any changes are sent here."
        {...fields.text('email', { errorKey: 'invitee.email' })}
      />
      {questions.map((question) => (
        <QuestionField
          key={question.id}
          question={question}
          value={answerOf(values.answers, question.id)}
          error={errors.fields[`answers.${question.id}`]}
          onChange={(value) => setAnswer(question.id, value)}
        />
      ))}
      <TextAreaField label="Anything the host should know? (optional)" name="notes" {...fields.text('notes')} />
      <Button type="submit" pending={pending} className="w-full">
        {submitLabel}
      </Button>
    </form>
  );
}

interface QuestionFieldProps {
  question: Question;
  value: string | boolean | undefined;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}

function QuestionField({ question, value, error, onChange }: QuestionFieldProps) {
  const label = question.required ? question.label : `${question.label} (optional)`;
  const text = typeof value === 'string' ? value : '';
  const common = { name: `answers.${question.id}`, required: question.required, error };
  switch (question.type) {
    case 'textarea':
      return <TextAreaField {...common} label={label} value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'select':
      return (
        <SelectField {...common} label={label} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose…</option>
          {(question.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </SelectField>
      );
    case 'checkbox':
      return (
        <CheckboxField
          {...common}
          label={label}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'phone':
      return (
        <TextField
          {...common}
          label={label}
          type="tel"
          autoComplete="tel"
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default:
      return <TextField {...common} label={label} value={text} onChange={(e) => onChange(e.target.value)} />;
  }
}
