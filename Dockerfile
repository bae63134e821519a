# The sitrep runnable jar on a Java 17 runtime. Build the jar first:
#   ./mvnw -B -DskipTests package -pl modules/sitrep-app -am
FROM eclipse-temurin:17-jre

RUN groupadd --system sitrep && useradd --system --gid sitrep --home-dir /var/lib/sitrep sitrep \
    && mkdir -p /opt/sitrep /var/lib/sitrep && chown sitrep:sitrep /var/lib/sitrep
COPY modules/sitrep-app/target/sitrep.jar /opt/sitrep/sitrep.jar

USER sitrep
WORKDIR /var/lib/sitrep
ENV SITREP_DATA_DIR=/var/lib/sitrep \
    SITREP_HTTP_HOST=0.0.0.0 \
    SITREP_JAVA_OPTS=""
VOLUME /var/lib/sitrep
EXPOSE 8080

# exec form through sh so SITREP_JAVA_OPTS expands while java stays PID 1 and receives SIGTERM
ENTRYPOINT ["sh", "-c", "exec java $SITREP_JAVA_OPTS -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.sitrep -jar /opt/sitrep/sitrep.jar \"$@\"", "sitrep"]
CMD ["run"]
