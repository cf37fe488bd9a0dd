import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { focusRing } from '../../ui/focusRing';
import { editorSections, type EditorSection } from './editorSections';

interface SectionTabsProps {
  active: EditorSection;
  onChange: (section: EditorSection) => void;
  /** Sections holding an error are marked, so a problem in a hidden section is not missed. */
  withErrors: readonly EditorSection[];
  children: ReactNode;
}

const panelId = 'meeting-type-section';
const tabId = (section: EditorSection) => `meeting-type-tab-${section}`;

/**
 * The editor's sections as tabs (WAI-ARIA tabs: one tab stop, arrow keys, Home and End move and open). On a
 * narrow screen the row scrolls sideways instead of wrapping.
 */
export function SectionTabs({ active, onChange, withErrors, children }: SectionTabsProps) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  // Opened from the URL, the section's tab may sit past the edge of a phone's scrolling row: bring it into view.
  useEffect(() => {
    tabs.current[editorSections.findIndex((s) => s.id === active)]?.scrollIntoView({
      block: 'nearest',
      inline: 'nearest',
    });
  }, [active]);

  function keyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = editorSections.findIndex((s) => s.id === active);
    const last = editorSections.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = (next + editorSections.length) % editorSections.length;
    onChange(editorSections[target]!.id);
    tabs.current[target]?.focus();
  }

  return (
    <div className="space-y-6">
      <div
        role="tablist"
        aria-label="Meeting type settings"
        onKeyDown={keyDown}
        className="-mx-4 flex gap-1 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0"
      >
        {editorSections.map((section, index) => {
          const selected = section.id === active;
          const flagged = withErrors.includes(section.id);
          return (
            <button
              key={section.id}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={tabId(section.id)}
              aria-selected={selected}
              aria-controls={panelId}
              tabIndex={selected ? 0 : -1}
              onClick={() => onChange(section.id)}
              className={`-mb-px inline-flex shrink-0 items-center gap-1.5 rounded-t-md border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap ${focusRing} ${
                selected
                  ? 'border-indigo-600 text-indigo-700'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'
              }`}
            >
              {section.label}
              {flagged && (
                <>
                  <span aria-hidden="true" className="size-2 rounded-full bg-red-600" />
                  <span className="sr-only"> (needs attention)</span>
                </>
              )}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(active)} className="space-y-6">
        {children}
      </div>
    </div>
  );
}
