# Deskfeed server image. Build the jar first (./deskfeed --version builds it), then: docker build -t deskfeed .
# Run with --ulimit nice=25 to let the store's writer thread take nice -5 (--writer-nice; the limit is 20 minus the
# lowest nice allowed); without it the server runs the same, with that thread at the process's priority.
FROM eclipse-temurin:17-jre
RUN useradd --system --home /data deskfeed && mkdir -p /data && chown deskfeed /data
COPY deskfeed-app/target/deskfeed.jar /opt/deskfeed/deskfeed.jar
USER deskfeed
ENV DESKFEED_DATA=/data
VOLUME /data
EXPOSE 8420
HEALTHCHECK CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8420 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ok <&3"]
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/deskfeed/deskfeed.jar"]
CMD ["server", "--bind", "0.0.0.0", "--port", "8420"]
