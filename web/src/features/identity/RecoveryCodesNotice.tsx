import { useState } from 'react';
import { Button } from '../../ui/Button';
import { TextLink } from '../../ui/TextLink';
import { pageState } from './pageNotice';

/**
 * After a log-in with a recovery code, most likely the phone is gone: says how many codes are left and where to
 * turn two-factor off or set it up on a new phone. Shown until put away, on whichever page the host goes to.
 */
export function RecoveryCodesNotice() {
  const [left, setLeft] = useState(() => pageState().recoveryCodesLeft);
  if (left === undefined) return null;
  return (
    <section
      aria-labelledby="recovery-login-heading"
      className="space-y-2 rounded-xl border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950 sm:p-5"
    >
      <h2 id="recovery-login-heading" className="font-semibold">
        You logged in with a recovery code. {left === 1 ? '1 code is left.' : `${left} codes are left.`}
      </h2>
      <p>
        That code no longer works. Lost your phone? In <TextLink href="/settings">Settings</TextLink>, turn two-factor
        authentication off, or turn it off and set it up again on your new phone, which gives you ten new codes. With
        your phone at hand, you can make new codes there too.
      </p>
      <Button variant="ghost" onClick={() => setLeft(undefined)}>
        Dismiss
      </Button>
    </section>
  );
}
