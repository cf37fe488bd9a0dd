import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../../ui/LoadingBlock';
import type { DetailsStepProps } from './DetailsStep';

/*
 * The form, its checks and the rules it shares with the server are a chunk of their own: a visitor sees the
 * times without downloading them, and the page starts loading them once the times are on screen, so by the time
 * a time is chosen they are usually there.
 */
const load = () => import('./DetailsStep');
const DetailsStep = lazy(() => load().then((module) => ({ default: module.DetailsStep })));

/** Starts loading the form's code ahead of need; calling it again costs nothing. */
export const preloadDetailsStep = () => void load();

export function LazyDetailsStep(props: DetailsStepProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<LoadingBlock label={t('form.loading')} rows={2} />}>
      <DetailsStep {...props} />
    </Suspense>
  );
}
