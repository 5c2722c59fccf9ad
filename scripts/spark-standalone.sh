#!/usr/bin/env bash
# A Spark standalone cluster on this machine, from the Spark jars netc's build already has: a master
# and one worker, each its own JVM, whose executors are separate JVMs as on a real cluster. For trying
# `netc train --spark spark://...` (and its faults) without installing Spark; see docs/DISTRIBUTED.md.
#
#   scripts/spark-standalone.sh start [CORES]   # master on spark://127.0.0.1:7077, a worker with CORES (default 2)
#   scripts/spark-standalone.sh stop
#   scripts/spark-standalone.sh jars            # prints the --spark-conf spark.jars=... value for netc's jars
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="${NETC_SPARK_HOME:-$root/target/spark-standalone}"
classpath="$root/cli/target/classpath.txt"
submit_classpath="$root/cli/target/spark-submit-classpath.txt"
options="$root/cli/target/classes/netc/cli/jvm.options"

require_build() {
    if [[ ! -f "$classpath" || ! -f "$submit_classpath" || ! -f "$options" ]]; then
        echo "spark-standalone: build netc first (./netc --version, or mvn -B package -DskipTests)." >&2
        exit 1
    fi
}

start() {
    require_build
    local cores="${1:-2}"
    mkdir -p "$home/jars" "$home/logs"
    rm -f "$home"/jars/*.jar
    # Spark's own jars: everything on ./netc's class path that netc does not ship to executors itself.
    comm -23 <(tr ':' '\n' < "$classpath" | sort) <(tr ':' '\n' < "$submit_classpath" | sort) |
        while read -r jar; do ln -s "$jar" "$home/jars/"; done
    # Spark's launcher takes a home with a RELEASE file for a distribution, whose jars are in jars/.
    echo "Spark jars from netc's Maven build" > "$home/RELEASE"
    local jvm
    jvm="$(cat "$options")"
    export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13
    # Executors inherit it: PoCL's LLVM must not take the JVM's safepoint signals (see ./netc).
    local java_home
    java_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export LD_PRELOAD="$java_home/lib/libjsig.so"
    # shellcheck disable=SC2086 # the options are separate words
    nohup java $jvm -cp "$home/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 \
        --webui-port 8090 > "$home/logs/master.log" 2>&1 &
    echo $! > "$home/master.pid"
    sleep 3
    # shellcheck disable=SC2086
    nohup java $jvm -cp "$home/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$cores" \
        --memory 8g --webui-port 8091 --work-dir "$home/work" spark://127.0.0.1:7077 > "$home/logs/worker.log" 2>&1 &
    echo $! > "$home/worker.pid"
    for _ in $(seq 60); do
        if grep -q "Successfully registered with master" "$home/logs/worker.log"; then
            echo "Spark master spark://127.0.0.1:7077 with one worker of $cores cores (logs in $home/logs)"
            return
        fi
        sleep 1
    done
    echo "spark-standalone: the worker did not register within a minute; see $home/logs/" >&2
    exit 1
}

stop() {
    for process in worker master; do
        if [[ -f "$home/$process.pid" ]]; then
            kill "$(cat "$home/$process.pid")" 2>/dev/null || true
            rm -f "$home/$process.pid"
        fi
    done
}

case "${1:-}" in
    start) start "${2:-2}" ;;
    stop) stop ;;
    jars) require_build; echo "spark.jars=$(tr ':' ',' < "$submit_classpath")" ;;
    *) echo "usage: scripts/spark-standalone.sh start [CORES] | stop | jars" >&2; exit 2 ;;
esac
