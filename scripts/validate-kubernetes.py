#!/usr/bin/env python3
"""Renders every overlay in deploy/kubernetes/overlays (and its migrations/) with `kubectl kustomize`, validates each
object strictly against the schemas vendored in deploy/schemas, and applies the reviewer rules
(scripts/kubernetes_validation/rules.py). Then the self-test: every case in deploy/kubernetes/tests breaks one thing in
a copy of the production rendering and must be rejected with exactly the errors it expects, which proves the checks
catch what they claim to.

    python3 scripts/validate-kubernetes.py            # exit 0 when everything is valid and every self-test rejected
    KUBECTL=/usr/lib/google-cloud-sdk/bin/kubectl.1.33 python3 scripts/validate-kubernetes.py

Prints "overlay <name>: N objects valid" per overlay, or "<overlay>/<kind>/<name>: <field>: <message>" per error."""
import copy
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import yaml

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
from kubernetes_validation.rules import review  # noqa: E402
from kubernetes_validation.schemas import Loader, Schemas  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KUBERNETES = os.path.join(ROOT, "deploy", "kubernetes")


def main():
    started = time.monotonic()
    kubectl = os.environ.get("KUBECTL") or shutil.which("kubectl")
    if not kubectl or not os.access(kubectl, os.X_OK):
        print("kubectl not found: it renders the Kustomize overlays (`kubectl kustomize`, no cluster needed). "
              "Install kubectl, or set KUBECTL to one.", file=sys.stderr)
        return 2
    environments = sorted(d for d in os.listdir(os.path.join(KUBERNETES, "overlays")) if has_kustomization(KUBERNETES, "overlays", d))
    cases = sorted(f for f in os.listdir(os.path.join(KUBERNETES, "tests")) if f.endswith(".yaml"))
    targets = [f"overlays/{env}" for env in environments]
    targets += [f"overlays/{env}/migrations" for env in environments if has_kustomization(KUBERNETES, "overlays", env, "migrations")]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        renderings = pool.map(lambda target: render(kubectl, target), targets)
        schemas = Schemas(os.path.join(ROOT, "deploy", "schemas"))  # loaded while kubectl renders
        rendered = dict(zip(targets, renderings))
    for problem in schemas.problems:
        print(f"deploy/schemas/{problem}")

    failures = len(schemas.problems)
    for env in environments:
        renderings = {env: rendered[f"overlays/{env}"]}
        if f"overlays/{env}/migrations" in rendered:
            renderings[f"{env}/migrations"] = rendered[f"overlays/{env}/migrations"]
        errors = validate(schemas, renderings)
        for overlay, objects in renderings.items():
            own = [text for where, text in errors if where == overlay]
            for text in own:
                print(text)
            print(f"overlay {overlay}: {len(own)} errors" if own else f"overlay {overlay}: {len(objects)} objects valid")
            failures += len(own)

    # The cases break a valid production rendering; on a broken one their errors would mean nothing.
    if failures or "overlays/production" not in rendered:
        print(f"self-test: not run ({len(cases)} cases), the production overlay above is missing or not valid")
    for case in cases if not failures and "overlays/production" in rendered else []:
        failures += self_test(schemas, case.removesuffix(".yaml"), rendered["overlays/production"])

    verdict = "valid" if not failures else f"{failures} failures"
    print(f"kubernetes manifests: {verdict} ({time.monotonic() - started:.1f} s)")
    return 1 if failures else 0


def has_kustomization(*parts):
    return os.path.isfile(os.path.join(*parts, "kustomization.yaml"))


def render(kubectl, target):
    """The target's objects, or the renderer's complaint as a string."""
    result = subprocess.run([kubectl, "kustomize", os.path.join(KUBERNETES, target)], capture_output=True, text=True)
    if result.returncode != 0:
        return f"kubectl kustomize failed: {result.stderr.strip()}"
    return [doc for doc in yaml.load_all(result.stdout, Loader=Loader) if doc]


def validate(schemas, renderings):
    """(overlay, error line) for one environment: {overlay name: objects} of its workloads and (if any) its migrations."""
    errors, where = [], {}
    for overlay, objects in renderings.items():
        if isinstance(objects, str):
            errors.append((overlay, f"{overlay}: {objects}"))
            continue
        for obj in objects:
            where[id(obj)] = overlay
            errors += [(overlay, line(overlay, obj, field, message)) for field, message in schemas.errors(obj)]
    workloads, jobs = (list(renderings.values()) + [None])[:2]
    if isinstance(workloads, list):
        for obj, field, message in review(workloads, jobs if isinstance(jobs, list) else []):
            overlay = where.get(id(obj), next(iter(renderings)))
            errors.append((overlay, line(overlay, obj, field, message)))
    return errors


def line(overlay, obj, field, message):
    return f"{overlay}/{obj.get('kind')}/{(obj.get('metadata') or {}).get('name')}: {field or '(object)'}: {message}"


def self_test(schemas, case, production):
    """0 when the case's broken copy of the production rendering is rejected with exactly the expected errors, else 1."""
    spec = yaml.load(open(os.path.join(KUBERNETES, "tests", f"{case}.yaml")), Loader=Loader)
    errors = [text for _, text in validate(schemas, {case: broken(production, spec)})]
    missed = [fragment for fragment in spec["expect"] if not any(fragment in error for error in errors)]
    unexpected = [error for error in errors if not any(fragment in error for fragment in spec["expect"])]
    if not errors or missed or unexpected:
        print(f"self-test {case}: FAILED")
        for fragment in missed:
            print(f"  expected an error containing: {fragment}")
        for error in unexpected:
            print(f"  unexpected: {error}")
        return 1
    print(f"self-test {case}: rejected as expected ({len(errors)} error{'s' if len(errors) > 1 else ''})")
    return 0


def broken(objects, spec):
    """A copy of the rendering with the case applied: its target patched (RFC 6902 add, remove, replace) or deleted,
    and its own objects added."""
    objects = list(objects)
    if "target" in spec:
        kind, name = spec["target"]["kind"], spec["target"]["name"]
        index = next(i for i, obj in enumerate(objects) if obj["kind"] == kind and obj["metadata"]["name"] == name)
        target = objects[index] = copy.deepcopy(objects[index])  # the others are shared: validation only reads them
        if spec.get("delete"):
            del objects[index]
        for operation in spec.get("patch") or []:
            *parents, last = [part.replace("~1", "/").replace("~0", "~") for part in operation["path"].split("/")[1:]]
            node = target
            for part in parents:
                node = node[int(part)] if isinstance(node, list) else node[part]
            if isinstance(node, list):
                at = len(node) if last == "-" else int(last)
                {"add": lambda: node.insert(at, operation["value"]), "remove": lambda: node.pop(at),
                 "replace": lambda: node.__setitem__(at, operation["value"])}[operation["op"]]()
            elif operation["op"] == "remove":
                del node[last]
            else:
                node[last] = operation["value"]
    return objects + copy.deepcopy(spec.get("add") or [])


if __name__ == "__main__":
    sys.exit(main())
