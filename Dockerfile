# skillgap in a container: `skillgap batch /data --format junit` over a mounted résumé folder.
#
#   docker build -t skillgap .
#   docker run --rm -v "$PWD/resumes:/data:ro" skillgap > skillgap-junit.xml
#   docker run --rm -v "$PWD/resumes:/data:ro" skillgap batch /data --min-score 70 --format junit
#
# The report goes to standard output (written by your shell, so the unprivileged user needs no
# write access to a volume); the exit code is skillgap's (1 below --min-score, 2 an unreadable
# input). tests/it/deploy.rs checks this file: the build command, the non-root user, and that CMD
# parses with the real command line.

# Builder: the project's minimum Rust (Cargo.toml rust-version), Debian 12 like the runtime.
FROM rust:1.85-slim-bookworm AS builder
WORKDIR /src
COPY . .
# The release profile (Cargo.toml) is the shipped one: fat LTO, one codegen unit, stripped.
RUN cargo build --release --locked

# Runtime: Debian slim (a shell, for CI jobs that run scripts in the image), the binary, no root.
FROM debian:bookworm-slim
LABEL org.opencontainers.image.title="skillgap" \
      org.opencontainers.image.description="Offline skill-gap analysis against deep-learning role profiles" \
      org.opencontainers.image.licenses="MIT OR Apache-2.0"
COPY --from=builder /src/target/release/skillgap /usr/local/bin/skillgap
RUN useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin skillgap
USER skillgap:skillgap
ENTRYPOINT ["skillgap"]
CMD ["batch", "/data", "--format", "junit"]
