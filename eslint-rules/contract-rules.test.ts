/* The lint rules in this folder that keep the web app on the server's contract. */
import { join, resolve } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, it } from 'vitest';
import { contractTypes } from './contract-types.js';
import contract from './index.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });
const webFile = join(resolve(import.meta.dirname, '..'), 'web', 'src', 'features', 'booking', 'api.ts');
const rule = (name: string) => contract.rules![name]!;

// The first use reads the server's contract types with the TypeScript API: seconds on a busy machine, which
// must not count against the first case's time limit.
beforeAll(() => void contractTypes(), 120_000);

tester.run('contract/no-copies', rule('no-copies'), {
  valid: [
    { filename: webFile, code: "import type { BookingView } from 'x';\nexport type Booking = BookingView;" },
    { filename: webFile, code: "export type { PublicHost } from '../../../../src/modules/scheduling/schemas';" },
    { filename: webFile, code: 'interface SlotRange { user: string; type: string; from: number; to: number }' },
    // Too few fields to call a copy by its shape alone.
    { filename: webFile, code: 'interface Span { start: string; end: string }' },
  ],
  invalid: [
    {
      filename: webFile,
      code: 'interface BookingView { uid: string }',
      errors: [
        {
          message:
            "'BookingView' copies the server contract type BookingView (src/modules/scheduling/schemas.ts) by hand: import it with `import type` from there.",
        },
      ],
    },
    {
      filename: webFile,
      code: "type LocationType = 'jitsi' | 'zoom';\ntype PublicHost = { name: string; username: string; timeZone: string };",
      errors: [{ messageId: 'sameName' }, { messageId: 'sameName' }],
    },
    {
      filename: webFile,
      code: [
        'interface HostsBooking {',
        '  uid: string; status: string; start: string; end: string; timeZone: string; locale: string;',
        '  eventType: object; host: object; invitee: object; location: object; answers: object;',
        '  notes: string | null; cancelReason: string | null; noShow: boolean; reminders: object[];',
        '  rescheduleRequestedAt: string | null; links?: object; video?: object | null; hostNote?: string | null;',
        '}',
      ].join('\n'),
      errors: [
        {
          message:
            "'HostsBooking' has exactly the fields of the server contract type BookingView (src/modules/scheduling/schemas.ts): import that type with `import type` instead of copying it.",
        },
      ],
    },
    {
      filename: webFile,
      code: 'type Invitee = { name: string; username: string; timeZone: string };',
      errors: [{ messageId: 'sameFields' }],
    },
  ],
});

tester.run('contract/server-imports', rule('server-imports'), {
  valid: [
    { filename: webFile, code: "import type { BookingView } from '../../../../src/modules/scheduling/schemas';" },
    { filename: webFile, code: "export type { Slot } from '../../../../src/modules/scheduling/schemas';" },
    { filename: webFile, code: "import { WEBHOOK_EVENTS } from '../../../../src/db/schema/values';" },
    { filename: webFile, code: "import { inviteeSchema } from '../../../../src/modules/scheduling/bookings.rules';" },
    { filename: webFile, code: "import { plainMessage } from '../../../../src/lib/validation';" },
    { filename: webFile, code: "import { api } from '../../lib/api';" },
  ],
  invalid: [
    {
      filename: webFile,
      code: "import { bookingSchema } from '../../../../src/modules/scheduling/schemas';",
      errors: [{ messageId: 'runtime' }],
    },
    {
      // An inline `type` still loads the module at run time under verbatimModuleSyntax.
      filename: webFile,
      code: "import { type Availability } from '../../../../src/modules/scheduling/schemas';",
      errors: [{ messageId: 'runtime' }],
    },
    {
      filename: webFile,
      code: "export { canonicalTimeZone } from '../../../../src/lib/time-zones';",
      errors: [{ messageId: 'runtime' }],
    },
  ],
});
