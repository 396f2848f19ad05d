-- A tenant's insights read model with @cases escalations over the 90 days before @now, for the insights benchmark
-- (./bench.sh insights): 8 teams, 400 customers (a few escalating often), every status, S1-S4, three clock outcomes,
-- handoffs (some bouncing), reopens, too-early and too-late cases, error signatures. Deterministic (setseed). Shaped like
-- a service desk's history: rows arrive in time order, and a case older than two weeks is almost always finished.
-- Parameters: @tenant (text), @cases (integer), @now (timestamptz). Rows of that tenant are replaced.
DELETE FROM csat_rating WHERE tenant_id = @tenant;
DELETE FROM case_summary WHERE tenant_id = @tenant;
SELECT setseed(0.42);
WITH base AS (
    SELECT n,
           @now - (random() * interval '90 days') AS submitted_at,
           random() AS r_status, random() AS r_sev, random() AS r_team, random() AS r_cust, random() AS r_type,
           random() AS r_clock, random() AS r_hand, random() AS r_quality, random() AS r_time
    FROM generate_series(1, @cases) AS n
), shaped AS (
    SELECT b.*,
           CASE WHEN submitted_at < @now - interval '14 days' AND r_status < 0.97
                THEN CASE WHEN r_status < 0.80 THEN 'closed' WHEN r_status < 0.88 THEN 'resolved' WHEN r_status < 0.94 THEN 'cancelled' ELSE 'deflected' END
                WHEN r_status < 0.55 THEN 'closed' WHEN r_status < 0.65 THEN 'resolved' WHEN r_status < 0.72 THEN 'in-progress'
                WHEN r_status < 0.78 THEN 'acknowledged' WHEN r_status < 0.83 THEN 'assigned' WHEN r_status < 0.87 THEN 'waiting-on-customer'
                WHEN r_status < 0.90 THEN 'needs-information' WHEN r_status < 0.93 THEN 'reopened' WHEN r_status < 0.97 THEN 'cancelled'
                ELSE 'deflected' END AS status,
           CASE WHEN r_sev < 0.05 THEN 'S1' WHEN r_sev < 0.25 THEN 'S2' WHEN r_sev < 0.70 THEN 'S3' ELSE 'S4' END AS severity,
           'team-' || (floor(r_team * 8))::int AS team_id,
           CASE WHEN r_cust < 0.2 THEN 'customer-' || (floor(r_cust * 50))::int ELSE 'customer-' || (floor(r_cust * 400))::int END AS customer_id,
           (ARRAY['technical', 'billing', 'legal', 'access', 'security', 'other'])[1 + floor(r_type * 6)::int] AS issue_type
    FROM base b
)
INSERT INTO case_summary (
    escalation_id, tenant_id, record_at, record, key, title, status, severity, issue_type, product_area, customer_id, customer_name,
    customer_tier, team_id, team_name, source, submitted_by, submitted_at, open, status_since, tta_seconds, ttfr_seconds, ttr_seconds,
    ttr_working_seconds, ever_resolved, reopens, fr_outcome, fr_due_at, fr_target_seconds, upd_outcome, upd_due_at, upd_target_seconds,
    res_outcome, res_due_at, res_target_seconds, status_seconds, handoffs_requested, handoffs_accepted, handoff_wait_seconds,
    handoffs_answered, handoff_team_ids, handoff_team_names, last_activity_at, too_early, too_late, error_signature, flags)
SELECT v.*,
    -- CaseFlags: resolved, reopened, too early, too late, then each clock's outcome in three bits from bit 4, 7 and 10
    (CASE WHEN v.ever_resolved THEN 1 ELSE 0 END) | (CASE WHEN v.ever_resolved AND v.reopens > 0 THEN 2 ELSE 0 END)
    | (CASE WHEN cardinality(v.too_early) > 0 THEN 4 ELSE 0 END) | (CASE WHEN cardinality(v.too_late) > 0 THEN 8 ELSE 0 END)
    | (array_position(ARRAY['running', 'paused', 'met', 'breached', 'stopped'], v.fr_outcome) << 4)
    | (array_position(ARRAY['running', 'paused', 'met', 'breached', 'stopped'], v.upd_outcome) << 7)
    | (array_position(ARRAY['running', 'paused', 'met', 'breached', 'stopped'], v.res_outcome) << 10)
FROM (SELECT
    gen_random_uuid(), @tenant, submitted_at, '{}'::jsonb, 'ESC-' || lpad(n::text, 6, '0'), 'Seeded escalation ' || n, status, severity,
    issue_type, 'area-' || (n % 12), customer_id, initcap(replace(customer_id, '-', ' ')),
    CASE WHEN r_cust < 0.1 THEN 'strategic' WHEN r_cust < 0.4 THEN 'premium' ELSE 'standard' END,
    team_id, 'Team ' || substr(team_id, 6), CASE WHEN n % 5 = 0 THEN 'alertmanager' ELSE 'partner' END, 'key:partner-' || (n % 7),
    submitted_at, status NOT IN ('resolved', 'closed', 'cancelled', 'deflected'), submitted_at + r_time * interval '2 days',
    CASE WHEN status NOT IN ('needs-information', 'assigned', 'deflected') THEN 60 + r_time * 3600 END,
    CASE WHEN status NOT IN ('needs-information', 'assigned', 'deflected') THEN 300 + r_time * 7200 END,
    CASE WHEN status IN ('resolved', 'closed') THEN 3600 + r_time * 300000 END,
    CASE WHEN status IN ('resolved', 'closed') THEN 1800 + r_time * 200000 END,
    status IN ('resolved', 'closed', 'reopened') AS ever_resolved, CASE WHEN status = 'reopened' OR r_quality < 0.03 THEN 1 ELSE 0 END AS reopens,
    CASE WHEN r_clock < 0.8 THEN 'met' WHEN r_clock < 0.9 THEN 'breached' ELSE 'running' END AS fr_outcome,
    submitted_at + interval '4 hours', 14400,
    CASE WHEN r_clock < 0.5 THEN 'met' WHEN r_clock < 0.6 THEN 'breached' WHEN r_clock < 0.95 THEN 'running' ELSE 'paused' END AS upd_outcome,
    @now + (r_time - 0.3) * interval '8 hours', 28800,
    CASE WHEN status IN ('resolved', 'closed') THEN 'met' WHEN r_clock < 0.1 THEN 'breached' ELSE 'running' END AS res_outcome,
    submitted_at + interval '3 days', 259200,
    -- seconds per status in EscalationStatus's order: submitted, needs-information, triaged, deflected, assigned, acknowledged,
    -- in-progress, waiting-on-customer, resolved, closed, reopened, cancelled
    ARRAY[2, NULL, 30 + r_time * 60, NULL, 60 + r_time * 3600, NULL, r_time * 200000, r_hand * 50000, NULL, NULL, NULL, NULL]::float8[],
    CASE WHEN r_hand < 0.2 THEN 1 + floor(r_hand * 20)::int ELSE 0 END,
    CASE WHEN r_hand < 0.2 THEN floor(r_hand * 20)::int ELSE 0 END,
    CASE WHEN r_hand < 0.2 THEN r_hand * 36000 ELSE 0 END,
    CASE WHEN r_hand < 0.2 THEN 1 + floor(r_hand * 20)::int ELSE 0 END,
    CASE WHEN r_hand < 0.2 THEN ARRAY(SELECT 'team-' || ((n + i) % 8) FROM generate_series(1, floor(r_hand * 20)::int) AS i) ELSE ARRAY[]::text[] END,
    CASE WHEN r_hand < 0.2 THEN ARRAY(SELECT 'Team ' || ((n + i) % 8) FROM generate_series(1, floor(r_hand * 20)::int) AS i) ELSE ARRAY[]::text[] END,
    submitted_at + r_time * interval '3 days',
    CASE WHEN status = 'deflected' THEN ARRAY['deflected'] WHEN status = 'needs-information' THEN ARRAY['returned-for-facts']
         WHEN r_quality < 0.05 THEN ARRAY['known-workaround'] ELSE ARRAY[]::text[] END AS too_early,
    CASE WHEN r_quality > 0.95 THEN ARRAY['many-attempts'] WHEN r_quality > 0.92 THEN ARRAY['sla-mostly-gone'] ELSE ARRAY[]::text[] END AS too_late,
    CASE WHEN issue_type = 'technical' THEN 'timeout after <n> ms calling service <id>' || (n % 40) END
FROM shaped
ORDER BY submitted_at) v;
INSERT INTO csat_rating (escalation_id, tenant_id, score, comment, rated_at)
SELECT escalation_id, tenant_id, 1 + (abs(hashtext(key)) % 5), CASE WHEN abs(hashtext(key)) % 4 = 0 THEN 'Seeded comment' END,
       least(@now, submitted_at + interval '4 days')
FROM case_summary WHERE tenant_id = @tenant AND status = 'closed' AND abs(hashtext(title)) % 3 = 0;
-- The benchmark then runs VACUUM ANALYZE (outside this script's transaction), as autovacuum would in service.
