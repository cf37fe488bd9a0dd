import { useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { Alert } from '../../ui/Alert';
import { bindFields } from '../../ui/bindFields';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/CheckboxField';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import type { BookInput, Question } from './api';
import { bookingFormErrors } from './bookingErrors';
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
  const { t } = useTranslation();
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
    const fieldErrors = validateBooking(values, questions, t);
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
          show(bookingFormErrors(error, formFields, validateBooking(values, questions, t), t));
        },
      },
    );
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-5">
      {errors.message && <Alert>{errors.message}</Alert>}
      <TextField
        label={t('form.name')}
        name="name"
        autoComplete="name"
        {...fields.text('name', { errorKey: 'invitee.name' })}
      />
      <TextField
        label={t('form.email')}
        name="email"
        type="email"
        autoComplete="email"
        hint={t('form.emailHint')}
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
      <TextAreaField label={t('form.notes')} name="notes" {...fields.text('notes')} />
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
  const { t } = useTranslation();
  const label = question.required ? question.label : t('form.optional', { label: question.label });
  const text = typeof value === 'string' ? value : '';
  const common = { name: `answers.${question.id}`, required: question.required, error };
  switch (question.type) {
    case 'textarea':
      return <TextAreaField {...common} label={label} value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'select':
      return (
        <SelectField {...common} label={label} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('form.choose')}</option>
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
