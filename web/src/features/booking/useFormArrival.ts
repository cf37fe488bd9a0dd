import { useCallback, useEffect, useRef } from 'react';
import { preloadDetailsStep } from './LazyDetailsStep';

/** How long the times show before the form's code starts loading: the times' own requests go first. */
const PRELOAD_AFTER_MS = 1000;

/**
 * The booking page's move from the times to the form. Choosing a time puts focus on the form's heading, not on
 * <body> where the gone time button left it; a form whose code is still loading takes the focus as it appears.
 * While the times show, the form's code loads in the background. Answers the ref for the form's heading.
 */
export function useFormArrival(step: 'pick' | 'form' | 'done') {
  const heading = useRef<HTMLHeadingElement | null>(null);
  const focusOnArrival = useRef(false);
  const previousStep = useRef(step);
  useEffect(() => {
    if (step === 'form' && previousStep.current !== 'form') {
      if (heading.current) heading.current.focus();
      else focusOnArrival.current = true;
    }
    previousStep.current = step;
  }, [step]);

  useEffect(() => {
    if (step !== 'pick') return;
    const timer = window.setTimeout(preloadDetailsStep, PRELOAD_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [step]);

  return useCallback((element: HTMLHeadingElement | null) => {
    heading.current = element;
    if (element && focusOnArrival.current) {
      focusOnArrival.current = false;
      element.focus();
    }
  }, []);
}
