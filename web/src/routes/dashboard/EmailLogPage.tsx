import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { useProfileDateTime, useProfileZone } from '../../features/identity/useProfileZone';
import { listMessages, messagesKey, type LoggedMessage, type MessageStatus } from '../../features/notifications/api';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmailAddress } from '../../ui/EmailAddress';
import { EmptyState } from '../../ui/EmptyState';
import { Fact } from '../../ui/Fact';
import { focusRing } from '../../ui/focusRing';
import { LoadError, LoadingBlock } from '../../ui/LoadingBlock';
import { SegmentedControl } from '../../ui/SegmentedControl';
import { TableHead, type Column } from '../../ui/TableHead';
import { TimesInZone } from '../../ui/TimesInZone';
import { SectionHeader } from './SectionHeader';

/** The wide-screen table of e-mails; phones get cards. */
const messageColumns: Column[] = [
  { label: 'Subject', className: 'w-[38%] px-4 py-2 font-medium' },
  { label: 'To', className: 'px-4 py-2 font-medium' },
  { label: 'Status', className: 'w-36 px-4 py-2 font-medium' },
  { label: 'Queued / sent', className: 'w-48 px-4 py-2 font-medium' },
];

const filters = [
  { value: 'all', label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
  { value: 'dead', label: 'Gave up' },
] as const;
type Filter = (typeof filters)[number]['value'];

function StatusBadge({ status }: { status: string }) {
  if (status === 'sent') return <Badge tone="green">Sent</Badge>;
  if (status === 'pending') return <Badge>Pending</Badge>;
  if (status === 'failed') return <Badge tone="amber">Failed, will retry</Badge>;
  if (status === 'dead') return <Badge tone="red">Gave up</Badge>;
  return <Badge>{status}</Badge>;
}

export function EmailLogPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const zone = useProfileZone();
  const when = useProfileDateTime();
  const status: MessageStatus | undefined = filter === 'all' ? undefined : filter;
  const messages = useQuery({
    queryKey: [...messagesKey, filter],
    queryFn: ({ signal }) => listMessages(status, signal),
  });
  const deadCount = messages.data?.filter((m) => m.status === 'dead').length ?? 0;

  return (
    <>
      <SectionHeader
        title="E-mail log"
        description="The e-mails sent on your behalf (confirmations, reminders, cancellations) and whether they arrived at the mail server."
        actions={
          <Button variant="secondary" pending={messages.isFetching} onClick={() => messages.refetch()}>
            Refresh
          </Button>
        }
      />
      <TimesInZone zone={zone} />
      <SegmentedControl legend="Show" options={filters} value={filter} onChange={setFilter} />
      {messages.isPending ? (
        <LoadingBlock label="Loading the e-mail log…" />
      ) : messages.isError ? (
        <LoadError what="the e-mail log" error={messages.error} onRetry={() => messages.refetch()} />
      ) : messages.data.length === 0 ? (
        <EmptyState
          title={
            filter === 'all'
              ? 'No e-mails yet'
              : `No ${filters.find((f) => f.value === filter)!.label.toLowerCase()} e-mails`
          }
          description={
            filter === 'dead'
              ? 'Every e-mail got through or is still being retried.'
              : 'E-mails appear here once a booking is made, changed or reminded of.'
          }
        />
      ) : (
        <>
          {deadCount > 0 && filter !== 'dead' && (
            <div role="note" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
              {deadCount === 1 ? '1 e-mail' : `${deadCount} e-mails`} could not be delivered after every retry. Check
              the address and your mail server; the error is shown with each.
            </div>
          )}
          <ul className="space-y-2 md:hidden">
            {messages.data.map((m) => (
              <MessageCard key={m.id} message={m} />
            ))}
          </ul>
          <div className="hidden overflow-hidden rounded-xl bg-white shadow-sm ring-1 ring-slate-200 md:block">
            <table className="w-full table-fixed text-left text-sm">
              <TableHead columns={messageColumns} shaded />
              <tbody className="divide-y divide-slate-100">
                {messages.data.map((m) => (
                  <tr key={m.id} className={m.status === 'dead' ? 'bg-red-50/60' : ''}>
                    <th scope="row" className="px-4 py-3 align-top font-medium break-words text-slate-900">
                      {m.subject}
                      {m.lastError && (
                        <span className="mt-1 block text-xs font-normal break-words text-red-800">
                          Last error: {m.lastError}
                        </span>
                      )}
                    </th>
                    <td className="px-4 py-3 align-top">
                      <EmailAddress address={m.to} />
                    </td>
                    <td className="px-4 py-3 align-top">
                      <StatusBadge status={m.status} />
                      <span className="mt-1 block text-xs text-slate-600">
                        {m.attempts === 1 ? '1 attempt' : `${m.attempts} attempts`}
                      </span>
                    </td>
                    <td className="px-4 py-3 align-top text-slate-700">
                      {when(m.createdAt)}
                      <span className="block text-xs text-slate-600">
                        {m.sentAt ? `Sent ${when(m.sentAt)}` : 'Not sent'}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p className="text-sm text-slate-600">
        Without SMTP, e-mails stay pending and are kept for reading in the{' '}
        <Link href="/mailbox" className={`rounded-sm text-indigo-700 underline ${focusRing}`}>
          Dev mailbox
        </Link>
        .
      </p>
    </>
  );
}

function MessageCard({ message: m }: { message: LoggedMessage }) {
  const when = useProfileDateTime();
  return (
    <li
      className={`rounded-xl p-4 shadow-sm ring-1 ${m.status === 'dead' ? 'bg-red-50 ring-red-200' : 'bg-white ring-slate-200'}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="min-w-0 text-sm font-semibold break-words text-slate-900">{m.subject}</h2>
        <StatusBadge status={m.status} />
      </div>
      <dl className="mt-2 space-y-0.5 text-sm">
        <Fact label="To" className="min-w-0">
          <EmailAddress address={m.to} />
        </Fact>
        <Fact label="Queued">{when(m.createdAt)}</Fact>
        <Fact label="Sent">{m.sentAt ? when(m.sentAt) : 'Not sent'}</Fact>
        <Fact label="Attempts">{m.attempts}</Fact>
        {m.lastError && (
          <Fact label="Last error" className="min-w-0 break-words text-red-800">
            {m.lastError}
          </Fact>
        )}
      </dl>
    </li>
  );
}
