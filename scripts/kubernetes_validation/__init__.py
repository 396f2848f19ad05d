"""Validation of the Kubernetes manifests in deploy/kubernetes: schemas (schemas.py), platform facts (facts.py) and
reviewer rules (rules.py). Run through scripts/validate-kubernetes.py."""
