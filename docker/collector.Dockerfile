# syntax=docker/dockerfile:1
# The collector image (docker/compose.yaml: service "collector", profile "collector"). Build context: the
# repository root
#   docker build -f docker/collector.Dockerfile -t ioc-monitor/collector:local .
# The collectors module holds the telemetry simulator only; the collector agent's main class does not exist
# yet. CMD names the class it is expected to have: change it here (or `command:` in compose) when it lands.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# Builds only the collectors module, then gathers its jar and its runtime dependencies.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -DskipTests -pl collectors -am package \
 && mvn -B -ntp -pl collectors dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp collectors/target/ioc-monitor-collectors-*.jar /out/ioc-collector.jar

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin ioc
WORKDIR /app
COPY --from=build /out/ /app/
USER ioc
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# java expands the lib/* class-path wildcard itself (no shell needed)
ENTRYPOINT ["java", "-cp", "/app/ioc-collector.jar:/app/lib/*"]
CMD ["io.iocmonitor.collector.agent.CollectorAgent"]
