import type { FieldErrors } from '../../lib/api';
import { Button } from '../../ui/Button';
import { CheckboxField } from '../../ui/CheckboxField';
import { FieldError } from '../../ui/FieldError';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import type { QuestionType } from '../booking/api';
import { newQuestion, type QuestionDraft } from './draft';

const typeLabels: Record<QuestionType, string> = {
  text: 'Short answer',
  textarea: 'Long answer',
  select: 'Choice from a list',
  checkbox: 'Checkbox (yes / no)',
  phone: 'Phone number',
};

interface QuestionsEditorProps {
  questions: QuestionDraft[];
  errors: FieldErrors;
  onChange: (questions: QuestionDraft[]) => void;
}

/** The questions invitees answer when booking: add, edit, reorder and remove. */
export function QuestionsEditor({ questions, errors, onChange }: QuestionsEditorProps) {
  function update(index: number, patch: Partial<QuestionDraft>) {
    onChange(questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  }
  function move(index: number, step: -1 | 1) {
    const next = [...questions];
    const [item] = next.splice(index, 1);
    next.splice(index + step, 0, item!);
    onChange(next);
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Invitees always give their name and e-mail. Add anything else you need to know before the meeting.
      </p>
      {questions.length === 0 && <p className="text-sm text-slate-600 italic">No extra questions.</p>}
      <ol className="space-y-4">
        {questions.map((question, index) => {
          const n = index + 1;
          return (
            <li key={question.key} className="space-y-4 rounded-lg border border-slate-200 p-4">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-semibold text-slate-900">Question {n}</h3>
                <div className="flex flex-wrap gap-1">
                  <Button
                    variant="ghost"
                    className="min-h-8 px-2 py-1"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={`Move question ${n} up`}
                  >
                    ↑
                  </Button>
                  <Button
                    variant="ghost"
                    className="min-h-8 px-2 py-1"
                    disabled={index === questions.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={`Move question ${n} down`}
                  >
                    ↓
                  </Button>
                  <Button
                    variant="ghost"
                    className="min-h-8 px-2 py-1 text-red-700 hover:bg-red-50"
                    onClick={() => onChange(questions.filter((_, i) => i !== index))}
                  >
                    Remove<span className="sr-only"> question {n}</span>
                  </Button>
                </div>
              </div>
              <TextField
                label="Question"
                name={`questions.${index}.label`}
                value={question.label}
                maxLength={200}
                onChange={(event) => update(index, { label: event.target.value })}
                error={errors[`questions.${index}.label`] ?? errors[`questions.${index}.id`]}
              />
              <SelectField
                label="Answer type"
                name={`questions.${index}.type`}
                value={question.type}
                onChange={(event) => update(index, { type: event.target.value as QuestionType })}
              >
                {Object.entries(typeLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </SelectField>
              {question.type === 'select' && (
                <TextAreaField
                  label="Options"
                  hint="One option per line."
                  name={`questions.${index}.options`}
                  rows={4}
                  value={question.optionsText}
                  onChange={(event) => update(index, { optionsText: event.target.value })}
                  error={errors[`questions.${index}.options`]}
                />
              )}
              <CheckboxField
                label="Required"
                checked={question.required}
                onChange={(event) => update(index, { required: event.target.checked })}
              />
            </li>
          );
        })}
      </ol>
      <FieldError>{errors.questions}</FieldError>
      <Button
        variant="secondary"
        disabled={questions.length >= 30}
        onClick={() => onChange([...questions, newQuestion()])}
      >
        Add a question
      </Button>
    </div>
  );
}
