#!/usr/bin/env bash
# A real standalone Kafka broker without Docker: KRaft (broker and controller in one process) on 127.0.0.1, from
# the Maven Central jars of the Kafka version Spring Boot manages. Runs in the foreground; Ctrl-C stops it.
#
# Environment:
#   KAFKA_PORT             client port (default 9092)
#   KAFKA_CONTROLLER_PORT  controller port (default 9093)
#   KAFKA_DATA_DIR         log folder (default <repo>/.ledger-data/kafka-standalone); formatted on first start
#   KAFKA_HEAP_OPTS        JVM heap (default -Xmx512m)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lib="$root/infra/target/kafka-standalone/lib"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
data="${KAFKA_DATA_DIR:-$root/.ledger-data/kafka-standalone}"
log4j="-Dlog4j.configuration=file:$root/infra/kafka-standalone/log4j.properties"

if [ ! -f "$lib/.complete" ]; then
  echo "Copying the Kafka jars to $lib ..." >&2
  "$root/mvnw" -q -f "$root/infra/kafka-standalone/pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib"
  touch "$lib/.complete"
fi

mkdir -p "$data"
config="$data/server.properties"
cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data/log
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES

if [ ! -f "$data/log/meta.properties" ]; then
  cluster_id="$(java $log4j -cp "$lib/*" kafka.tools.StorageTool random-uuid)"
  java $log4j -cp "$lib/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$config" >&2
fi

echo "Kafka (KRaft) on 127.0.0.1:$port, data in $data" >&2
exec java ${KAFKA_HEAP_OPTS:--Xmx512m} $log4j -cp "$lib/*" kafka.Kafka "$config"
