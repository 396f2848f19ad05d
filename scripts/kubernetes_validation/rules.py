"""The rules a reviewer of the manifests would check, over one environment's rendered objects (its workloads and,
when given, its migration Jobs). Each finding is (object, field, message); the caller says which overlay it is in."""
import re

from .facts import (CALLS, CONSUMERS, DATABASE_NAMESPACES, DATABASE_OWNERS, EXTERNAL_SECRETS, REQUIRED_SETTINGS,
                    TRIGGER_METADATA, WORKLOADS)

PLATFORM_COMPONENTS = {"service", "gateway", "portal"}
SENTINEL = "set-by-overlay"
SECRET_NAME = re.compile(r"(password|secret|trustkey|signingkey|keysha256|apikey|privatekey|accesstoken)", re.IGNORECASE)
SECRET_VALUE = [
    (re.compile(r"(password|pwd)\s*=\s*(?!\$\()[^;\s]", re.IGNORECASE), "a password"),
    (re.compile(r"-----BEGIN [A-Z ]*KEY-----"), "key material"),
    (re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@$]+@"), "credentials in a URI"),
    (re.compile(r"^[A-Za-z0-9+/_-]{40,}={0,2}$"), "a base64 key"),
    (re.compile(r"^[0-9a-fA-F]{64}$"), "a 256-bit hex digest or key"),
]


def review(objects, jobs=None):
    """Findings for the environment made of `objects` (one overlay's rendering) and `jobs` (its migrations' rendering)."""
    return list(Review(objects, jobs or []).findings())


class Review:
    def __init__(self, objects, jobs):
        self.objects, self.jobs = objects, jobs
        everything = objects + jobs
        self.by_kind = {}
        for obj in everything:
            self.by_kind.setdefault(obj["kind"], []).append(obj)
        self.deployments = self.by_kind.get("Deployment", [])
        self.config_maps = {obj["metadata"]["name"]: obj.get("data") or {} for obj in self.by_kind.get("ConfigMap", [])}

    def of(self, kind):
        return self.by_kind.get(kind, [])

    def findings(self):
        for rule in (self.containers, self.probes, self.disruption_budgets, self.network_policies, self.calls, self.databases,
                     self.secrets, self.settings, self.autoscaling, self.services, self.routes, self.migrations,
                     self.sentinels):
            yield from rule()

    # Every container: resources, non-root, read-only root file system, no privilege escalation.
    def containers(self):
        for obj in self.of("Deployment") + self.of("Job"):
            pod = obj["spec"]["template"]["spec"]
            pod_security = pod.get("securityContext") or {}
            for path, container in pod_containers(pod):
                resources = container.get("resources") or {}
                if not (resources.get("requests") or {}).get("memory") or not (resources.get("requests") or {}).get("cpu"):
                    yield obj, f"{path}.resources.requests", "needs cpu and memory requests"
                if not (resources.get("limits") or {}).get("memory"):
                    yield obj, f"{path}.resources.limits", "needs a memory limit"
                security = container.get("securityContext") or {}
                if not security.get("runAsNonRoot", pod_security.get("runAsNonRoot")):
                    yield obj, f"{path}.securityContext.runAsNonRoot", "must be true (here or for the pod)"
                if security.get("readOnlyRootFilesystem") is not True:
                    yield obj, f"{path}.securityContext.readOnlyRootFilesystem", "must be true"
                if security.get("allowPrivilegeEscalation") is not False:
                    yield obj, f"{path}.securityContext.allowPrivilegeEscalation", "must be false"
                if "ALL" not in ((security.get("capabilities") or {}).get("drop") or []):
                    yield obj, f"{path}.securityContext.capabilities.drop", "must drop ALL"
                image = container.get("image", "")
                if image.startswith("escalationplatform/") and (":" not in image or image.endswith(":latest")):
                    yield obj, f"{path}.image", f"{image} needs a release tag (the overlay's images:)"

    # Platform workloads are probed on /health (ready) and /alive (live); anything else needs both probes too.
    def probes(self):
        for obj in self.deployments:
            for path, container in pod_containers(obj["spec"]["template"]["spec"], init=False):
                ports = {port.get("name") for port in container.get("ports") or []}
                for probe, expected in (("readinessProbe", "/health"), ("livenessProbe", "/alive")):
                    spec = container.get(probe)
                    if not spec:
                        yield obj, f"{path}.{probe}", "missing"
                        continue
                    if component(obj) in PLATFORM_COMPONENTS:
                        http = spec.get("httpGet") or {}
                        if http.get("path") != expected:
                            yield obj, f"{path}.{probe}.httpGet.path", f"must be {expected}"
                        elif isinstance(http.get("port"), str) and http["port"] not in ports:
                            yield obj, f"{path}.{probe}.httpGet.port", f"names no port of the container ({http['port']})"

    def disruption_budgets(self):
        budgets = self.of("PodDisruptionBudget")
        for obj in self.deployments:
            labels = pod_labels(obj)
            selecting = [pdb for pdb in budgets if selects(pdb["spec"].get("selector"), labels, allow_empty=False)]
            if not selecting:
                yield obj, "spec.template.metadata.labels", "no PodDisruptionBudget selects these pods"
            for pdb in selecting:
                if "minAvailable" in pdb["spec"] and pdb["spec"]["minAvailable"] not in (0, "0%") and self.min_replicas(obj) <= 1:
                    yield pdb, "spec.minAvailable", f"blocks every drain while {name(obj)} may run one replica; use maxUnavailable: 1"

    def network_policies(self):
        policies = self.of("NetworkPolicy")
        if not any(is_default_deny(policy) for policy in policies if policy in self.objects):
            namespace = {"kind": "Namespace", "metadata": {"name": "(namespace)"}}
            yield namespace, "", "no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no rules)"
        for obj in self.deployments:
            own = [policy for policy in policies if "Ingress" in policy["spec"].get("policyTypes", ["Ingress"])
                   and selects(policy["spec"].get("podSelector"), pod_labels(obj), allow_empty=False)]
            if not own:
                yield obj, "spec.template.metadata.labels", "no NetworkPolicy of its own admits ingress to these pods"

    # Every call between workloads is let out by the caller's policies and in by the callee's.
    def calls(self):
        deployments = {name(obj): obj for obj in self.deployments}
        for caller, callee, port_name in CALLS:
            if caller not in deployments or callee not in deployments:
                continue
            source, target = deployments[caller], deployments[callee]
            port = next((p["containerPort"] for _, c in pod_containers(target["spec"]["template"]["spec"], init=False)
                         for p in c.get("ports") or [] if p.get("name") == port_name), None)
            if not self.lets(source, target, port_name, port, "Ingress"):
                yield target, "spec.template.metadata.labels", f"no NetworkPolicy admits {caller} to its {port_name} port"
            if not self.lets(source, target, port_name, port, "Egress"):
                yield source, "spec.template.metadata.labels", f"its NetworkPolicies do not let it reach {callee}'s {port_name} port"

    def lets(self, source, target, port_name, port, direction):
        """Whether the policies of one side (the target's for Ingress, the source's for Egress) allow source -> target:port."""
        own, other = (target, source) if direction == "Ingress" else (source, target)
        policies = [policy for policy in self.of("NetworkPolicy") if direction in policy["spec"].get("policyTypes", ["Ingress"])
                    and selects(policy["spec"].get("podSelector"), pod_labels(own))]
        if not policies:
            return True  # nothing restricts this direction
        for policy in policies:
            for rule in policy["spec"].get(direction.lower()) or []:
                peers = rule.get("from" if direction == "Ingress" else "to")
                ports = rule.get("ports")
                if ports and not any(p.get("port") in (port_name, port) for p in ports):
                    continue
                if not peers or any(admits(peer, pod_labels(other)) for peer in peers):
                    return True
        return False

    # Each database admits its own service and that service's migration Job, and nothing else of the platform.
    def databases(self):
        pods = [(name(obj), pod_labels(obj)) for obj in self.deployments + self.of("Job")]
        clusters = [name(cluster) for cluster in self.of("Cluster")]
        pods += [(f"database {db}", {"cnpg.io/cluster": db}) for db in clusters]
        for db in clusters:
            owner = DATABASE_OWNERS.get(db)
            allowed = {owner, f"{owner}-migration", f"database {db}"}
            policies = [policy for policy in self.of("NetworkPolicy") if "Ingress" in policy["spec"].get("policyTypes", ["Ingress"])
                        and selects(policy["spec"].get("podSelector"), {"cnpg.io/cluster": db}, allow_empty=False)]
            if not policies:
                yield self.named("Cluster", db), "metadata.name", "no NetworkPolicy restricts who reaches this database"
            admitted = set()
            for policy in policies:
                for index, rule in enumerate(policy["spec"].get("ingress") or []):
                    peers = rule.get("from")
                    if not peers:
                        yield policy, f"spec.ingress[{index}]", "admits every source"
                        continue
                    for peer_index, peer in enumerate(peers):
                        at = f"spec.ingress[{index}].from[{peer_index}]"
                        if "ipBlock" in peer:
                            yield policy, at, "admits an address range"
                        elif "namespaceSelector" in peer:
                            namespaces = (peer["namespaceSelector"].get("matchLabels") or {}).get("kubernetes.io/metadata.name")
                            if namespaces not in DATABASE_NAMESPACES:
                                yield policy, at, f"admits namespaces other than {', '.join(sorted(DATABASE_NAMESPACES))}"
                        else:
                            matched = {pod for pod, labels in pods if selects(peer.get("podSelector"), labels)}
                            if not peer.get("podSelector"):
                                yield policy, at, "admits every pod of the namespace"
                            for stranger in sorted(matched - allowed):
                                yield policy, at, f"admits {stranger}, which does not own {db}"
                            admitted |= matched
            for needed in sorted({owner, f"{owner}-migration"} & {pod for pod, _ in pods} - admitted):
                yield self.named("Cluster", db), "metadata.name", f"no NetworkPolicy admits {needed}, which owns this database"
        for obj in self.deployments + self.of("Job"):
            for path, container in pod_containers(obj["spec"]["template"]["spec"]):
                for secret in secret_refs(container):
                    db = secret.removesuffix("-app")
                    if secret.endswith("-app") and DATABASE_OWNERS.get(db) not in (name(obj), name(obj).removesuffix("-migration")):
                        yield obj, f"{path}.env", f"reads {secret}, the credentials of a database it does not own"

    def secrets(self):
        for obj in self.of("Secret"):
            for field in ("data", "stringData"):
                if obj.get(field):
                    yield obj, field, "Secret values do not belong in the repository: reference a Secret the cluster's operator creates"
        for obj in self.deployments + self.of("Job"):
            for path, container in pod_containers(obj["spec"]["template"]["spec"]):
                for index, env in enumerate(container.get("env") or []):
                    at = f"{path}.env[{index}]"
                    if "value" in env and SECRET_NAME.search(env["name"]):
                        yield obj, at, f"{env['name']} is a secret: take it from a Secret (valueFrom.secretKeyRef)"
                    yield from ((obj, at, message) for message in secret_looking(env.get("value")))
                    ref = (env.get("valueFrom") or {}).get("secretKeyRef")
                    if ref and ref["name"] not in EXTERNAL_SECRETS:
                        yield obj, at, f"Secret {ref['name']} is not one docs/operations.md tells the operator to create"
                for index, arg in enumerate((container.get("command") or []) + (container.get("args") or [])):
                    yield from ((obj, f"{path}.command[{index}]", message) for message in secret_looking(arg))
        for obj in self.of("ConfigMap"):
            for key, value in (obj.get("data") or {}).items():
                if SECRET_NAME.search(key):
                    yield obj, f"data.{key}", f"{key} is a secret: it belongs in a Secret, not a ConfigMap"
                yield from ((obj, f"data.{key}", message) for message in secret_looking(value))
        for obj in self.of("ScaledObject"):
            for index, trigger in enumerate(obj["spec"].get("triggers") or []):
                for key, value in (trigger.get("metadata") or {}).items():
                    yield from ((obj, f"spec.triggers[{index}].metadata.{key}", message) for message in secret_looking(value))

    # Every ConfigMap a workload reads exists, the settings it cannot run without are set, and its ports agree.
    def settings(self):
        for obj in self.deployments:
            if component(obj) not in PLATFORM_COMPONENTS:
                continue
            for path, container in pod_containers(obj["spec"]["template"]["spec"], init=False):
                values = {}
                for index, source in enumerate(container.get("envFrom") or []):
                    config_map = (source.get("configMapRef") or {}).get("name")
                    if config_map and config_map not in self.config_maps:
                        yield obj, f"{path}.envFrom[{index}]", f"ConfigMap {config_map} is not part of the rendering"
                    values.update(self.config_maps.get(config_map, {}))
                values.update({env["name"]: env.get("value") for env in container.get("env") or []})
                workload = name(obj)
                database, grpc, endpoints = WORKLOADS.get(workload, (None, False, set()))
                needed = {"OTEL_SERVICE_NAME", "OTEL_EXPORTER_OTLP_ENDPOINT", "ConnectionStrings__cache"}
                needed |= REQUIRED_SETTINGS.get(workload, set())
                if database:
                    needed |= {f"ConnectionStrings__{database}", "Tenancy__TrustKey", "Database__MigrateOnStartup"}
                if endpoints:
                    needed.add("ConnectionStrings__messaging")
                if grpc:
                    needed.add("Kestrel__Endpoints__grpc__Url")
                for missing in sorted(needed - set(values)):
                    yield obj, f"{path}.env", f"{missing} is not set"
                if values.get("Database__MigrateOnStartup", "false") != "false":
                    yield obj, f"{path}.env", "Database__MigrateOnStartup must be false: the migration Jobs migrate, not every replica"
                ports = {port.get("name"): port.get("containerPort") for port in container.get("ports") or []}
                for endpoint in ("http", "grpc"):
                    url = values.get(f"Kestrel__Endpoints__{endpoint}__Url")
                    if url and not url.endswith(f":{ports.get(endpoint)}"):
                        yield obj, f"{path}.ports", \
                            f"Kestrel's {endpoint} endpoint ({url}) is not the container's {endpoint} port ({ports.get(endpoint)})"

    def autoscaling(self):
        scaled = {}
        authentications = {name(obj) for obj in self.of("TriggerAuthentication")}
        deployments = {name(obj) for obj in self.deployments}
        for obj in self.of("ScaledObject"):
            target = obj["spec"]["scaleTargetRef"]["name"]
            scaled.setdefault(target, []).append(("ScaledObject", obj))
            if target not in deployments:
                yield obj, "spec.scaleTargetRef.name", f"no Deployment {target}"
            endpoints = WORKLOADS.get(target, (None, False, set()))[2]
            for index, trigger in enumerate(obj["spec"].get("triggers") or []):
                at = f"spec.triggers[{index}]"
                metadata = trigger.get("metadata") or {}
                allowed = TRIGGER_METADATA.get(trigger["type"])
                if allowed is None:
                    yield obj, f"{at}.type", f"{trigger['type']} is not a scaler these rules know"
                    continue
                for key in sorted(set(metadata) - allowed):
                    yield obj, f"{at}.metadata.{key}", f"not a key the {trigger['type']} scaler reads" + (
                        " from metadata: put the broker's address in a TriggerAuthentication" if key == "host" else "")
                ref = (trigger.get("authenticationRef") or {}).get("name")
                if ref and ref not in authentications:
                    yield obj, f"{at}.authenticationRef.name", f"no TriggerAuthentication {ref}"
                if trigger["type"] == "rabbitmq":
                    if not ref:
                        yield obj, f"{at}.authenticationRef", "needs the broker's credentials from a TriggerAuthentication"
                    queue = metadata.get("queueName")
                    if not queue:
                        yield obj, f"{at}.metadata", "rabbitmq trigger without queueName"
                    elif queue not in endpoints:
                        known = ", ".join(sorted(endpoints)) or "none"
                        yield obj, f"{at}.metadata.queueName", f"{queue} is not a receive endpoint of {target} ({known})"
                    if metadata.get("mode") not in ("QueueLength", "MessageRate") or not is_number(metadata.get("value")):
                        yield obj, f"{at}.metadata", "needs mode QueueLength or MessageRate and a numeric value"
                if trigger["type"] == "prometheus":
                    for key in sorted({"serverAddress", "query", "threshold"} - set(metadata)):
                        yield obj, f"{at}.metadata", f"prometheus trigger without {key}"
                    if f'job="{target}"' not in metadata.get("query", f'job="{target}"'):
                        yield obj, f"{at}.metadata.query", f"does not select {target}'s own series (job=\"{target}\")"
        for obj in self.of("HorizontalPodAutoscaler"):
            target = obj["spec"]["scaleTargetRef"]["name"]
            scaled.setdefault(target, []).append(("HorizontalPodAutoscaler", obj))
            if target not in deployments:
                yield obj, "spec.scaleTargetRef.name", f"no Deployment {target}"
        for obj in self.deployments:
            workload, kinds = name(obj), [kind for kind, _ in scaled.get(name(obj), [])]
            if len(kinds) > 1:
                yield obj, "metadata.name", f"{workload} is scaled by {' and '.join(kinds)}: one autoscaler per Deployment"
            if workload in CONSUMERS and kinds.count("ScaledObject") != 1:
                yield obj, "metadata.name", f"consuming service {workload} needs exactly one ScaledObject"
            if workload in CONSUMERS and "HorizontalPodAutoscaler" in kinds:
                yield obj, "metadata.name", f"consuming service {workload} has an HPA: it scales on its queues (KEDA)"
        if "gateway" in deployments:
            hpas = [obj for kind, obj in scaled.get("gateway", []) if kind == "HorizontalPodAutoscaler"]
            metric_types = {metric["type"] for hpa in hpas for metric in hpa["spec"].get("metrics") or []}
            if not {"Resource", "Pods"} <= metric_types:
                yield self.named("Deployment", "gateway"), "metadata.name", "needs an HPA on CPU (Resource) and request rate (Pods)"

    def services(self):
        for obj in self.of("Service"):
            selector = {"matchLabels": obj["spec"].get("selector") or {}}
            if not any(selects(selector, pod_labels(deployment), allow_empty=False) for deployment in self.deployments):
                yield obj, "spec.selector", "selects no Deployment's pods"
            for index, port in enumerate(obj["spec"].get("ports") or []):
                if port.get("name") == "grpc" and port.get("appProtocol") != "kubernetes.io/h2c":
                    yield obj, f"spec.ports[{index}].appProtocol", "a plain-text gRPC port is kubernetes.io/h2c"

    # Only the gateway and the portal are reachable from outside.
    def routes(self):
        for obj in self.of("HTTPRoute") + self.of("GRPCRoute"):
            for index, rule in enumerate(obj["spec"].get("rules") or []):
                for ref_index, ref in enumerate(rule.get("backendRefs") or []):
                    if ref.get("name") not in ("gateway", "portal"):
                        yield obj, f"spec.rules[{index}].backendRefs[{ref_index}]", \
                            f"exposes {ref.get('name')}: only the gateway and the portal are reachable from outside"

    # One Job per database owner, from the same image as the owner's Deployment, before it.
    def migrations(self):
        if not self.jobs:
            return
        images = {name(obj): container_image(obj) for obj in self.deployments}
        namespaces = {obj["metadata"].get("namespace") for obj in self.objects}
        jobs = {name(obj): obj for obj in self.jobs if obj["kind"] == "Job"}
        for db, owner in sorted(DATABASE_OWNERS.items()):
            job = jobs.get(f"{owner}-migration")
            if job is None:
                yield self.named("Deployment", owner), "metadata.name", f"no migration Job {owner}-migration for {db}"
                continue
            spec, pod = job["spec"], job["spec"]["template"]["spec"]
            container = pod["containers"][0]
            if container.get("command") != ["/app/efbundle", "--connection", f"$(ConnectionStrings__{db})"]:
                yield job, "spec.template.spec.containers[0].command", \
                    f'must be ["/app/efbundle", "--connection", "$(ConnectionStrings__{db})"]'
            if pod.get("restartPolicy") != "Never" or "backoffLimit" not in spec or "ttlSecondsAfterFinished" not in spec:
                yield job, "spec", "needs restartPolicy Never, a backoffLimit and a ttlSecondsAfterFinished"
            if owner in images and container.get("image") != images[owner]:
                yield job, "spec.template.spec.containers[0].image", \
                    f"{container.get('image')} is not the release {owner} runs ({images[owner]})"
            if job["metadata"].get("namespace") not in namespaces:
                yield job, "metadata.namespace", f"not the namespace of the workloads ({', '.join(sorted(map(str, namespaces)))})"

    def sentinels(self):
        for obj in self.objects + self.jobs:
            for path, value in strings(obj):
                if SENTINEL in value:
                    yield obj, path, f"'{SENTINEL}' left: the overlay must set this"

    def min_replicas(self, deployment):
        def targets(obj):
            return obj["spec"]["scaleTargetRef"]["name"] == name(deployment)
        floors = [obj["spec"].get("minReplicaCount", 0) for obj in self.of("ScaledObject") if targets(obj)]  # KEDA's default is 0
        floors += [obj["spec"].get("minReplicas", 1) for obj in self.of("HorizontalPodAutoscaler") if targets(obj)]
        return min(floors) if floors else deployment["spec"].get("replicas", 1)

    def named(self, kind, wanted):
        return next((obj for obj in self.of(kind) if name(obj) == wanted), {"kind": kind, "metadata": {"name": wanted}})


def name(obj):
    return obj["metadata"]["name"]


def component(obj):
    return pod_labels(obj).get("app.kubernetes.io/component")


def pod_labels(obj):
    return ((obj["spec"].get("template") or {}).get("metadata") or {}).get("labels") or {}


def pod_containers(pod, init=True):
    for field in ("containers", "initContainers") if init else ("containers",):
        for index, container in enumerate(pod.get(field) or []):
            yield f"spec.template.spec.{field}[{index}]", container


def container_image(obj):
    return obj["spec"]["template"]["spec"]["containers"][0].get("image")


def secret_refs(container):
    refs = [((env.get("valueFrom") or {}).get("secretKeyRef") or {}).get("name") for env in container.get("env") or []]
    refs += [(source.get("secretRef") or {}).get("name") for source in container.get("envFrom") or []]
    return [ref for ref in refs if ref]


def selects(selector, labels, allow_empty=True):
    """Whether a label selector (matchLabels and matchExpressions) picks pods with these labels."""
    selector = selector or {}
    if not selector.get("matchLabels") and not selector.get("matchExpressions"):
        return allow_empty
    if any(labels.get(key) != value for key, value in (selector.get("matchLabels") or {}).items()):
        return False
    for expression in selector.get("matchExpressions") or []:
        key, operator, values = expression["key"], expression["operator"], expression.get("values") or []
        if not {"In": labels.get(key) in values, "NotIn": labels.get(key) not in values,
                "Exists": key in labels, "DoesNotExist": key not in labels}[operator]:
            return False
    return True


def admits(peer, labels):
    """Whether a NetworkPolicy peer stands for pods with these labels in the same namespace (or for any address)."""
    if "podSelector" in peer and "namespaceSelector" not in peer:
        return selects(peer["podSelector"], labels)
    return (peer.get("ipBlock") or {}).get("cidr") in ("0.0.0.0/0", "::/0")


def is_default_deny(policy):
    spec = policy["spec"]
    return not spec.get("podSelector") and "Ingress" in spec.get("policyTypes", []) and not spec.get("ingress")


def secret_looking(value):
    if isinstance(value, str):
        for pattern, what in SECRET_VALUE:
            if pattern.search(value):
                yield f"the value looks like {what}: secrets come from Secrets"
                return


def is_number(value):
    try:
        float(value)
        return True
    except (TypeError, ValueError):
        return False


def strings(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, f"{path}[{index}]")
    elif isinstance(node, str):
        yield path, node
