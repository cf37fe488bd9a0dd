import { useEffect, useState } from 'react';
import { Alert } from '../../ui/Alert';

/** Renders the otpauth URL as a QR code; the qrcode library is loaded only when a code is shown. */
export function QrCode({ text }: { text: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((qr) => qr.toDataURL(text, { margin: 1, width: 200, errorCorrectionLevel: 'M' }))
      .then(
        (url) => live && setSrc(url),
        () => live && setFailed(true),
      );
    return () => {
      live = false;
    };
  }, [text]);
  if (failed) return <Alert>Could not draw the QR code. Type the key below into your app instead.</Alert>;
  if (!src) return <div aria-hidden="true" className="size-[200px] animate-pulse rounded-md bg-slate-200" />;
  return (
    <img
      src={src}
      width={200}
      height={200}
      alt="QR code for your authenticator app"
      className="rounded-md ring-1 ring-slate-200"
    />
  );
}
