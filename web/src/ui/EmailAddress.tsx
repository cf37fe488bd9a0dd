import { Fragment } from 'react';

/** An address that wraps after its "@" before it wraps mid-word, so a narrow column stays readable. */
export function EmailAddress({ address }: { address: string }) {
  return (
    <span className="break-words">
      {address.split(/(?<=@)/).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
