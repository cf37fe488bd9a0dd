/** The meeting-type editor's sections, in tab order; the URL's `?section=` names the open one. */
export const editorSections = [
  { id: 'details', label: 'Details' },
  { id: 'availability', label: 'Availability' },
  { id: 'limits', label: 'Limits' },
  { id: 'questions', label: 'Questions' },
  { id: 'notifications', label: 'Notifications' },
  { id: 'advanced', label: 'Advanced' },
] as const;
export type EditorSection = (typeof editorSections)[number]['id'];

/** Which section shows a field's error, by the server's field path; what no section claims is a detail. */
const FIELDS: [RegExp, EditorSection][] = [
  [/^(scheduleId|slotIntervalMinutes)$/, 'availability'],
  [/^(minimumNoticeMinutes|bookingWindowDays|maxBookingsPerDay|bufferBeforeMinutes|bufferAfterMinutes)$/, 'limits'],
  [/^questions(\.|$)/, 'questions'],
  [/^reminderOffsetsMinutes$/, 'notifications'],
  [/^(requiresConfirmation|isActive|isSecret|color|redirectUrl|redirectWithDetails)$/, 'advanced'],
];

export function sectionOfField(field: string): EditorSection {
  return FIELDS.find(([pattern]) => pattern.test(field))?.[1] ?? 'details';
}

/** The section a URL asks for; an unknown or missing one opens the details. */
export function sectionNamed(name: string | null): EditorSection {
  return editorSections.find((s) => s.id === name)?.id ?? 'details';
}

/** The sections that hold an error, in tab order: the editor opens the first after a failed save. */
export function sectionsWithErrors(fields: readonly string[]): EditorSection[] {
  const holding = new Set(fields.map(sectionOfField));
  return editorSections.map((s) => s.id).filter((id) => holding.has(id));
}
