-- @articles known errors of a tenant for the knowledge benchmark (./bench.sh knowledge): distractors around the labelled
-- quality set, each with an error message of the same shape (words, masked numbers, ids, hex and times), a title and
-- symptoms drawn from the quality set's vocabulary and a product area of ten, as a grown knowledge base has them.
-- Deterministic (setseed). Parameters: @tenant (text), @articles (integer). The tenant's "bench-" articles are replaced.
DELETE FROM known_error_signature WHERE tenant_id = @tenant AND article_id LIKE 'bench-%';
DELETE FROM known_error WHERE tenant_id = @tenant AND id LIKE 'bench-%';
SELECT setseed(0.17);
WITH words AS (
    SELECT ARRAY['payment', 'declined', 'gateway', 'token', 'expired', 'card', 'blocked', 'issuer', 'invoice', 'rendered',
                 'template', 'cache', 'entry', 'tax', 'rate', 'region', 'export', 'rejected', 'quota', 'exceeded', 'workspace',
                 'timed', 'out', 'reading', 'rows', 'invalid', 'byte', 'sequence', 'encoding', 'saml', 'assertion', 'valid',
                 'clock', 'skew', 'signature', 'certificate', 'code', 'user', 'verification', 'password', 'reset', 'consumed',
                 'session', 'store', 'login', 'requests', 'limit', 'minute', 'key', 'cursor', 'listing', 'webhook', 'delivery',
                 'receiver', 'payload', 'request', 'body', 'upload', 'pending', 'virus', 'scan', 'attachment', 'storage', 'object',
                 'smtp', 'recipient', 'message', 'device', 'digest', 'scheduled', 'window', 'search', 'index', 'lag', 'shard',
                 'query', 'clauses', 'report', 'division', 'column', 'widget', 'cancelled', 'statement', 'timeout', 'skipped',
                 'sync', 'failed', 'field', 'required', 'channel', 'archived', 'plant', 'material', 'address', 'offline',
                 'conflict', 'server', 'version', 'redirect', 'state', 'deadlock', 'batch', 'process', 'duplicate', 'constraint',
                 'order', 'total', 'mismatch', 'rounding', 'label', 'page', 'printer', 'carrier', 'upstream', 'shipment',
                 'queue', 'worker', 'retry', 'connection', 'refused', 'socket', 'closed', 'handshake', 'permission', 'denied',
                 'folder', 'missing', 'schema', 'migration', 'lock', 'held', 'tenant', 'account', 'suspended', 'license',
                 'seat', 'unavailable', 'overloaded', 'stale', 'mapping', 'unknown', 'currency', 'ledger', 'balance', 'negative'] AS w
), drawn AS (
    SELECT n, w, array_length(w, 1) AS size,
           ARRAY(SELECT 1 + floor(random() * array_length(w, 1) + n * 0)::int FROM generate_series(1, 9)) AS pick,
           (ARRAY['billing', 'exports', 'auth', 'api', 'storage', 'notifications', 'search', 'reporting', 'integrations', 'mobile'])[1 + floor(random() * 10)::int] AS area,
           (ARRAY[' <n>', ' <id>', ' <hex>', ' at <time>', ''])[1 + floor(random() * 5)::int] AS mask
    FROM words, generate_series(1, @articles) AS n
), shaped AS (
    SELECT n, area,
           w[pick[1]] || ' ' || w[pick[2]] || ' <n> ' || w[pick[3]] || ': ' || w[pick[4]] || ' ' || w[pick[5]] || mask || ' ' || w[pick[6]] AS signature,
           initcap(w[pick[3]] || ' ' || w[pick[4]] || ' ' || w[pick[7]]) || ' in ' || area AS title,
           'Customers see ' || w[pick[8]] || ' ' || w[pick[9]] || ' after ' || w[pick[1]] || ' ' || w[pick[2]] || '.' AS symptoms
    FROM drawn
)
INSERT INTO known_error (tenant_id, id, version, title, symptoms, error_messages, signatures, signature_text, product_area,
                         affected_versions, workaround, status, fixed_in_version, owner, updated_at, updated_by)
SELECT @tenant, 'bench-' || n, 1, title, symptoms, ARRAY[signature], ARRAY[signature], signature, area,
       ARRAY['5.' || (n % 7)], 'Workaround ' || n || '.', CASE WHEN n % 5 = 0 THEN 'fixed' ELSE 'open' END,
       CASE WHEN n % 5 = 0 THEN '6.' || (n % 3) END, 'bench', now(), 'bench'
FROM shaped;
INSERT INTO known_error_signature (tenant_id, article_id, signature)
SELECT tenant_id, id, signature_text FROM known_error WHERE tenant_id = @tenant AND id LIKE 'bench-%';
