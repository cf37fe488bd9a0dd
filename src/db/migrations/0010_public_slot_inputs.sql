-- Everything one public slots answer is computed from, in one statement (one round trip, one prepared plan):
-- the host by username, the live meeting type by slug, the hours it follows, and the host's live bookings
-- around the range (p_margin_ms either side, plus the type's buffers). The host is found as the connecting
-- role (as the app's host lookup does); then the tenant and the unprivileged app role are set for the rest of
-- the statement's transaction, so the tenant tables are read under row level security exactly as withTenant
-- reads them. The caller runs it alone, never inside a transaction of its own.
CREATE FUNCTION public_slot_inputs(p_username text, p_slug text, p_from timestamptz, p_to timestamptz, p_margin_ms bigint)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  h record;
  t record;
  hours jsonb;
  busy jsonb;
  margin interval;
BEGIN
  SELECT u.id, u.time_zone, u.default_org_id, u.email_verified_at IS NOT NULL AS verified
    INTO h FROM users u WHERE u.username = p_username;
  IF NOT FOUND OR h.default_org_id IS NULL THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('app.org_id', h.default_org_id::text, true), set_config('app.user_id', '', true),
    set_config('role', 'tuskhub_app', true);
  SELECT mt.* INTO t FROM meeting_types mt
    WHERE mt.host_user_id = h.id AND mt.slug = p_slug AND mt.archived_at IS NULL;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('host', jsonb_build_object('id', h.id, 'timeZone', h.time_zone, 'verified', h.verified));
  END IF;
  -- The type's own schedule, else the host's default; none saved yet leaves the default hours to the app.
  SELECT jsonb_build_object('timeZone', a.time_zone, 'weekly', a.weekly, 'overrides', a.overrides) INTO hours
    FROM meeting_availability a
    WHERE a.user_id = h.id AND (a.id = t.schedule_id OR a.is_default)
    ORDER BY a.id = t.schedule_id DESC NULLS LAST
    LIMIT 1;
  -- Bookings this far outside the range still matter: the caller's look-around plus this type's buffers.
  margin := (p_margin_ms + (t.buffer_before_minutes + t.buffer_after_minutes) * 60000) * interval '1 millisecond';
  -- Only comparisons the planner may run ahead of the tenant policy (leakproof ones) can drive an index under
  -- row level security; a range overlap (&&) cannot. Since no booking is longer than 720 minutes (migration
  -- 0011's check), start_at is bounded on both sides and the index on (host_user_id, start_at) range-scans the
  -- bookings near the range, however many lie in the past or the far future. Each booking brings its own
  -- type's buffers; times are epoch milliseconds, free of the session's zone.
  SELECT coalesce(jsonb_agg(jsonb_build_array(
      (extract(epoch FROM b.start_at) * 1000)::bigint, (extract(epoch FROM b.end_at) * 1000)::bigint,
      bt.buffer_before_minutes, bt.buffer_after_minutes, b.meeting_type_id = t.id)), '[]'::jsonb)
    INTO busy
    FROM meeting_bookings b JOIN meeting_types bt ON bt.id = b.meeting_type_id
    WHERE b.host_user_id = h.id
      AND b.start_at >= p_from - margin - interval '720 minutes' AND b.start_at < p_to + margin
      AND b.end_at > p_from - margin
      AND b.status IN ('pending', 'confirmed');
  RETURN jsonb_build_object(
    'host', jsonb_build_object('id', h.id, 'timeZone', h.time_zone, 'verified', h.verified),
    'type', jsonb_build_object(
      'id', t.id, 'isActive', t.is_active, 'durationMinutes', t.duration_minutes,
      'slotIntervalMinutes', t.slot_interval_minutes, 'minimumNoticeMinutes', t.minimum_notice_minutes,
      'bufferBeforeMinutes', t.buffer_before_minutes, 'bufferAfterMinutes', t.buffer_after_minutes,
      'bookingWindowDays', t.booking_window_days, 'maxBookingsPerDay', t.max_bookings_per_day),
    'hours', hours,
    'busy', busy);
END $$;
