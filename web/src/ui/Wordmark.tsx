export function Wordmark() {
  return (
    <span className="text-base font-semibold tracking-tight text-slate-900">
      TuskHub <span className="text-indigo-600">Meetings</span>
    </span>
  );
}
