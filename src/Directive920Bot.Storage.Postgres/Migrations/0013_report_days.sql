-- Report day counters: per unit and local day (the bot's zone), the lessons and announcements delivered that day and
-- how many of those deliveries have been acknowledged since, on time or late (an acknowledgement counts on the day of
-- the delivery it acknowledges). Written in the transaction of the event they count; the console's weekly trend reads
-- them instead of the ledger. Re-acknowledgement requests and re-acknowledgements are left out.
CREATE TABLE report_days (
    id        text PRIMARY KEY,     -- {unit}|{yyyy-MM-dd}
    unit_code text NOT NULL,
    day       text NOT NULL,        -- the bot's local day, yyyy-MM-dd (text order is date order)
    delivered integer NOT NULL,
    on_time   integer NOT NULL,
    late      integer NOT NULL
);
CREATE INDEX report_days_day ON report_days (day);

-- What was stored before: counted by the same rules as ReportCounters (and the embedded store's migration 9), in the
-- zone the service sets as d920.time_zone for its migrations (Bot:TimeZone), else Vietnam's.
WITH zone AS (
    SELECT coalesce(nullif(current_setting('d920.time_zone', true), ''), 'Asia/Ho_Chi_Minh') AS name
), sent AS (
    SELECT unit_code, to_char(coalesce(sent_at, created_at) AT TIME ZONE (SELECT name FROM zone), 'YYYY-MM-DD') AS day, count(*)::integer AS delivered
    FROM deliveries
    WHERE state = 'Sent' AND kind IN ('Lesson', 'Announcement') AND coalesce(item_id, campaign_id) IS NOT NULL
      AND unit_code IS NOT NULL AND payload IS DISTINCT FROM 'reack'
    GROUP BY 1, 2
), acked AS (
    SELECT doc->>'UnitCode' AS unit_code,
           to_char((doc->>'DeliveredAt')::timestamptz AT TIME ZONE (SELECT name FROM zone), 'YYYY-MM-DD') AS day,
           (count(*) FILTER (WHERE (doc->>'OnTime')::boolean))::integer AS on_time,
           (count(*) FILTER (WHERE NOT (doc->>'OnTime')::boolean))::integer AS late
    FROM acknowledgements
    WHERE doc->>'UnitCode' IS NOT NULL AND coalesce(item_id, doc->>'CampaignId') IS NOT NULL
      AND NOT coalesce((doc->>'Reacknowledgement')::boolean, false)
    GROUP BY 1, 2
)
INSERT INTO report_days (id, unit_code, day, delivered, on_time, late)
SELECT coalesce(s.unit_code, a.unit_code) || '|' || coalesce(s.day, a.day), coalesce(s.unit_code, a.unit_code), coalesce(s.day, a.day),
       coalesce(s.delivered, 0), coalesce(a.on_time, 0), coalesce(a.late, 0)
FROM sent s FULL JOIN acked a ON a.unit_code = s.unit_code AND a.day = s.day;
