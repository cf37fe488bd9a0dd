/** The keys of `T` whose values are of type `V`. */
type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T] & string;

interface FieldOptions<V> {
  /** The name the field's error goes by, when it is not the field's own, e.g. the server's path "invitee.name". */
  errorKey?: string;
  /** Runs after the new value is stored, for what changes with it (a slug that follows the title). */
  onEdit?: (value: V) => void;
}

interface TextOptions<V> extends FieldOptions<V> {
  /** Turns the text typed or chosen into the value kept, e.g. lower-casing a username. */
  parse?: (text: string) => V;
}

/** `parse` may be left out only where the field takes any text; a field of a few strings must check its own. */
type TextOptionsFor<V> = string extends V
  ? [options?: TextOptions<V>]
  : [options: TextOptions<V> & { parse: (text: string) => V }];

/** Props for a text input, a text area or a select; `V` narrows the value to a select's options. */
export interface TextBinding<V extends string = string> {
  value: V;
  onChange: (event: { target: { value: string } }) => void;
  error: string | undefined;
}

/** Props for a checkbox. */
export interface CheckedBinding {
  checked: boolean;
  onChange: (event: { target: { checked: boolean } }) => void;
  error: string | undefined;
}

/** Props for a control that hands over its new value itself, such as the time-zone picker. */
export interface ValueBinding<V> {
  value: V;
  onChange: (value: V) => void;
  error: string | undefined;
}

export interface FormState<T> {
  values: T;
  /** Takes an update rather than a value, so edits that land together all count (React's own state setter fits). */
  setValues: (change: (previous: T) => T) => void;
  /** Messages by field name (or error key); a form's FieldErrors, or a single field's own. */
  errors: Readonly<Record<string, string | undefined>>;
  /** Clears one field's error: once the user edits a field, its old error no longer describes it. */
  clearError: (name: string) => void;
  /** Runs after any edit, e.g. to take back a "Saved." that no longer holds. */
  onEdit?: () => void;
}

/**
 * Binds the fields of a form's state to their controls: each gets its value, a change handler that stores the
 * new value and clears the field's error, and that error. The form keeps its state where it likes (its own
 * useState, or a parent's) and its errors likewise (usually useFormErrors).
 */
export function bindFields<T extends object>({ values, setValues, errors, clearError, onEdit }: FormState<T>) {
  function set<K extends keyof T & string>(name: K, value: T[K], errorKey: string = name) {
    setValues((previous) => ({ ...previous, [name]: value }));
    clearError(errorKey);
    onEdit?.();
  }

  /** What every kind of binding shares: the field's error, and storing a new value. */
  function field<K extends keyof T & string>(name: K, { errorKey = name, onEdit: onFieldEdit }: FieldOptions<T[K]>) {
    return {
      error: errors[errorKey],
      store(value: T[K]) {
        set(name, value, errorKey);
        onFieldEdit?.(value);
      },
    };
  }

  return {
    set,
    /** For an edit that makes another field's error stale. */
    clearError,
    text<K extends KeysOf<T, string>>(name: K, ...[options = {}]: TextOptionsFor<T[K]>): TextBinding<T[K] & string> {
      // Without `parse` the field takes any text, which TextOptionsFor checks at the call.
      const parse = options.parse ?? ((text: string) => text as T[K]);
      const { error, store } = field(name, options);
      return { value: values[name] as T[K] & string, onChange: (event) => store(parse(event.target.value)), error };
    },
    checked<K extends KeysOf<T, boolean>>(name: K, options: FieldOptions<T[K]> = {}): CheckedBinding {
      const { error, store } = field(name, options);
      return { checked: values[name] as boolean, onChange: (event) => store(event.target.checked as T[K]), error };
    },
    value<K extends keyof T & string>(name: K, options: FieldOptions<T[K]> = {}): ValueBinding<T[K]> {
      const { error, store } = field(name, options);
      return { value: values[name], onChange: store, error };
    },
  };
}

export type FieldBinder<T extends object> = ReturnType<typeof bindFields<T>>;
