import { useTranslation } from 'react-i18next';
import { focusRing } from '../../ui/focusRing';

interface HourFormatToggleProps {
  hour12: boolean;
  onChange: (hour12: boolean) => void;
}

/** 12-hour / 24-hour clock as a two-button segmented control (a radio group to assistive technology). */
export function HourFormatToggle({ hour12, onChange }: HourFormatToggleProps) {
  const { t } = useTranslation();
  const options = [
    { value: true, label: t('slots.hour12') },
    { value: false, label: t('slots.hour24') },
  ];
  return (
    <div role="radiogroup" aria-label={t('slots.clockFormat')} className="inline-flex rounded-md bg-slate-100 p-0.5">
      {options.map((option) => {
        const checked = option.value === hour12;
        return (
          <button
            key={option.label}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            onClick={() => onChange(option.value)}
            onKeyDown={(event) => {
              if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) {
                event.preventDefault();
                onChange(!hour12);
                const sibling =
                  event.currentTarget.parentElement?.querySelector<HTMLButtonElement>(`[aria-checked="false"]`);
                sibling?.focus();
              }
            }}
            className={`min-h-8 rounded px-3 text-xs font-semibold ${focusRing} ${
              checked ? 'bg-white text-slate-900 shadow-xs' : 'text-slate-600 hover:text-slate-900'
            }`}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
