import { describe, expect, test } from 'vitest';
import type { FieldErrors } from '../lib/api';
import { bindFields } from './bindFields';

interface Values {
  name: string;
  kind: 'quick' | 'business';
  secret: boolean;
  offsets: number[];
}

/** A form's state outside React: the values and errors as they stand after each change. */
function form(errors: FieldErrors = {}) {
  const state = { values: { name: '', kind: 'quick', secret: false, offsets: [] } as Values, errors, edits: 0 };
  const fields = () =>
    bindFields<Values>({
      values: state.values,
      setValues: (change) => (state.values = change(state.values)),
      errors: state.errors,
      clearError: (key) => {
        const { [key]: _cleared, ...rest } = state.errors;
        state.errors = rest;
      },
      onEdit: () => state.edits++,
    });
  return { state, fields };
}

const typed = (value: string) => ({ target: { value } });

describe('bindFields', () => {
  test('a text field shows its value and error; typing stores the text and clears the error', () => {
    const { state, fields } = form({ name: 'Enter your name.', kind: 'Choose one.' });
    expect(fields().text('name')).toMatchObject({ value: '', error: 'Enter your name.' });

    fields().text('name').onChange(typed('Hana'));

    expect(fields().text('name')).toMatchObject({ value: 'Hana', error: undefined });
    expect(state.errors).toEqual({ kind: 'Choose one.' });
    expect(state.edits).toBe(1);
  });

  test('parse turns the text into the value kept', () => {
    const { state, fields } = form();
    fields()
      .text('name', { parse: (text) => text.toLowerCase() })
      .onChange(typed('HANA'));
    fields()
      .text('kind', { parse: (text) => (text === 'business' ? 'business' : 'quick') })
      .onChange(typed('business'));
    expect(state.values).toMatchObject({ name: 'hana', kind: 'business' });
  });

  test('an error key other than the field name is read and cleared', () => {
    const { state, fields } = form({ 'invitee.name': 'Enter your name.' });
    const name = fields().text('name', { errorKey: 'invitee.name' });
    expect(name.error).toBe('Enter your name.');
    name.onChange(typed('Hana'));
    expect(state.errors).toEqual({});
  });

  test("a field's onEdit runs with the stored value, after it is stored", () => {
    const { state, fields } = form();
    const seen: [string, string][] = [];
    fields()
      .text('name', { onEdit: (value) => seen.push([value, state.values.name]) })
      .onChange(typed('Hana'));
    expect(seen).toEqual([['Hana', 'Hana']]);
  });

  test('checkbox and value bindings store what their control hands over', () => {
    const { state, fields } = form({ offsets: 'At most 5 reminders.' });
    fields()
      .checked('secret')
      .onChange({ target: { checked: true } });
    const offsets = fields().value('offsets');
    expect(offsets.error).toBe('At most 5 reminders.');
    offsets.onChange([60]);
    expect(state.values).toMatchObject({ secret: true, offsets: [60] });
    expect(state.errors).toEqual({});
    expect(state.edits).toBe(2);
  });

  test('set stores a value under a given error key', () => {
    const { state, fields } = form({ minimumNoticeMinutes: 'Too long.' });
    fields().set('name', 'Hana', 'minimumNoticeMinutes');
    expect(state.values.name).toBe('Hana');
    expect(state.errors).toEqual({});
  });

  test('the types keep each binding to fields of its kind (checked by tsc)', () => {
    const { fields } = form();
    // @ts-expect-error a field of a few strings needs a parse that checks the text
    fields().text('kind');
    // @ts-expect-error a checkbox binds a boolean field only
    fields().checked('name');
    // @ts-expect-error a text binding takes text fields only
    fields().text('offsets', { parse: () => [] });
  });
});
