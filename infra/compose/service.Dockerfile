# Builds one orderwatch process (a service or the identity server) from this repository:
#   docker build --build-arg MODULE=services/notification -f infra/compose/service.Dockerfile .
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -pl ${MODULE} -am -DskipTests package \
 && cp ${MODULE}/target/*-exec.jar /service.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 orderwatch
COPY --from=build /service.jar /opt/orderwatch/service.jar
USER orderwatch
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/orderwatch/service.jar"]
