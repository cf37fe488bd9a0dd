const MAX_SLUG = 64;
const MAX_TITLE = 120;
const TITLE_SUFFIX = ' (copy)';

/** "Intro call (copy)", shortened so that it stays within the title's 120 characters. */
export function copyTitle(title: string): string {
  return `${title.slice(0, MAX_TITLE - TITLE_SUFFIX.length).trimEnd()}${TITLE_SUFFIX}`;
}

/**
 * The first free slug of `intro-copy`, `intro-copy-2`, `intro-copy-3`, …; the original is shortened when the
 * suffix would pass 64 characters, never ending in a dash.
 */
export function copySlug(slug: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const candidate = `${slug.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
