#!/usr/bin/env bash
# The services share no code (DESIGN.md: no shared library jar), so the few mechanisms every service
# needs — the outbox, the idempotent consumer, problem+json, the CloudEvent envelope and the test
# support — exist once per module. This check keeps those copies identical, apart from the
# package and service names, so a fix made in one module cannot silently miss the others.
# usage: scripts/check-copies.sh   (exit 1 and a diff when copies have drifted)
set -euo pipefail
cd "$(dirname "$0")/.."

SERVICES="optin-service:optin:Optin auth-checker:auth:Auth bounce-service:bounce:Bounce sunset-service:sunset:Sunset"
FILES="main/java/PKG/outbox/Outbox.java main/java/PKG/outbox/OutboxRelay.java main/java/PKG/outbox/OutboxEvent.java
main/java/PKG/outbox/OutboxHousekeeping.java main/java/PKG/outbox/OutboxProducer.java main/java/PKG/events/CloudEvent.java
main/java/PKG/config/ClockProducer.java main/java/PKG/rest/Problem.java main/java/PKG/rest/ProblemMappers.java
main/java/PKG/messaging/EventReader.java main/java/PKG/messaging/ProcessedEvents.java main/java/PKG/messaging/InvalidEventException.java
test/java/PKG/support/KafkaProbe.java test/java/PKG/support/Contracts.java test/java/PKG/support/MetricsCatalogueTest.java test/java/PKG/support/MalformedJsonTest.java test/java/PKG/messaging/SubscriptionEventsConsumerTest.java test/java/PKG/events/EventContractTest.java
main/resources/db/migration/V1__outbox_and_idempotency.sql"

normalise() { # FILE MODULE PKG CLASSPREFIX
  sed -e "s/dev\.smtpd4c\.$3\b/dev.smtpd4c.SERVICE/g; s/\b$4Config\b/ServiceConfig/g; s/$2/SERVICE-MODULE/g" "$1"
}

rc=0
for f in $FILES; do
  ref=""; refmod=""
  for s in $SERVICES; do
    IFS=: read -r mod pkg cls <<<"$s"
    path="$mod/src/${f//PKG/dev/smtpd4c/$pkg}"
    [ -f "$path" ] || continue            # a service without that mechanism yet (e.g. no consumer)
    if [ -z "$ref" ]; then ref=$(normalise "$path" "$mod" "$pkg" "$cls"); refmod=$path; continue; fi
    if ! diff -u <(printf '%s\n' "$ref") <(normalise "$path" "$mod" "$pkg" "$cls") >/tmp/check-copies.diff; then
      echo "DRIFT: $path differs from $refmod (after package/service names are normalised):"
      sed 's/^/    /' /tmp/check-copies.diff | head -40
      rc=1
    fi
  done
done
[ $rc -eq 0 ] && echo "check-copies: the per-service copies of the shared mechanisms are identical"
exit $rc
