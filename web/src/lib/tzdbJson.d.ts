// @vvo/tzdb publishes its list of current zone names as JSON; importing that file alone keeps the rest of
// its data out of the booking page's first load.
declare module '@vvo/tzdb/time-zones-names.json' {
  const names: string[];
  export default names;
}
