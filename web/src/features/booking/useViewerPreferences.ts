import { useState } from 'react';
import { readStored, writeStored } from '../../lib/storage';
import { detectTimeZone } from '../../lib/timeZones';
import { localePrefersHour12 } from '../../lib/zonedTime';

const ZONE_KEY = 'tuskhub.timeZone';
const HOUR12_KEY = 'tuskhub.hour12';

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface ViewerPreferences {
  timeZone: string;
  hour12: boolean;
  setTimeZone: (zone: string) => void;
  setHour12: (hour12: boolean) => void;
}

/**
 * The zone and clock the visitor reads times in: detected from the browser, and remembered in localStorage
 * once the visitor picks something else, so the next booking page opens the same way.
 */
export function useViewerPreferences(): ViewerPreferences {
  const [timeZone, setZoneState] = useState(() => {
    const stored = readStored(ZONE_KEY);
    return stored && isKnownZone(stored) ? stored : detectTimeZone();
  });
  const [hour12, setHour12State] = useState(() => {
    const stored = readStored(HOUR12_KEY);
    return stored === null ? localePrefersHour12() : stored === 'true';
  });
  return {
    timeZone,
    hour12,
    setTimeZone: (zone) => {
      setZoneState(zone);
      writeStored(ZONE_KEY, zone);
    },
    setHour12: (value) => {
      setHour12State(value);
      writeStored(HOUR12_KEY, String(value));
    },
  };
}
