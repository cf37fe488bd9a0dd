import { useTranslation } from 'react-i18next';
import { TextLink } from '../../ui/TextLink';
import type { Booking, VideoLink } from '../booking/api';
import { LocationText } from '../booking/BookingDetails';
import { isVideo, locationLabel } from '../booking/locations';

function VideoLinkProgress({ video }: { video: VideoLink }) {
  const { t } = useTranslation();
  const label = locationLabel(t, video.provider);
  if (video.status === 'pending') return <span className="block text-slate-600">Creating the {label} link…</span>;
  if (video.status !== 'failed') return null;
  return (
    <span className="block text-red-700">
      {label} link could not be created{video.error ? `: ${video.error}` : '.'}{' '}
      <TextLink href="/settings#connected-apps">Check Connected apps in Settings</TextLink>
    </span>
  );
}

/** The host's "Where": unlike the invitee, the host learns how making the meeting link is going. */
export function HostLocation({ booking }: { booking: Booking }) {
  const { t } = useTranslation();
  const { location, video } = booking;
  const linkMissing = isVideo(location.type) && !location.url && !location.value;
  return (
    <>
      {linkMissing ? locationLabel(t, location.type) : <LocationText location={location} />}
      {!location.url && video && <VideoLinkProgress video={video} />}
    </>
  );
}
