#!/usr/bin/env bash
# The embedded MongoDB-compatible server (mongo-java-server, durable file backend) as its own process, for running
# the services separately without a MongoDB installation. Runs in the foreground; Ctrl-C stops it cleanly.
#
# Environment:
#   MONGO_PORT          port on 127.0.0.1 (default 27017)
#   LEDGER_DATA_DIR     folder of the data file mongo.mv.db (default <repo>/.ledger-data/mongo-standalone)
#   LEDGER_MONGO_FSYNC  force every acknowledged write to the device (default true)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/infra/target/infra-0.1.0.jar"
export LEDGER_DATA_DIR="${LEDGER_DATA_DIR:-$root/.ledger-data/mongo-standalone}"

if [ ! -f "$jar" ]; then
  echo "Building $jar ..." >&2
  (cd "$root" && ./mvnw -q -DskipTests -pl infra -am package)
fi
echo "MongoDB-compatible server on 127.0.0.1:${MONGO_PORT:-27017}, data in $LEDGER_DATA_DIR" >&2
exec java -Xmx512m -Dloader.main=cn.gongkai.ledger.infra.mongo.MongoStandalone \
  -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher
