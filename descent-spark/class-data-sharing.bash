# Class-data sharing for descent-spark/run (sourced): JDK 17's dynamic AppCDS archives, one for the
# driver and one for the executors of a standalone master. Spark's start is mostly loading and
# verifying some ten thousand classes from its jars; an archive maps them ready-made. The first run
# records what it loads (-XX:ArchiveClassesAtExit, written when each JVM exits), later runs map it
# (-XX:SharedArchiveFile). The archives live in target/cds, named after the checksums of what they
# depend on: the JVM's release, the class path and the JVM options (a new jar or option makes new
# ones; a JVM refuses an archive that does not match, silently, and runs as without one).
# On JDK 25 or later the driver's archive is an AOT cache instead (JEPs 483 and 515: classes loaded and
# linked, and method profiles), recorded by the first run with -XX:AOTCacheOutput (the JVM assembles it
# as it exits, some seconds more for that run) and used with -XX:AOTCache.
# DESCENT_SPARK_CDS=off turns it off. Needs: $here, $jar, $java, $spark_master, the options array.

cds_dir="$here/target/cds"
cds_driver=() cds_record="" cds_executor_record=""

# The JVM's release (JAVA_RUNTIME_VERSION of its JDK), read without starting it.
cds_release() {
  local home
  home="$(dirname "$(dirname "$(readlink -f "$(command -v "$1")")")")"
  sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$home/release" 2>/dev/null
}

cds_setup() {
  [ "${DESCENT_SPARK_CDS:-}" != off ] && mkdir -p "$cds_dir" 2>/dev/null || return 0
  local release key
  release="$(cds_release "$java")"
  [ -n "$release" ] || return 0
  # Descent's core jar counts too: the JVM refuses, silently, an archive whose jars have changed since.
  local core
  core="$(tr ':' '\n' < "$here/target/classpath.txt" | grep '/descent-core[^/]*\.jar$' | head -1)"
  key="$(printf '%s ' "$release" "${options[@]}" "$(cksum < "$jar")" "$(cksum < "$core" 2>/dev/null)" \
    "$(cat "$here/target/classpath.txt")" | cksum | cut -d' ' -f1)"
  local driver="$cds_dir/driver-$key.jsa"
  if [ "${release%%[!0-9]*}" -ge 25 ]; then
    driver="$cds_dir/driver-$key.aot"
    if [ -s "$driver" ]; then
      cds_driver=(-XX:AOTCache="$driver" "-Xlog:aot*=off" "-Xlog:cds*=off")
    else
      cds_record="$driver.$$"
      # What the JVM prints as it assembles the cache goes to the filtered standard error (run's $notice).
      cds_driver=(-XX:AOTCacheOutput="$cds_record" -XX:+DisplayVMOutputToStderr "-Xlog:aot*=off" "-Xlog:cds*=off")
    fi
  elif [ -s "$driver" ]; then
    cds_driver=(-XX:SharedArchiveFile="$driver" -Xlog:cds=off -Xlog:cds+dynamic=off)
  else
    cds_record="$driver.$$"
    cds_driver=(-XX:ArchiveClassesAtExit="$cds_record" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
  [[ "$spark_master" == spark://* ]] || return 0
  # The executors run the Workers' JVM (java on PATH here, which descent-spark/cluster starts them
  # with) on the Workers' class path: keyed by Spark's jars and that JVM, not by Descent's jars (which
  # they load from spark.jars, not archived).
  release="$(cds_release java)"
  [ -n "$release" ] || return 0
  key="$(printf '%s ' "$release" "$(cat "$here/target/classpath.txt" | tr ':' '\n' | grep -v '/descent-')" | cksum | cut -d' ' -f1)"
  local executor="$cds_dir/executor-$key.jsa"
  if [ -s "$executor" ]; then
    options+=("-Dspark.executor.extraJavaOptions=-XX:SharedArchiveFile=$executor -Xlog:cds=off -Xlog:cds+dynamic=off")
  else
    # Each executor writes its own file ({{EXECUTOR_ID}}, Spark's); cds_finish keeps one.
    cds_executor_record="$executor.$$"
    options+=("-Dspark.executor.extraJavaOptions=-XX:ArchiveClassesAtExit=$cds_executor_record.{{EXECUTOR_ID}} -Xlog:cds=off -Xlog:cds+dynamic=off")
  fi
}

# After a recording run: keeps the driver's archive, and one executor's once the executors have
# ended (the Workers stop them when the driver is gone; each writes its archive as it exits).
cds_finish() {
  if [ -n "$cds_record" ] && [ -s "$cds_record" ]; then
    mv -f "$cds_record" "${cds_record%.*}"
    # Archives made before the jar was built are of no more use.
    find "$cds_dir" \( -name 'driver-*.jsa' -o -name 'driver-*.aot' \) ! -newer "$jar" -delete
  fi
  rm -f "$cds_record"
  [ -n "$cds_executor_record" ] || return 0
  local _ recorded
  for _ in $(seq 1 30); do
    pgrep -f -- "-XX:ArchiveClassesAtExit=$cds_executor_record" >/dev/null || break
    sleep 1
  done
  recorded="$(ls -S "$cds_executor_record".* 2>/dev/null | head -1)"
  if [ -n "$recorded" ] && ! pgrep -f -- "-XX:ArchiveClassesAtExit=$cds_executor_record" >/dev/null; then
    mv -f "$recorded" "${cds_executor_record%.*}"
  fi
  rm -f "$cds_executor_record".*
}
