import type { BookingMail } from '../../src/modules/notifications/types.js';

/** A confirmed booking's mail data for template and invitation tests; `overrides` replace whole fields. */
export function bookingMail(overrides: Partial<BookingMail> = {}): BookingMail {
  const manage = 'https://meet.example.com/booking/bk_1?token=invitee-secret';
  return {
    uid: 'bk_1',
    sequence: 0,
    status: 'confirmed',
    title: 'Intro call',
    start: new Date('2026-03-09T14:00:00Z'),
    end: new Date('2026-03-09T14:30:00Z'),
    host: { name: 'Hana Host', email: 'hana@example.com', timeZone: 'Europe/Berlin', hourCycle: 'h23', locale: 'en' },
    invitee: {
      name: 'Ivy Invitee',
      email: 'ivy@example.com',
      timeZone: 'America/New_York',
      hourCycle: 'h23',
      locale: 'en',
    },
    location: { type: 'jitsi', url: 'https://meet.jit.si/tuskhub-bk_1' },
    questions: [],
    answers: {},
    notes: null,
    links: {
      manage,
      cancel: `${manage}&action=cancel`,
      reschedule: `${manage}&action=reschedule`,
      ics: 'https://meet.example.com/api/meetings/bookings/bk_1/ics?token=invitee-secret',
    },
    dashboardUrl: 'https://meet.example.com/dashboard/bookings',
    settingsUrl: 'https://meet.example.com/dashboard/settings#connected-apps',
    ...overrides,
  };
}
