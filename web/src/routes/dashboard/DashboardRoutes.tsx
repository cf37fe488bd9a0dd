import { Route, Switch } from 'wouter';
import { NotFoundMessage } from '../NotFoundMessage';
import { AvailabilityPage } from './AvailabilityPage';
import { BookingsPage } from './BookingsPage';
import { DashboardLayout } from './DashboardLayout';
import { MeetingTypeEditorPage } from './MeetingTypeEditorPage';
import { MeetingTypesPage } from './MeetingTypesPage';
import { SectionPlaceholder } from './SectionPlaceholder';
import { SettingsPage } from './SettingsPage';

/** Routes under /dashboard (mounted with `nest`, so paths here are relative to it). */
export function DashboardRoutes() {
  return (
    <DashboardLayout>
      <Switch>
        <Route path="/" component={MeetingTypesPage} />
        <Route path="/types/new" component={MeetingTypeEditorPage} />
        <Route path="/types/:id" component={MeetingTypeEditorPage} />
        <Route path="/availability" component={AvailabilityPage} />
        <Route path="/bookings" component={BookingsPage} />
        <Route path="/analytics">
          <SectionPlaceholder
            title="Analytics"
            emptyTitle="The analytics report is not in the dashboard yet"
            description="Page views, bookings and conversion for each meeting type will appear here. Your booking pages already count views (first-party, without storing IP addresses)."
          />
        </Route>
        <Route path="/webhooks">
          <SectionPlaceholder
            title="Webhooks"
            emptyTitle="Webhooks are not available yet"
            description="Soon you can have bookings, cancellations and reschedules sent to your own endpoints (signed with Standard Webhooks)."
          />
        </Route>
        <Route path="/mailbox">
          <SectionPlaceholder
            title="Dev mailbox"
            emptyTitle="The dev mailbox is not available yet"
            description="On servers without SMTP, the e-mails the app would send (confirmations, reminders) will be readable here."
          />
        </Route>
        <Route path="/settings" component={SettingsPage} />
        <Route>
          <NotFoundMessage />
        </Route>
      </Switch>
    </DashboardLayout>
  );
}
