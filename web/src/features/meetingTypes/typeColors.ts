/** The editor's palette: distinct hues dark enough to read white text on and to see on white. */
export const TYPE_COLORS = [
  { name: 'Indigo', value: '#4f46e5' },
  { name: 'Sky', value: '#0284c7' },
  { name: 'Teal', value: '#0d9488' },
  { name: 'Green', value: '#16a34a' },
  { name: 'Amber', value: '#b45309' },
  { name: 'Red', value: '#dc2626' },
  { name: 'Pink', value: '#db2777' },
  { name: 'Purple', value: '#9333ea' },
] as const;

/** A type's own colour, or else one of the palette's, the same for the type every time (picked by its id). */
export function colorOf(type: { id: string; color: string | null }): string {
  if (type.color) return type.color;
  let hash = 0;
  for (const char of type.id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return TYPE_COLORS[hash % TYPE_COLORS.length]!.value;
}
