import { describe, expect, it } from 'vitest';
import { sectionNamed, sectionOfField, sectionsWithErrors } from './editorSections';

describe('the meeting-type editor’s sections', () => {
  it('place each field’s error in the section that shows the field', () => {
    expect(sectionOfField('title')).toBe('details');
    expect(sectionOfField('location.value')).toBe('details');
    expect(sectionOfField('scheduleId')).toBe('availability');
    expect(sectionOfField('minimumNoticeMinutes')).toBe('limits');
    expect(sectionOfField('questions.2.options')).toBe('questions');
    expect(sectionOfField('reminderOffsetsMinutes')).toBe('notifications');
    expect(sectionOfField('redirectUrl')).toBe('advanced');
  });

  it('list the sections holding errors in tab order, and read the URL’s section', () => {
    expect(sectionsWithErrors(['redirectUrl', 'questions.0.label', 'title'])).toEqual([
      'details',
      'questions',
      'advanced',
    ]);
    expect(sectionsWithErrors([])).toEqual([]);
    expect(sectionNamed('limits')).toBe('limits');
    expect(sectionNamed('nope')).toBe('details');
    expect(sectionNamed(null)).toBe('details');
  });
});
