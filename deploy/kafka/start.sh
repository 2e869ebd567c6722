#!/usr/bin/env bash
# Starts a single-node Apache Kafka broker (KRaft mode: broker and controller in one JVM) on loopback for the
# tests and for trying distributed mode: Maven fetches the broker (pom.xml beside this script; the local Maven
# cache makes later runs fast), its storage is formatted once, and the script waits until the broker answers
# clients. Prints the bootstrap address (127.0.0.1:PORT) on stdout, everything else on stderr. Running it again
# while the broker is up only prints the address. Stop it with deploy/kafka/stop.sh.
#
# Env: KAFKA_PORT (9092; the controller listens on KAFKA_PORT+1), KAFKA_DIR (./.kafka: data, log, pid file),
#      KAFKA_HEAP (512m), KAFKA_START_TIMEOUT (120 s).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=${KAFKA_PORT:-9092}
CONTROLLER_PORT=$((PORT + 1))
DIR=${KAFKA_DIR:-$ROOT/.kafka}
HEAP=${KAFKA_HEAP:-512m}
TIMEOUT=${KAFKA_START_TIMEOUT:-120}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
ADDRESS="127.0.0.1:$PORT"

if [ ! -s "$DIR/classpath" ] || [ "$HERE/pom.xml" -nt "$DIR/classpath" ]; then
  echo "kafka: resolving the broker with Maven (org.apache.kafka:kafka_2.13)" >&2
  mvn -q -B -Dstyle.color=never -f "$HERE/pom.xml" dependency:build-classpath -Dmdep.outputFile="$DIR/classpath" >&2
fi
CP=$(cat "$DIR/classpath")
java_tool() { java -Dlog4j.configuration="file:$HERE/log4j.properties" -cp "$CP" "$@"; }
answers() { java_tool kafka.admin.BrokerApiVersionsCommand --bootstrap-server "$ADDRESS" >/dev/null 2>&1; }

if [ -s "$DIR/broker.pid" ] && kill -0 "$(cat "$DIR/broker.pid")" 2>/dev/null; then
  if answers; then
    echo "kafka: already running (pid $(cat "$DIR/broker.pid"))" >&2
    echo "$ADDRESS"
    exit 0
  fi
  echo "kafka: pid $(cat "$DIR/broker.pid") holds $DIR but does not answer on $ADDRESS; stop it first (deploy/kafka/stop.sh)" >&2
  exit 1
fi

cat > "$DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$ADDRESS
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DIR/data
num.partitions=4
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS

if [ ! -f "$DIR/data/meta.properties" ]; then
  CLUSTER_ID=$(java_tool kafka.tools.StorageTool random-uuid | tail -n 1)
  java_tool kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$DIR/server.properties" >&2
fi

echo "kafka: starting on $ADDRESS (heap $HEAP, log $DIR/broker.log)" >&2
nohup java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
  -Dlog4j.configuration="file:$HERE/log4j.properties" -cp "$CP" kafka.Kafka "$DIR/server.properties" \
  >"$DIR/broker.log" 2>&1 </dev/null &
echo $! >"$DIR/broker.pid"

for _ in $(seq 1 "$TIMEOUT"); do
  if ! kill -0 "$(cat "$DIR/broker.pid")" 2>/dev/null; then
    echo "kafka: the broker exited; the end of its log:" >&2
    tail -n 20 "$DIR/broker.log" >&2
    exit 1
  fi
  if answers; then
    echo "kafka: ready" >&2
    echo "$ADDRESS"
    exit 0
  fi
  sleep 1
done
echo "kafka: no answer on $ADDRESS after $TIMEOUT s; see $DIR/broker.log" >&2
exit 1
