import { useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { availableActions } from '../../features/hostBookings/hostActions';
import { HostReschedule } from '../../features/hostBookings/HostReschedule';
import { useProfileZone } from '../../features/identity/useProfileZone';
import { Alert } from '../../ui/Alert';
import { PageTitle } from '../../ui/PageTitle';
import { HostBookingFrame } from './HostBookingFrame';

/** /dashboard/bookings/{uid}/reschedule: the host moves a booking to another time its type offers. */
export function RescheduleBookingPage() {
  const { uid = '' } = useParams<{ uid: string }>();
  const [, navigate] = useLocation();
  const zone = useProfileZone();
  const [now] = useState(() => Date.now());

  return (
    <HostBookingFrame uid={uid}>
      {(booking) => {
        const title = `Reschedule ${booking.invitee.name} · ${booking.eventType.title}`;
        return (
          <section className="space-y-4">
            <PageTitle>{title}</PageTitle>
            <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
            {availableActions(booking, now).includes('reschedule') ? (
              <HostReschedule
                booking={booking}
                zone={zone}
                onDone={() => navigate(`/bookings/${uid}?rescheduled=1`, { replace: true })}
              />
            ) : (
              <Alert>This booking can no longer be moved: it is over, cancelled or declined.</Alert>
            )}
          </section>
        );
      }}
    </HostBookingFrame>
  );
}
