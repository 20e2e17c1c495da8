#!/usr/bin/env bash
# Single-node KRaft Kafka broker on 127.0.0.1:9092, built from the Apache Kafka jars on Maven Central.
# usage: kafka.sh start|stop|status|reset
set -euo pipefail
. "$(dirname "$0")/../lib.sh"

KAFKA_VERSION=${KAFKA_VERSION:-4.1.2}          # the kafka-clients version quarkus-bom 3.33.2 pins
KAFKA_PORT=${KAFKA_PORT:-9092}
D=$SMTPD4C_STATE/kafka
PIDF=$D/broker.pid
LOG=$D/broker.log

fetch_jars() {
  [ -f "$D/lib/.complete-$KAFKA_VERSION" ] && return 0
  say "fetching Kafka $KAFKA_VERSION jars from Maven Central (once)"
  rm -rf "$D/lib"; mkdir -p "$D/lib"
  mvn_run -q -f "$SMTPD4C_ROOT/scripts/platform/kafka-broker-pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DoutputDirectory="$D/lib" -DincludeScope=runtime >"$D/fetch.log" 2>&1 \
    || { tail -20 "$D/fetch.log" >&2; die "could not fetch the Kafka jars"; }
  touch "$D/lib/.complete-$KAFKA_VERSION"
}

write_config() {
  mkdir -p "$D/data"
  cat >"$D/server.properties" <<CFG
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$((KAFKA_PORT + 1))
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$((KAFKA_PORT + 1))
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$D/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
CFG
  cat >"$D/log4j2.properties" <<'CFG'
status = error
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.apache.name = org.apache.kafka
logger.apache.level = WARN
CFG
}

ready() { grep -q 'Kafka Server started' "$LOG" && port_open 127.0.0.1 "$KAFKA_PORT"; }

case "${1:-}" in
  start)
    if pid_alive "$PIDF"; then say "kafka already running (pid $(cat "$PIDF"))"; exit 0; fi
    port_open 127.0.0.1 "$KAFKA_PORT" && die "port $KAFKA_PORT is already taken by another process; stop it or set KAFKA_PORT"
    pick_java; fetch_jars; write_config
    if [ ! -f "$D/data/meta.properties" ]; then
      "$JAVA_HOME/bin/java" -cp "$D/lib/*" -Dlog4j2.configurationFile="$D/log4j2.properties" \
        kafka.tools.StorageTool format -t MkU3OEVBNTcwNTJENDM2Qg -c "$D/server.properties" >"$D/format.log" 2>&1 \
        || { tail -20 "$D/format.log" >&2; die "formatting the Kafka data folder failed"; }
    fi
    : >"$LOG"
    setsid nohup "$JAVA_HOME/bin/java" -Xms128m -Xmx512m -XX:+UseG1GC \
      -Dlog4j2.configurationFile="$D/log4j2.properties" -cp "$D/lib/*" kafka.Kafka "$D/server.properties" \
      >"$LOG" 2>&1 </dev/null &
    echo $! >"$PIDF"
    wait_for "kafka" 90 "$LOG" ready || { stop_pid "$PIDF" kafka; exit 1; }
    say "kafka ready on 127.0.0.1:$KAFKA_PORT" ;;
  stop)   stop_pid "$PIDF" kafka ;;
  status) if pid_alive "$PIDF" && port_open 127.0.0.1 "$KAFKA_PORT"; then echo "kafka      up    127.0.0.1:$KAFKA_PORT"; else echo "kafka      down"; exit 1; fi ;;
  reset)  stop_pid "$PIDF" kafka; rm -rf "$D/data"; say "kafka data removed" ;;
  *) echo "usage: $0 start|stop|status|reset" >&2; exit 2 ;;
esac
