import { Route, Switch } from 'wouter';
import { DashboardRoutes } from './routes/dashboard/DashboardRoutes';
import { HomeRedirect } from './routes/HomeRedirect';
import { LoginPage } from './routes/LoginPage';
import { NotFoundPage } from './routes/NotFoundPage';
import { SignupPage } from './routes/SignupPage';

export function App() {
  return (
    <Switch>
      <Route path="/" component={HomeRedirect} />
      <Route path="/signup" component={SignupPage} />
      <Route path="/login" component={LoginPage} />
      {/* The signed-in app lives under /dashboard so top-level paths stay free for public /{username}/{slug} pages. */}
      <Route path="/dashboard" nest component={DashboardRoutes} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
