import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useProfileDateTime, useProfileZone } from '../../features/identity/useProfileZone';
import { devOutboxKey, listDevOutbox, type MailboxMessage } from '../../features/notifications/api';
import { ApiError } from '../../lib/api';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Fact } from '../../ui/Fact';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/TextField';
import { TimesInZone } from '../../ui/TimesInZone';
import { SectionHeader } from './SectionHeader';

export function MailboxPage() {
  const [draft, setDraft] = useState('');
  const [to, setTo] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const zone = useProfileZone();
  const when = useProfileDateTime();
  const outbox = useQuery({
    queryKey: [...devOutboxKey, to],
    queryFn: ({ signal }) => listDevOutbox(to, signal),
    // A 404 means "SMTP is configured": a fact about the server, not a hiccup worth retrying.
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 2,
  });
  const disabled = outbox.error instanceof ApiError && outbox.error.status === 404;

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTo(draft.trim());
    setSelectedId(null);
  }

  const messages = outbox.data ?? [];
  const selected = messages.find((m) => m.id === selectedId) ?? null;

  return (
    <>
      <SectionHeader
        title="Dev mailbox"
        description="Without SMTP, the e-mails this server would send are kept here instead, so you can read them while testing."
        actions={
          !disabled && (
            <Button variant="secondary" pending={outbox.isFetching} onClick={() => outbox.refetch()}>
              Refresh
            </Button>
          )
        }
      />
      {disabled ? (
        <EmptyState
          title="The dev mailbox is off on this server"
          description="This server sends e-mail through SMTP (or runs in production), so messages really go out and are not kept here. The E-mail log shows whether they were delivered."
        />
      ) : (
        <>
          <Notice tone="warning">
            Development only: this mailbox shows every queued e-mail on the server, from all accounts, and needs no
            sign-in. Configure SMTP before real people use this server.
          </Notice>
          <form role="search" aria-label="Mailbox" onSubmit={search} className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1 basis-64">
              <TextField
                label="Recipient"
                hint="The exact e-mail address; leave empty for all messages."
                type="email"
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                autoComplete="off"
              />
            </div>
            <div className="flex gap-2 pb-7">
              <Button type="submit">Search</Button>
              {to && (
                <Button
                  variant="secondary"
                  onClick={() => {
                    setDraft('');
                    setTo('');
                    setSelectedId(null);
                  }}
                >
                  Show all
                </Button>
              )}
            </div>
          </form>
          <TimesInZone zone={zone} />
          {outbox.isPending ? (
            <LoadingBlock label="Loading the mailbox…" />
          ) : outbox.isError ? (
            <LoadError what="the mailbox" error={outbox.error} onRetry={() => outbox.refetch()} />
          ) : messages.length === 0 ? (
            <EmptyState
              title={to ? `No e-mails to ${to}` : 'The mailbox is empty'}
              description="Confirmations, reminders and cancellations appear here as soon as they are queued."
            />
          ) : (
            <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
              <section aria-labelledby="mailbox-list-heading" className="min-w-0">
                <h2 id="mailbox-list-heading" className="mb-2 text-sm font-semibold text-slate-900">
                  {messages.length === 1 ? '1 message' : `${messages.length} messages`}
                  {to && ` to ${to}`}
                </h2>
                <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
                  {messages.map((m) => (
                    <li key={m.id}>
                      <button
                        type="button"
                        aria-pressed={m.id === selectedId}
                        onClick={() => setSelectedId(m.id)}
                        className={`block w-full px-4 py-3 text-left ${focusRing} focus-visible:-outline-offset-2 ${
                          m.id === selectedId ? 'bg-indigo-50' : 'hover:bg-slate-50'
                        }`}
                      >
                        <span className="block text-sm font-semibold break-words text-slate-900">{m.subject}</span>
                        <span className="mt-0.5 block text-sm break-all text-slate-700">To {m.to}</span>
                        <span className="mt-0.5 block text-xs text-slate-600">
                          {when(m.createdAt)}
                          {m.attachments.length > 0 &&
                            ` · ${m.attachments.length} attachment${m.attachments.length === 1 ? '' : 's'}`}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
              {selected ? (
                <MessageView key={selected.id} message={selected} />
              ) : (
                <div className="hidden rounded-xl border-2 border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 lg:block">
                  Choose a message to read it.
                </div>
              )}
            </div>
          )}
        </>
      )}
    </>
  );
}

function MessageView({ message }: { message: MailboxMessage }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const when = useProfileDateTime();

  // Opening a message moves focus to it: on phones it sits below the list, out of sight.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  return (
    <article
      aria-labelledby="mailbox-message-heading"
      className="min-w-0 space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5"
    >
      <div className="space-y-1">
        <h2
          id="mailbox-message-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-base font-semibold break-words text-slate-900 outline-none"
        >
          {message.subject}
        </h2>
        <dl className="space-y-0.5 text-sm">
          <Fact label="To" className="break-all">
            {message.to}
          </Fact>
          <Fact label="Queued">{when(message.createdAt)}</Fact>
          <div className="flex flex-wrap items-center gap-x-2">
            <dt className="text-slate-600">Status:</dt>
            <dd>
              <Badge tone={message.status === 'dead' ? 'red' : message.status === 'sent' ? 'green' : 'slate'}>
                {message.status}
              </Badge>
            </dd>
          </div>
        </dl>
      </div>

      {message.attachments.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Attachments</h3>
          <ul className="mt-1 flex flex-wrap gap-2">
            {message.attachments.map((a, i) => (
              <li key={`${a.filename}-${i}`}>
                <a
                  href={`data:${a.contentType};base64,${a.contentBase64}`}
                  download={a.filename}
                  className={`inline-flex min-h-10 items-center rounded-md px-3 py-2 text-sm font-semibold text-indigo-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-50 ${focusRing}`}
                >
                  Download {a.filename}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      {message.html && (
        // sandbox="" gives the e-mail no scripts, no forms, no same-origin access and no top navigation.
        <iframe
          title={`E-mail: ${message.subject}`}
          sandbox=""
          srcDoc={message.html}
          className="h-[32rem] w-full rounded-md bg-white ring-1 ring-slate-200"
        />
      )}
      {message.html ? (
        <details className="group rounded-md ring-1 ring-slate-200">
          <summary className={`cursor-pointer rounded-md px-3 py-2 text-sm font-semibold text-slate-900 ${focusRing}`}>
            Plain-text version
          </summary>
          <PlainText text={message.text} />
        </details>
      ) : (
        <PlainText text={message.text} />
      )}
      <p className="text-sm text-slate-600">
        Delivery state for your own account is in the{' '}
        <Link href="/emails" className={`rounded-sm text-indigo-700 underline ${focusRing}`}>
          E-mail log
        </Link>
        .
      </p>
    </article>
  );
}

function PlainText({ text }: { text: string }) {
  return (
    <pre className="max-h-[32rem] overflow-auto rounded-md bg-slate-50 p-3 font-mono text-sm break-words whitespace-pre-wrap text-slate-800">
      {text || '(This message has no plain-text part.)'}
    </pre>
  );
}
