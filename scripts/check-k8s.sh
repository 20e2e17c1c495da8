#!/usr/bin/env bash
# check-k8s.sh — offline checks of the Kubernetes deployment, SLO rules, runbooks and dashboard.
# One command, no cluster needed, used by CI:
#   1. renders every overlay in k8s/overlays/ with `kubectl kustomize`;
#   2. validates every rendered object against the Kubernetes schemas (npm kubernetes-models), and
#      the custom resources (KafkaTopic, PrometheusRule, ServiceMonitor, CloudNativePG Cluster and
#      Database) field by field; cross-checks Secrets, Services, databases, PDB/HPA ranges;
#   3. checks every alert's runbook_url and docs/runbooks/ page, and that every metric a rule or a
#      dashboard panel reads is listed in observability/metrics.yaml;
#   4. with promtool (Debian package "prometheus"): `promtool check rules` on the rendered rules and
#      the rule unit tests in observability/tests/ (synthetic series -> which alerts fire).
# Exits non-zero with one FAIL line per problem. Needs kubectl >= 1.27, Node >= 20, npm.
set -euo pipefail
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"
cd "$SMTPD4C_ROOT"

# Pinned: a new validator version must not change what passes without a commit saying so.
NPM_PACKAGES="kubernetes-models@5.1.0 @kubernetes-models/validate@5.0.2 yaml@2.9.1"
WORK=$SMTPD4C_STATE/k8s-validate
mkdir -p "$WORK/rendered"

command -v kubectl >/dev/null || die "kubectl is needed to render the overlays (kubectl >= 1.27 has kustomize built in)"
command -v node >/dev/null && command -v npm >/dev/null || die "Node.js >= 20 and npm are needed for the schema checks (apt-get install nodejs npm)"

if [ "$(cat "$WORK/installed" 2>/dev/null)" != "$NPM_PACKAGES" ]; then
  say "check-k8s: installing $NPM_PACKAGES into $WORK"
  # shellcheck disable=SC2086
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$WORK" $NPM_PACKAGES >"$WORK/npm.log" 2>&1 \
    || { tail -20 "$WORK/npm.log" >&2; die "npm install failed; full log: $WORK/npm.log"; }
  echo "$NPM_PACKAGES" >"$WORK/installed"
fi

# 1. Render.
renders=() failed=0
for dir in k8s/overlays/*/; do
  overlay=$(basename "$dir")
  if kubectl kustomize "$dir" >"$WORK/rendered/$overlay.yaml" 2>"$WORK/rendered/$overlay.err"; then
    echo "rendered  $overlay: $(grep -c '^kind:' "$WORK/rendered/$overlay.yaml") objects"
    renders+=("$overlay=$WORK/rendered/$overlay.yaml")
  else
    echo "FAIL k8s/overlays/$overlay does not render: $(cat "$WORK/rendered/$overlay.err")" >&2; failed=1
  fi
done
[ ${#renders[@]} -gt 0 ] || die "no overlay rendered"

# 2 and 3. Node resolves packages next to the script, so it runs from the install folder.
cp k8s/tests/check-manifests.mjs "$WORK/check-manifests.mjs"
rm -rf "$WORK/rules"
node --no-warnings "$WORK/check-manifests.mjs" --repo "$SMTPD4C_ROOT" --rules-out "$WORK/rules" "${renders[@]}" || failed=1

# 4. promtool: PromQL syntax and the alert unit tests. CI installs it; elsewhere it is optional.
if ! command -v promtool >/dev/null; then
  ensure_debian_packages prometheus >/dev/null 2>&1 || true
  # The package starts a Prometheus server where it can; this check only needs the promtool binary.
  command -v systemctl >/dev/null && systemctl disable --now prometheus >/dev/null 2>&1 || true
fi
if command -v promtool >/dev/null && [ -d "$WORK/rules" ]; then
  promtool check rules "$WORK"/rules/*.rules.yaml >"$WORK/promtool-check.log" 2>&1 \
    && echo "promtool  check rules: $(grep -h -o 'SUCCESS: [0-9]* rules found' "$WORK/promtool-check.log" | awk '{s+=$2} END {print s}') rules valid" \
    || { cat "$WORK/promtool-check.log" >&2; echo "FAIL promtool check rules" >&2; failed=1; }
  # The tests name rule files relative to themselves, so they run beside the rendered rules.
  cp observability/tests/*.test.yaml "$WORK/rules/"
  if (cd "$WORK/rules" && promtool test rules ./*.test.yaml) >"$WORK/promtool-test.log" 2>&1; then
    echo "promtool  test rules: $(ls observability/tests/*.test.yaml | wc -l) files passed"
  else
    cat "$WORK/promtool-test.log" >&2; echo "FAIL promtool test rules (observability/tests)" >&2; failed=1
  fi
elif [ "${CI:-}" = "true" ]; then
  echo "FAIL promtool not available in CI (apt-get install prometheus)" >&2; failed=1
else
  say "check-k8s: promtool not found, rule syntax and alert unit tests SKIPPED (apt-get install prometheus)"
fi

if [ $failed -ne 0 ]; then echo "check-k8s: FAILED" >&2; exit 1; fi
echo "check-k8s: all checks passed"
