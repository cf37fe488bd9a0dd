import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../ui/TextAreaField';

interface ReasonFieldProps {
  /** Who reads the reason. */
  hint: string;
  value: string;
  onChange: (reason: string) => void;
}

/** Why a booking is cancelled or declined: optional, and as long as the server keeps (1000 characters). */
export function ReasonField({ hint, value, onChange }: ReasonFieldProps) {
  const { t } = useTranslation();
  return (
    <TextAreaField
      label={t('cancel.reason')}
      hint={hint}
      maxLength={1000}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
