import { Route, Switch } from 'wouter';
import { NotFoundMessage } from '../NotFoundMessage';
import { DashboardLayout } from './DashboardLayout';
import { SectionPlaceholder } from './SectionPlaceholder';

/** Routes under /dashboard (mounted with `nest`, so paths here are relative to it). */
export function DashboardRoutes() {
  return (
    <DashboardLayout>
      <Switch>
        <Route path="/">
          <SectionPlaceholder
            title="Meeting types"
            emptyTitle="Your meeting types will appear here"
            description="A meeting type is a kind of meeting people can book with you, such as a 30-minute intro call. Each one gets its own booking link."
          />
        </Route>
        <Route path="/availability">
          <SectionPlaceholder
            title="Availability"
            emptyTitle="Your availability will appear here"
            description="Set the weekly hours when people can book you, and the dates that differ from them."
          />
        </Route>
        <Route path="/bookings">
          <SectionPlaceholder
            title="Bookings"
            emptyTitle="Your bookings will appear here"
            description="Upcoming, pending and past meetings that people booked with you."
          />
        </Route>
        <Route path="/analytics">
          <SectionPlaceholder
            title="Analytics"
            emptyTitle="Your analytics will appear here"
            description="Page views, bookings and conversion for each of your meeting types."
          />
        </Route>
        <Route path="/settings">
          <SectionPlaceholder
            title="Settings"
            emptyTitle="Your settings will appear here"
            description="Your profile, time zone, two-factor authentication and API keys."
          />
        </Route>
        <Route>
          <NotFoundMessage />
        </Route>
      </Switch>
    </DashboardLayout>
  );
}
