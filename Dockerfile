# The relay as an image: built from this repository, installed from its own packed tarballs
# (exactly what an npm install gives), run as the unprivileged `node` user.
#   docker build -t tickwire-relay .
#   docker run -p 8080:8080 -e SOURCES=binance,coingecko tickwire-relay

FROM node:22-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm run build \
 && mkdir /packs \
 && npm pack -w @tickwire/protocol -w @tickwire/relay --pack-destination /packs

FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
WORKDIR /app
COPY --from=build /packs /packs
RUN npm install --omit=dev --no-audit --no-fund /packs/*.tgz && rm -rf /packs ~/.npm
USER node
EXPOSE 8080
# Ready once it serves quotes; Node's own fetch, no curl in a slim image.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The relay itself as PID 1: it handles SIGTERM and SIGINT and exits within 10 s.
CMD ["node", "node_modules/@tickwire/relay/dist/main.js"]
