/** Counts and rates as the viewer's locale writes them, for every figure of the report. */
export const count = new Intl.NumberFormat();
export const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
