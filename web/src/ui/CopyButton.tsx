import { useEffect, useState } from 'react';
import { Button } from './Button';

interface CopyButtonProps {
  text: string;
  /** The visible label; it also names what is copied for screen readers. */
  label: string;
  className?: string;
  /** After the text is on the clipboard (not when the browser could only offer it to copy by hand). */
  onCopied?: () => void;
}

/** Copies `text` and says so; falls back to a prompt where the clipboard API is unavailable (plain HTTP). */
export function CopyButton({ text, label, className = '', onCopied }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
      onCopied?.();
    } catch {
      window.prompt('Copy this:', text);
      setState('failed');
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={copy} className={className}>
        {state === 'copied' ? 'Copied' : label}
      </Button>
      <span role="status" className="sr-only">
        {state === 'copied' ? 'Copied to the clipboard.' : ''}
      </span>
    </>
  );
}
