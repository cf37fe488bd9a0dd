import { Route, Switch } from 'wouter';
import { NotFoundMessage } from '../NotFoundMessage';
import { AnalyticsPage } from './AnalyticsPage';
import { AvailabilityPage } from './AvailabilityPage';
import { BookingDetailsPage } from './BookingDetailsPage';
import { BookingsPage } from './BookingsPage';
import { DashboardLayout } from './DashboardLayout';
import { EmailLogPage } from './EmailLogPage';
import { MailboxPage } from './MailboxPage';
import { MeetingTypeEditorPage } from './MeetingTypeEditorPage';
import { MeetingTypesPage } from './MeetingTypesPage';
import { RescheduleBookingPage } from './RescheduleBookingPage';
import { SettingsPage } from './SettingsPage';
import { SetupPage } from './SetupPage';
import { WebhooksPage } from './WebhooksPage';

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
        <Route path="/bookings/:uid" component={BookingDetailsPage} />
        <Route path="/bookings/:uid/reschedule" component={RescheduleBookingPage} />
        <Route path="/analytics" component={AnalyticsPage} />
        <Route path="/webhooks" component={WebhooksPage} />
        <Route path="/emails" component={EmailLogPage} />
        <Route path="/mailbox" component={MailboxPage} />
        <Route path="/settings" component={SettingsPage} />
        <Route path="/setup" component={SetupPage} />
        <Route>
          <NotFoundMessage />
        </Route>
      </Switch>
    </DashboardLayout>
  );
}
