import { parseArgs } from 'node:util';
import { z } from 'zod/mini';
import { createDb, type DbHandle } from '../db/client.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { isConnectionFailure } from '../db/errors.js';
import { systemClock } from '../lib/clock.js';
import { AppError } from '../lib/errors.js';
import { createAccountAdmin, type AccountAdmin } from '../modules/identity/account-admin.service.js';
import { accountLinks } from '../modules/identity/account-links.js';
import { createRecoveryCodesRepo } from '../modules/identity/recovery-codes.repo.js';
import { createIdentityRepo } from '../modules/identity/repo.js';
import { timeZoneSchema } from '../modules/identity/schemas.js';
import { createMeetingTypesService } from '../modules/scheduling/meeting-types.service.js';
import { emailSchema, passwordSchema, personNameSchema, usernameSchema } from '../modules/identity/users.rules.js';
import { loadConfig, type Config } from './config.js';
import { readPassword } from './read-password.js';
import { welcomeHost } from './services.js';

const USAGE = `Usage: npm run --silent admin -- <command> …

  create-user --email <address> --name <name> --username <username> --time-zone <zone> [--password-stdin]
      Makes an account (its address counts as verified) and prints a one-time link, valid for 24 hours, with
      which its owner chooses a password; with --password-stdin, sets the password read from standard input.
  reset-password <email> [--password-stdin]
      Prints a one-time link, valid for 24 hours, to choose a new password; with --password-stdin, sets the
      password read from standard input. Either way, every session of the account ends.
  invite <email>
      Prints a sign-up link for that address (for SIGNUP=invite), valid for 7 days, usable once.
  disable-totp <email>
      Turns two-factor authentication off, for someone who lost both their device and their recovery codes.

Links go to standard output, everything else to standard error. Run it with the server's settings (DATA_DIR or
DATABASE_URL, PUBLIC_URL): it opens the same database and migrates it as the server does at start-up.`;

/** Wrong use of the CLI: exit code 2 with the usage. Refusals (no such account, taken) exit with 1. */
class UsageError extends Error {}

const options = {
  email: { type: 'string' },
  name: { type: 'string' },
  username: { type: 'string' },
  'time-zone': { type: 'string' },
  'password-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      /'--password'/.test(message)
        ? 'There is no --password option: a password on the command line shows in `ps` and shell history. Use --password-stdin and pipe it in, or type it when asked.'
        : message.split('. To specify')[0]!,
    );
  }
}

function valid<T>(schema: z.core.$ZodType<T>, value: unknown, what: string): T {
  if (value === undefined) throw new UsageError(`${what} is missing.`);
  const result = z.safeParse(schema, value);
  if (!result.success) throw new UsageError(`${what}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

async function password(): Promise<string> {
  const typed = await readPassword().catch((error: Error) => {
    throw new UsageError(error.message);
  });
  return valid(passwordSchema, typed, 'The password');
}

type Parsed = ReturnType<typeof parse>;

async function run(admin: AccountAdmin, config: Config, { values, positionals }: Parsed): Promise<void> {
  const [command, ...rest] = positionals;
  const email = () => valid(emailSchema, rest[0] ?? values.email, 'The e-mail address');
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const printLink = (link: string) => {
    process.stdout.write(`${link}\n`);
    if (!process.env.PUBLIC_URL) say(`PUBLIC_URL is not set, so the link starts with ${config.publicUrl}.`);
  };
  switch (command) {
    case 'create-user': {
      const input = {
        email: valid(emailSchema, values.email, '--email'),
        name: valid(personNameSchema, values.name, '--name'),
        username: valid(usernameSchema, values.username, '--username'),
        timeZone: valid(timeZoneSchema, values['time-zone'], '--time-zone'),
      };
      const chosen = values['password-stdin'] ? await password() : undefined;
      const { user, setPasswordUrl } = await admin.createUser(input, chosen);
      say(`Created ${user.email} (username ${user.username}); the address counts as verified.`);
      if (setPasswordUrl) {
        say(`Send its owner this one-time link to choose a password (valid for ${admin.linkValidHours} hours):`);
        printLink(setPasswordUrl);
      }
      return;
    }
    case 'reset-password': {
      const address = email();
      if (values['password-stdin']) {
        await admin.setPassword(address, await password());
        say(`Set a new password for ${address}; every session of the account has ended.`);
        return;
      }
      const link = await admin.resetLink(address);
      say(`One-time link for ${address} to choose a new password (valid for ${admin.linkValidHours} hours):`);
      printLink(link);
      return;
    }
    case 'invite': {
      const address = email();
      const link = await admin.invite(address);
      say(`Sign-up link for ${address} (valid for ${admin.invitationValidDays} days, usable once):`);
      printLink(link);
      if (config.signup !== 'invite') say(`Note: SIGNUP is ${config.signup}, so sign-up does not ask for invitations.`);
      return;
    }
    case 'disable-totp': {
      const address = email();
      await admin.disableTotp(address);
      say(`Two-factor authentication is off for ${address}; they can set it up again after logging in.`);
      return;
    }
    case undefined:
      throw new UsageError('Name a command.');
    default:
      throw new UsageError(`Unknown command ${command}.`);
  }
}

async function main(): Promise<number> {
  let parsed: Parsed;
  let config: Config;
  try {
    parsed = parse(process.argv.slice(2));
    if (parsed.values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    config = loadConfig();
  } catch (error) {
    return fail(error);
  }
  let handle: DbHandle | undefined;
  try {
    handle = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    const db = handle.db;
    const repo = createIdentityRepo(db);
    // Only to give the operator's new host the starter meeting type, as sign-up does: the CLI tells no open
    // pages of changes, a Jitsi type needs no connected account, and it deletes no types.
    const meetingTypes = createMeetingTypesService(
      db,
      () => {},
      async () => {},
      {
        upcomingOfType: () => Promise.reject(new Error('The admin CLI deletes no meeting types.')),
      },
    );
    const admin = createAccountAdmin({
      db,
      repo,
      codes: createRecoveryCodesRepo(db),
      clock: systemClock,
      links: accountLinks(config.publicUrl),
      welcome: welcomeHost(meetingTypes, { warn: (_obj, msg) => process.stderr.write(`${msg}\n`) }),
    });
    await run(admin, config, parsed);
    return 0;
  } catch (error) {
    return fail(error);
  } finally {
    await handle?.close();
  }
}

function fail(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (error instanceof DataDirInUseError || error instanceof AppError) {
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (error instanceof Error && error.message.startsWith('Invalid configuration')) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (isConnectionFailure(error)) {
    process.stderr.write(`Could not reach the database (DATABASE_URL): ${(error as Error).message}\n`);
    return 1;
  }
  throw error;
}

process.exitCode = await main();
