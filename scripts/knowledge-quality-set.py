#!/usr/bin/env python3
"""Writes the labelled quality set of the knowledge base search: known errors, and error messages as customers and
frontline quote them, each labelled with the known error it should find (or none). Deterministic (seeded), so the set
and the measured precision and recall change only when this script does.

    python3 scripts/knowledge-quality-set.py > tests/Harness/Knowledge/quality-set.json

Each known error's messages are templates: {n} a number, {id} a UUID, {hex} a hex value, {ts} a timestamp. A query is
one of five shapes of a message with fresh values: as is; inside a log line; cut short; with a typo; quoted in a
sentence. Some known errors are near neighbours (the same words, another cause), and one query in six is an error no
known error describes."""
import json
import random
import uuid

rng = random.Random(17)

ARTICLES = [
    ("card-token-expired", "billing", "Card token expired after the upgrade", ["Payment {n} declined by gateway: token {id} expired at {ts}"]),
    ("card-blocked-by-issuer", "billing", "Card blocked by the issuing bank", ["Payment {n} declined by gateway: card {n} blocked by issuer"]),
    ("invoice-pdf-stale-address", "billing", "Invoice PDF shows the old address", ["Invoice {n} rendered with stale template cache entry {hex}"]),
    ("tax-rate-missing", "billing", "Tax rate missing for a new region", ["No tax rate configured for region {n} on invoice {n}"]),
    ("export-quota", "exports", "Export stops at the workspace quota", ["Export {n} rejected: quota exceeded for workspace {n}"]),
    ("export-timeout-large", "exports", "Large exports time out", ["Export {n} timed out after {n} seconds while reading rows"]),
    ("export-csv-encoding", "exports", "CSV export breaks umlauts", ["Export {n} failed: invalid byte sequence for encoding UTF8: {hex}"]),
    ("sso-clock-skew", "auth", "SSO login fails with clock skew", ["SAML assertion {id} not yet valid: issued at {ts}, clock skew exceeds {n} seconds"]),
    ("sso-cert-rotated", "auth", "SSO after the IdP rotated its certificate", ["SAML signature validation failed for assertion {id}: unknown signing certificate {hex}"]),
    ("mfa-sms-delay", "auth", "MFA codes by SMS arrive late", ["MFA code for user {n} expired before verification at {ts}"]),
    ("password-reset-link", "auth", "Password reset link already used", ["Password reset token {id} already consumed"]),
    ("session-redis-evicted", "auth", "Users logged out after cache eviction", ["Session {id} not found in store, redirecting to login"]),
    ("api-rate-limit-burst", "api", "API clients hit the burst limit", ["HTTP 429 Too Many Requests: rate limit of {n} per minute exceeded for key {hex}"]),
    ("api-pagination-cursor", "api", "Pagination cursor expired", ["Cursor {hex} expired or invalid, restart the listing"]),
    ("api-webhook-signature", "api", "Webhook signature mismatch after secret rotation", ["Webhook delivery {id} rejected by receiver: signature mismatch"]),
    ("api-payload-too-large", "api", "Bulk API payload too large", ["HTTP 413 Payload Too Large: request body of {n} bytes exceeds {n}"]),
    ("storage-upload-virus-scan", "storage", "Uploads stuck in virus scan", ["Upload {id} pending virus scan for {n} minutes"]),
    ("storage-quota-attachments", "storage", "Attachment storage full", ["Attachment {n} rejected: storage quota of {n} GB reached"]),
    ("storage-presigned-expired", "storage", "Download links expire too early", ["Presigned URL for object {hex} expired at {ts}"]),
    ("notify-email-bounce", "notifications", "Notification mails bounce at one domain", ["SMTP 550 5.1.1 recipient rejected for message {id}"]),
    ("notify-push-token", "notifications", "Push notifications not delivered to iOS", ["APNs rejected device token {hex}: BadDeviceToken"]),
    ("notify-digest-timezone", "notifications", "Daily digest sent at the wrong hour", ["Digest {n} scheduled at {ts} outside recipient quiet hours window"]),
    ("search-index-lag", "search", "New records missing from search", ["Search index lag {n} seconds behind primary for shard {n}"]),
    ("search-query-too-complex", "search", "Search with many filters fails", ["Search query {id} rejected: too many clauses ({n} > {n})"]),
    ("report-division-zero", "reporting", "Conversion report fails on empty days", ["Report {n} failed: division by zero in column conversion_rate"]),
    ("report-dashboard-timeout", "reporting", "Dashboard widgets time out", ["Widget {n} query cancelled after {n} ms: statement timeout"]),
    ("report-schedule-dst", "reporting", "Scheduled reports skip a day at DST", ["Scheduled report {n} skipped: next run {ts} not found in time zone Europe/Berlin"]),
    ("integration-salesforce-token", "integrations", "Salesforce sync stops after password change", ["Salesforce sync {n} failed: INVALID_SESSION_ID session expired or invalid"]),
    ("integration-jira-field", "integrations", "Jira sync fails on a required custom field", ["Jira issue create failed: field customfield_{n} is required"]),
    ("integration-slack-archived", "integrations", "Slack alerts to an archived channel", ["Slack post failed: channel {hex} is archived"]),
    ("integration-sap-idoc", "integrations", "SAP IDoc rejected for a missing plant", ["IDoc {n} rejected: plant {n} not maintained for material {n}"]),
    ("mobile-ios-crash-launch", "mobile", "iOS app crashes at launch after update", ["EXC_BAD_ACCESS in ImageCache.load at address {hex}"]),
    ("mobile-android-offline-sync", "mobile", "Android offline changes lost", ["Offline sync conflict for record {id}: server version {n} newer than local {n}"]),
    ("mobile-login-loop", "mobile", "Mobile login loops back to the start", ["OAuth redirect {id} returned without state parameter"]),
    ("db-deadlock-orders", "orders", "Order import deadlocks at night", ["Deadlock detected while importing order batch {n}: process {n} waits for ShareLock"]),
    ("orders-duplicate-sku", "orders", "Duplicate SKU blocks the import", ["duplicate key value violates unique constraint sku_tenant_key: SKU {n}"]),
    ("orders-currency-rounding", "orders", "Totals off by a cent", ["Order {n} total mismatch: expected {n}.{n} got {n}.{n} after currency rounding"]),
    ("print-label-format", "shipping", "Shipping labels cut off", ["Label {n} rendering failed: page size A6 not supported by printer {hex}"]),
    ("shipping-carrier-api", "shipping", "Carrier rates unavailable", ["Carrier rate request {id} failed: upstream 503 Service Unavailable"]),
    ("shipping-address-validation", "shipping", "Address validation rejects PO boxes", ["Address validation failed for shipment {n}: PO Box not allowed for carrier"]),
]

UNRELATED = [
    "Printer on floor {n} is out of toner",
    "VPN tunnel {n} dropped: MTU mismatch on interface eth{n}",
    "Keyboard layout switches to QWERTY after sleep",
    "Calendar invite {id} shows the wrong organiser",
    "Projector in room {n} shows no signal",
    "Spreadsheet macro {hex} blocked by policy",
    "Badge reader at gate {n} denies access",
    "Laptop battery drains overnight",
    "Coffee machine error E{n}: descale required",
    "Teams meeting {id} audio echo",
]

WORDS = ["customer", "reports", "after", "since", "morning", "every", "again", "seeing", "getting", "this"]


def fill(template):
    def value(kind):
        if kind == "n":
            return str(rng.randint(1, 99999))
        if kind == "id":
            return str(uuid.UUID(int=rng.getrandbits(128), version=4))
        if kind == "hex":
            return "0x%08x" % rng.getrandbits(32)
        return "2026-%02d-%02dT%02d:%02d:%02dZ" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))

    out, i = [], 0
    while i < len(template):
        if template[i] == "{":
            end = template.index("}", i)
            out.append(value(template[i + 1:end]))
            i = end + 1
        else:
            out.append(template[i])
            i += 1
    return "".join(out)


def typo(text):
    words = text.split(" ")
    candidates = [i for i, word in enumerate(words) if word.isalpha() and len(word) > 4]
    if not candidates:
        return text
    i = rng.choice(candidates)
    word = words[i]
    j = rng.randint(1, len(word) - 2)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
    return " ".join(words)


def shapes(template):
    yield "as-is", fill(template)
    yield "log-line", "%s ERROR [worker-%d] %s" % (fill("{ts}"), rng.randint(1, 16), fill(template))
    words = fill(template).split(" ")
    yield "cut-short", " ".join(words[:max(3, (len(words) * 3 + 4) // 5)])
    yield "typo", typo(fill(template))
    yield "in-a-sentence", "%s %s: \"%s\"" % (rng.choice(WORDS).capitalize(), rng.choice(WORDS), fill(template))


articles, queries = [], []
for article_id, area, title, messages in ARTICLES:
    articles.append({
        "id": article_id, "title": title, "productArea": area, "owner": "quality-set",
        "symptoms": "Customers report: %s." % title.lower(), "errorMessages": [fill(message) for message in messages],
        "workaround": "Workaround for %s." % title.lower(),
    })
    for shape, text in shapes(messages[0]):
        queries.append({"message": text, "shape": shape, "expected": article_id})

for template in UNRELATED:
    for _ in range(4):
        queries.append({"message": fill(template), "shape": "unrelated", "expected": None})

print(json.dumps({"articles": articles, "queries": queries}, indent=1))
