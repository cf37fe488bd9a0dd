import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { BookingForm, type BookingFormProps } from './BookingForm';

export interface DetailsStepProps extends BookingFormProps {
  /** Lets the page move focus to the heading when the invitee arrives from choosing a time. */
  headingRef: Ref<HTMLHeadingElement>;
  onChangeTime: () => void;
}

/** The booking page's second step: the invitee's details for the chosen time. */
export function DetailsStep({ headingRef, onChangeTime, ...form }: DetailsStepProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-step="form" className="max-w-lg space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold tracking-tight outline-none">
          {t('form.heading')}
        </h2>
        <Button variant="ghost" onClick={onChangeTime}>
          {t('form.changeTime')}
        </Button>
      </div>
      <BookingForm {...form} />
    </section>
  );
}
