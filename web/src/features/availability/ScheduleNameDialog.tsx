import { useState, type FormEvent } from 'react';
import { scheduleNameSchema } from '../../../../src/modules/scheduling/availability.rules';
import { ApiError } from '../../lib/api';
import { firstIssue } from '../../lib/serverRules';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';

interface ScheduleNameDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  initialName: string;
  hint?: string;
  pending: boolean;
  /** The server's refusal: a name in use shows under the field, anything else above the buttons. */
  error: Error | null;
  onSubmit: (name: string) => void;
  onClose: () => void;
}

/** Asks for a schedule's name: for a new schedule, a copy, or a new name. */
export function ScheduleNameDialog(props: ScheduleNameDialogProps) {
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      {/* Mounted while open only, so each opening starts from the name it is given. */}
      <NameForm {...props} />
    </Dialog>
  );
}

function NameForm({ submitLabel, initialName, hint, pending, error, onSubmit, onClose }: ScheduleNameDialogProps) {
  const [name, setName] = useState(initialName);
  const [problem, setProblem] = useState<string | undefined>();
  const [sent, setSent] = useState<string | undefined>();
  // The server's word on a name holds until the name is changed.
  const serverField = error instanceof ApiError && name.trim() === sent ? error.fields.name : undefined;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const issue = firstIssue(scheduleNameSchema, name);
    setProblem(issue?.message);
    if (issue) return;
    setSent(name.trim());
    onSubmit(name.trim());
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        label="Name"
        name="scheduleName"
        autoFocus
        maxLength={60}
        hint={hint}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          setProblem(undefined);
        }}
        error={problem ?? (serverField && 'You already have a schedule with this name.')}
      />
      {error && !serverField && <Alert>{error.message}</Alert>}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
