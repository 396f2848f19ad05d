"""Validators for every kind the manifests use, from the schemas vendored in deploy/schemas (checked against the
sha256 in deploy/schemas/VERSIONS), made strict: an object with known properties accepts no others, as the API
server's field validation does, unless the schema says it keeps unknown fields."""
import copy
import hashlib
import json
import os

import yaml
from jsonschema import Draft7Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

OBJECT_META = "k8s#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def checked_files(directory):
    """The schema files VERSIONS lists that are there and unchanged, and what is wrong with the others (or unlisted)."""
    rows = [line.split() for line in open(os.path.join(directory, "VERSIONS")) if line.strip() and not line.startswith("#")]
    problems, files = [], []
    for name, sha256, *_ in rows:
        path = os.path.join(directory, name)
        if not os.path.exists(path):
            problems.append(f"{name}: listed in VERSIONS but missing")
            continue
        actual = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if actual != sha256:
            problems.append(f"{name}: sha256 {actual} is not the {sha256} VERSIONS records (not used)")
            continue
        files.append(path)
    listed = {row[0] for row in rows}
    problems += [f"{name}: not listed in VERSIONS" for name in sorted(os.listdir(directory)) if name != "VERSIONS" and name not in listed]
    return files, problems


def strict(node):
    if isinstance(node, dict):
        if "properties" in node and "additionalProperties" not in node and not node.get("x-kubernetes-preserve-unknown-fields"):
            node["additionalProperties"] = False
        for value in node.values():
            strict(value)
    elif isinstance(node, list):
        for value in node:
            strict(value)
    return node


class Schemas:
    def __init__(self, directory):
        files, self.problems = checked_files(directory)
        definitions = [f for f in files if f.endswith(".json")]
        k8s = strict(json.load(open(definitions[0]))) if definitions else {"definitions": {}}
        self._registry = Registry().with_resource("k8s", Resource.from_contents(
            {"$schema": "http://json-schema.org/draft-07/schema#", **k8s}, default_specification=DRAFT7))
        self._schemas = {}
        for name, definition in k8s["definitions"].items():
            for gvk in definition.get("x-kubernetes-group-version-kind", []):
                api_version = f"{gvk['group']}/{gvk['version']}" if gvk["group"] else gvk["version"]
                self._schemas[(api_version, gvk["kind"])] = {"$ref": f"k8s#/definitions/{name}"}
        for path in (f for f in files if f.endswith(".yaml")):
            crd = yaml.load(open(path), Loader=Loader)
            for version in crd["spec"]["versions"]:
                schema = strict(copy.deepcopy(version["schema"]["openAPIV3Schema"]))
                schema["properties"]["metadata"] = {"$ref": OBJECT_META}
                self._schemas[(f"{crd['spec']['group']}/{version['name']}", crd["spec"]["names"]["kind"])] = schema
        self._validators = {}
        self._results = {}

    def errors(self, obj):
        """(field path, message) for each way obj breaks its kind's schema; remembered, since renderings share objects."""
        key = json.dumps(obj, sort_keys=True)
        if key not in self._results:
            self._results[key] = list(self._validate(obj))
        return self._results[key]

    def _validate(self, obj):
        gvk = (obj.get("apiVersion"), obj.get("kind"))
        if gvk not in self._schemas:
            yield "", f"no schema for {gvk[0]} {gvk[1]} in deploy/schemas"
            return
        if gvk not in self._validators:
            self._validators[gvk] = Draft7Validator(self._schemas[gvk], registry=self._registry)
        for error in sorted(self._validators[gvk].iter_errors(obj), key=lambda e: list(map(str, e.absolute_path))):
            message = error.message if len(error.message) <= 240 else error.message[:237] + "..."
            yield field_path(error.absolute_path), message


def field_path(parts):
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
