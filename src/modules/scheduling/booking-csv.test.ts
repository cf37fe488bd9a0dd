import { describe, expect, it } from 'vitest';
import { bookingsCsv, csvField } from './booking-csv.js';
import type { BookingWithContext } from './bookings.repo.js';

function row(overrides: Partial<BookingWithContext['booking']>, questions: { id: string; label: string }[] = []) {
  return {
    booking: {
      uid: 'u1',
      status: 'confirmed',
      rescheduleRequestedAt: null,
      startAt: new Date('2030-01-07T09:00:00Z'),
      endAt: new Date('2030-01-07T09:30:00Z'),
      inviteeName: 'Ivy',
      inviteeEmail: 'ivy@example.com',
      timeZone: 'Europe/Berlin',
      location: { type: 'jitsi', url: 'https://meet.jit.si/room' },
      notes: null,
      hostNote: null,
      cancelReason: null,
      cancelledBy: null,
      noShow: false,
      answers: {},
      createdAt: new Date('2030-01-01T00:00:00Z'),
      ...overrides,
    },
    type: {
      id: 't1',
      title: 'Intro call',
      slug: 'intro',
      questions: questions.map((q) => ({ ...q, type: 'text', required: false })),
    },
  } as BookingWithContext;
}

/** The file's lines without the byte order mark, split as a CSV reader would when no field spans lines. */
const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('CSV fields', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(csvField('a=b')).toBe('a=b');
  });
});

describe('the bookings CSV', () => {
  it('has a header row, a row per booking, CRLF line ends and a byte order mark', () => {
    const csv = bookingsCsv([row({}), row({ uid: 'u2', status: 'cancelled', cancelReason: 'Ill' })]);
    expect(csv.startsWith('\uFEFFuid,status,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, first, second] = lines(csv);
    expect(header).toBe(
      'uid,status,reschedule_requested_at,start,end,meeting_type,meeting_type_slug,invitee_name,invitee_email,' +
        'invitee_time_zone,location,notes,host_note,cancel_reason,cancelled_by,no_show,created_at',
    );
    expect(first).toBe(
      'u1,confirmed,,2030-01-07T09:00:00.000Z,2030-01-07T09:30:00.000Z,Intro call,intro,Ivy,ivy@example.com,' +
        'Europe/Berlin,https://meet.jit.si/room,,,,,no,2030-01-01T00:00:00.000Z',
    );
    expect(second).toContain('u2,cancelled,');
    expect(second).toContain(',Ill,');
  });

  it('gives each question a column headed by its wording, shared by types that ask it alike', () => {
    const company = { id: 'q1', label: 'Company' };
    const csv = bookingsCsv([
      row({ answers: { q1: 'Acme, Inc.' } }, [company]),
      row({ uid: 'u2', answers: { other: 'Initech', agree: true } }, [
        { id: 'other', label: 'Company ' },
        { id: 'agree', label: 'Agree?' },
      ]),
      row({ uid: 'u3', answers: { gone: '=cmd' } }),
    ]);
    const [header, first, second, third] = lines(csv);
    expect(header!.endsWith(',answer: Company,answer: Agree?,answer: gone')).toBe(true);
    expect(first!.endsWith(',"Acme, Inc.",,')).toBe(true);
    expect(second!.endsWith(',Initech,yes,')).toBe(true);
    expect(third!.endsWith(",,,'=cmd")).toBe(true);
  });

  it('carries no manage links or tokens', () => {
    const csv = bookingsCsv([row({ hostNote: 'Call back', location: { type: 'phone', value: '+49 30 1234' } })]);
    expect(csv).not.toMatch(/token|\/booking\//);
    expect(csv).toContain(',Call back,');
    // A phone number starts with + as a formula would: it keeps the quote too.
    expect(csv).toContain(",'+49 30 1234,");
  });
});
