import { useId } from 'react';
import type { ValueBinding } from '../../ui/bindFields';
import { controlClasses } from '../../ui/controlClasses';
import { FieldError } from '../../ui/FieldError';
import { colorOf, TYPE_COLORS } from './typeColors';

interface ColorFieldProps extends ValueBinding<string> {
  /** The saved type's id, which picks its palette colour while none is chosen. */
  typeId: string | undefined;
}

const chosen =
  'cursor-pointer ring-offset-2 peer-checked:ring-2 peer-checked:ring-slate-900 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-4 peer-focus-visible:outline-indigo-600';

/** "Automatic", a palette of colours as radio buttons, and any other "#rrggbb" typed or picked. */
export function ColorField({ value, onChange, error, typeId }: ColorFieldProps) {
  const id = useId();
  const automatic = typeId ? colorOf({ id: typeId, color: null }) : TYPE_COLORS[0].value;
  const options = [{ name: 'Automatic', value: '' }, ...TYPE_COLORS];
  const custom = /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : automatic;

  return (
    <fieldset className="space-y-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="sr-only">Colour</legend>
      <div className="flex flex-wrap items-center gap-2">
        {options.map((option) => (
          <label key={option.name} className="relative">
            <input
              type="radio"
              name={`${id}-color`}
              value={option.value}
              checked={value.toLowerCase() === option.value}
              onChange={() => onChange(option.value)}
              className="peer sr-only"
            />
            {option.value ? (
              <>
                <span className={`block size-9 rounded-full ${chosen}`} style={{ backgroundColor: option.value }} />
                <span className="sr-only">{option.name}</span>
              </>
            ) : (
              <span
                className={`inline-flex h-9 items-center gap-2 rounded-full bg-white px-3 text-sm font-medium text-slate-800 ring-1 ring-slate-300 ${chosen}`}
              >
                <span aria-hidden="true" className="size-3 rounded-full" style={{ backgroundColor: automatic }} />
                {option.name}
              </span>
            )}
          </label>
        ))}
      </div>
      <div className="flex max-w-xs items-center gap-2">
        <input
          type="color"
          aria-label="Pick a custom colour"
          value={custom}
          onChange={(event) => onChange(event.target.value)}
          className="h-10 w-12 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
        />
        <input
          aria-label="Custom colour (#rrggbb)"
          aria-invalid={error ? true : undefined}
          placeholder="#4f46e5"
          spellCheck={false}
          autoCapitalize="none"
          maxLength={7}
          name="color"
          value={value}
          onChange={(event) => onChange(event.target.value.trim())}
          className={controlClasses}
        />
      </div>
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </fieldset>
  );
}
