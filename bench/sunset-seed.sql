-- sunset-service benchmark seed: :recipients recipients with a realistic engagement history, as a
-- first evaluation after importing a mail system's history would see it (every status ACTIVE).
-- Run by bench/sunset-bench.sh with psql -v recipients=N; deterministic (setseed).
--   streams:  marketing for everyone, newsletter for 30%, transactional for 20%
--   strong engagement (click 50%, login 30%, reply 10%, conversion 10%): 40% within 60 days,
--             15% 60-100 days ago, 10% 100-130, 13% 130-400, 22% never
--   opens:    70% opened within 30 days whatever they clicked (Apple Mail Privacy Protection)
--   sends since the last strong engagement: 0-29 (about 17% under the minimum of 5)
--   hard bounces: 0.4% one, 0.2% two (suspended); complaints: 0.05% one, 0.03% two (suspended)
SELECT setseed(0.20261129);

INSERT INTO engagement (recipient, stream, first_seen_at, last_sent_at, last_delivered_at, last_opened_at,
    last_clicked_at, last_replied_at, last_logged_in_at, last_converted_at, last_strong_at, last_hard_bounce_at,
    sends_total, sends_since_strong, opens_total, opens_since_strong, hard_bounces, complaints)
SELECT recipient, stream, first_seen, last_sent, last_sent, opened,
       CASE WHEN kind < 0.5 THEN strong END,
       CASE WHEN kind >= 0.5 AND kind < 0.6 THEN strong END,
       CASE WHEN kind >= 0.6 AND kind < 0.9 THEN strong END,
       CASE WHEN kind >= 0.9 THEN strong END,
       strong,
       CASE WHEN bounces > 0 THEN last_sent END,
       sends_since + extra_sends, sends_since, opens, CASE WHEN opened > strong OR strong IS NULL THEN opens ELSE 0 END,
       bounces, complaints
FROM (
    SELECT 'bench-' || lpad(i::text, 7, '0') || '@' || (ARRAY['example.org', 'example.com', 'example.net', 'mail.example'])[1 + i % 4]
               AS recipient,
           s.stream,
           now() - make_interval(days => 400 + floor(random() * 500)::int) AS first_seen,
           now() - make_interval(hours => 1 + floor(random() * 72)::int) AS last_sent,
           CASE WHEN age < 0.40 THEN now() - make_interval(days => floor(random() * 60)::int, hours => floor(random() * 24)::int)
                WHEN age < 0.55 THEN now() - make_interval(days => 60 + floor(random() * 40)::int)
                WHEN age < 0.65 THEN now() - make_interval(days => 100 + floor(random() * 30)::int)
                WHEN age < 0.78 THEN now() - make_interval(days => 130 + floor(random() * 270)::int)
           END AS strong,
           random() AS kind,
           CASE WHEN random() < 0.7 THEN now() - make_interval(days => floor(random() * 30)::int) END AS opened,
           floor(random() * 40)::int AS opens,
           floor(random() * 30)::int AS sends_since,
           floor(random() * 100)::int AS extra_sends,
           CASE WHEN b < 0.004 THEN 1 WHEN b < 0.006 THEN 2 ELSE 0 END AS bounces,
           CASE WHEN c < 0.0005 THEN 1 WHEN c < 0.0008 THEN 2 ELSE 0 END AS complaints
    FROM (SELECT i, random() AS age, random() AS b, random() AS c, random() AS streams FROM generate_series(1, :recipients) AS i) r
    CROSS JOIN LATERAL (SELECT 'marketing' AS stream
                        UNION ALL SELECT 'newsletter' WHERE r.streams < 0.30
                        UNION ALL SELECT 'transactional' WHERE r.streams >= 0.80) s
) x;

VACUUM ANALYZE engagement;
SELECT count(*) AS rows, count(DISTINCT recipient) AS recipients FROM engagement;
