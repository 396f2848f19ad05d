"""What the platform is, as the reviewer rules need it: read from the code, not from the manifests under test.

Receive endpoint names come from MassTransit's KebabCaseEndpointNameFormatter (no prefix, no namespace): a consumer's
class name without "Consumer", a saga's state (instance) class name without "Saga", or a definition's own name. The
registrations are in services/<Service>/<Service>.Api/Extensions/ApplicationServiceExtensions.cs."""

# workload -> (database it owns, serves gRPC, receive endpoints)
WORKLOADS = {
    "intake-api": ("intakedb", True, {
        "escalation-record",          # LifecycleStateMachine over EscalationRecord (saga)
        "webhook-interest-changed",   # WebhookInterestChangedConsumer
        "in-app-feed-changed",        # InAppFeedChangedConsumer
    }),
    "triage-api": ("triagedb", True, {
        "assess-escalation",          # AssessEscalationConsumer
        "repeat-customer",            # RepeatCustomerConsumer
        "problem-detection",          # ProblemDetectionConsumer (batches)
    }),
    "routing-api": ("routingdb", True, {
        "offer-state",                # OfferStateMachine over OfferState (saga)
        "handoff-timeout",            # HandoffTimeoutConsumer
    }),
    "sla-api": ("sladb", True, {
        "clocks-state",               # ClocksStateMachine over ClocksState (saga)
        "replan-open-clocks",         # ReplanOpenClocksConsumer
    }),
    "notification-api": ("notificationdb", False, {
        "escalation-events",          # EscalationEventsConsumer
        "problem-events",             # ProblemEventsConsumer
        "notification-webhook-events",  # RelayedEventsConsumer: WebhookRelay.QueueName, set by its definition
    }),
    "insights-api": ("insightsdb", False, {
        "record-changes",             # RecordChangesConsumer (batches)
    }),
    "gateway": ("gatewaydb", True, set()),
    "portal": (None, False, set()),
}

# Who calls whom inside the cluster (AppHost/AppHost.cs references, gateway/Gateway/Proxy/GatewayRoutes.cs), on which
# named container port: each must be let through by the callee's ingress and the caller's egress policies.
CALLS = [
    *(("gateway", service, "http")
      for service in ("intake-api", "triage-api", "routing-api", "sla-api", "notification-api", "insights-api")),
    ("gateway", "intake-api", "grpc"),  # partner gRPC (escalation.v1.Escalations)
    ("intake-api", "sla-api", "grpc"),
    ("intake-api", "triage-api", "grpc"),
    ("triage-api", "intake-api", "grpc"),
    ("sla-api", "routing-api", "grpc"),
    ("insights-api", "intake-api", "grpc"),
    ("portal", "gateway", "http"),
]

DATABASE_OWNERS = {database: workload for workload, (database, _, _) in WORKLOADS.items() if database}
CONSUMERS = {workload for workload, (_, _, endpoints) in WORKLOADS.items() if endpoints}

# Secrets the manifests read but never contain: made by the operators, or by whoever runs the cluster
# (docs/operations.md, "Secrets").
EXTERNAL_SECRETS = {
    "platform-trust-key", "platform-operator-key", "platform-cache", "portal-oidc", "messaging-default-user",
    *(f"{database}-app" for database in DATABASE_OWNERS),
}

# Keys each KEDA scaler reads from a trigger's metadata (pkg/scalers/*_scaler.go at v2.20.2). "host" is missing on
# purpose: it carries the broker's credentials and must come from a TriggerAuthentication.
TRIGGER_METADATA = {
    "rabbitmq": {"queueName", "mode", "value", "activationValue", "vhostName", "protocol", "useRegex",
                 "excludeUnacknowledged", "pageSize", "operation", "timeout", "unsafeSsl", "hostFromEnv"},
    "cpu": {"value", "containerName"},
    "prometheus": {"serverAddress", "query", "queryParameters", "threshold", "activationThreshold", "namespace",
                   "customHeaders", "ignoreNullValues", "unsafeSsl", "awsRegion", "timeout", "identityOwner"},
}

# Namespaces outside the platform's that may reach a database: the CloudNativePG operator and Prometheus.
DATABASE_NAMESPACES = {"cnpg-system", "monitoring"}

# Settings a workload cannot run correctly without, wherever they come from (ConfigMap or Secret).
REQUIRED_SETTINGS = {
    "notification-api": {"Notification__PortalUrl", "Notification__GatewayUrl", "ConnectionStrings__mail"},
    "gateway": {"Operators__0__Name", "Operators__0__KeySha256"},
    "portal": {"Portal__GatewayUrl", "ConnectionStrings__cache"},
}
