import { Button } from '../../ui/Button';
import { CopyButton } from '../../ui/CopyButton';
import { Notice } from '../../ui/Notice';

/** The codes as a file people keep: one a line, with what they are for. */
function codesFile(codes: readonly string[]) {
  const site = window.location.host;
  return [
    `TuskHub recovery codes for ${site}`,
    'Each code works once, in place of the code from your app.',
    '',
    ...codes,
    '',
  ].join('\n');
}

function download(codes: readonly string[]) {
  const url = URL.createObjectURL(new Blob([codesFile(codes)], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'tuskhub-recovery-codes.txt';
  link.click();
  URL.revokeObjectURL(url);
}

/** New recovery codes, shown this once: copy or download them, then say they are saved to put them away. */
export function RecoveryCodesList({ codes, onSaved }: { codes: readonly string[]; onSaved: () => void }) {
  return (
    <section
      aria-labelledby="recovery-codes-heading"
      className="space-y-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200"
    >
      <h3 id="recovery-codes-heading" className="text-sm font-semibold text-slate-900">
        Your recovery codes
      </h3>
      <Notice tone="warning">
        Save these codes now: they are shown only this once. If you lose your phone, each code lets you log in one time,
        or turn two-factor authentication off.
      </Notice>
      <ul aria-label="Recovery codes" className="grid grid-cols-1 gap-2 font-mono text-sm min-[360px]:grid-cols-2">
        {codes.map((code) => (
          <li key={code} className="rounded-md bg-white px-3 py-2 text-center tracking-wide ring-1 ring-slate-200">
            {code}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        <CopyButton text={codes.join('\n')} label="Copy codes" />
        <Button variant="secondary" onClick={() => download(codes)}>
          Download (.txt)
        </Button>
        <Button onClick={onSaved}>I have saved them</Button>
      </div>
    </section>
  );
}
