// text-base below `sm` keeps inputs at 16px, the size under which iOS Safari zooms the page on focus.
// The focus outline hugs the border (no offset), unlike buttons and links.
export const controlClasses = `block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-xs placeholder:text-slate-400 aria-invalid:border-red-600 sm:text-sm focus-visible:outline-2 focus-visible:outline-indigo-600`;
