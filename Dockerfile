# The partnernet binary on a slim Debian. SQLite and libpq are compiled into the binary, so the
# runtime image needs no database client libraries.
FROM rust:1.91-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked --bin partnernet

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /var/lib/partnernet --create-home partnernet
COPY --from=build /src/target/release/partnernet /usr/local/bin/partnernet
USER partnernet
WORKDIR /var/lib/partnernet
ENV PARTNERNET_BIND=0.0.0.0:8080 \
    PARTNERNET_LOG_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["partnernet"]
CMD ["serve"]
