import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { HomeRedirect } from './routes/HomeRedirect';
import { NotFoundPage } from './routes/NotFoundPage';
import { BookingPage } from './routes/public/BookingPage';
import { ManageBookingPage } from './routes/public/ManageBookingPage';
import { ProfilePage } from './routes/public/ProfilePage';
import { PublicPage } from './routes/public/PublicPage';
import { Spinner } from './ui/Spinner';

// The signed-in app and the account pages are chunks of their own: people opening a booking link never
// download them.
const DashboardRoutes = lazy(() =>
  import('./routes/dashboard/DashboardRoutes').then((module) => ({ default: module.DashboardRoutes })),
);
const accountPages = () => import('./routes/accountPages');
const SignupPage = lazy(() => accountPages().then((module) => ({ default: module.SignupPage })));
const LoginPage = lazy(() => accountPages().then((module) => ({ default: module.LoginPage })));
const ForgotPasswordPage = lazy(() => accountPages().then((module) => ({ default: module.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => accountPages().then((module) => ({ default: module.ResetPasswordPage })));
const VerifyEmailPage = lazy(() => accountPages().then((module) => ({ default: module.VerifyEmailPage })));

function PageLoading() {
  return (
    <main className="grid min-h-dvh place-items-center">
      <Spinner label="Loading…" />
    </main>
  );
}

export function App() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Switch>
        <Route path="/" component={HomeRedirect} />
        <Route path="/signup" component={SignupPage} />
        <Route path="/login" component={LoginPage} />
        <Route path="/forgot-password" component={ForgotPasswordPage} />
        <Route path="/reset-password" component={ResetPasswordPage} />
        <Route path="/verify-email" component={VerifyEmailPage} />
        {/* The signed-in app lives under /dashboard so top-level paths stay free for public /{username}/{slug} pages. */}
        <Route path="/dashboard" nest>
          <DashboardRoutes />
        </Route>
        {/* Pages anyone opens speak the visitor's language; the rest of the app is in English. */}
        <Route path="/booking/:uid">
          <PublicPage>
            <ManageBookingPage />
          </PublicPage>
        </Route>
        <Route path="/:username/:slug">
          <PublicPage>
            <BookingPage />
          </PublicPage>
        </Route>
        <Route path="/:username">
          <PublicPage>
            <ProfilePage />
          </PublicPage>
        </Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
