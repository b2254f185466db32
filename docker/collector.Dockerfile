# syntax=docker/dockerfile:1
# The collector agent's image (docker/compose.yaml: service "collector", profile "collector"). Build context: the
# repository root
#   docker build -f docker/collector.Dockerfile -t ioc-monitor/collector:local .
# It runs collectors/target/ioc-collector.jar (the agent with its dependencies) on
# /etc/ioc-collector/collector.yaml: by default docker/collector/collector.yaml, configured by environment variables;
# mount your own over it (collectors/README.md documents every field). The disk queue is in /var/lib/ioc-collector:
# keep it on a volume so that queued events survive a new container. JDBC drivers for the SQL sync source go in
# /app/lib/.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
# Builds only the collectors module: its shaded jar holds the agent and its dependencies.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -DskipTests -pl collectors -am package \
 && mkdir -p /out/lib \
 && cp collectors/target/ioc-collector.jar /out/ioc-collector.jar

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin ioc \
 && mkdir -p /var/lib/ioc-collector /etc/ioc-collector && chown ioc /var/lib/ioc-collector
WORKDIR /app
COPY --from=build /out/ /app/
COPY docker/collector/collector.yaml /etc/ioc-collector/collector.yaml
USER ioc
VOLUME /var/lib/ioc-collector
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# java expands the lib/* class-path wildcard itself (no shell needed)
ENTRYPOINT ["java", "-cp", "/app/ioc-collector.jar:/app/lib/*", "io.iocmonitor.collector.agent.CollectorAgent"]
CMD ["/etc/ioc-collector/collector.yaml"]
