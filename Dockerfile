# syntax=docker/dockerfile:1
# Trustdeck as a container: the Next.js standalone server, run as a non-root user.
#   docker build -t trustdeck .
#   docker compose up            (with PostgreSQL; see compose.yaml and the README's "Deploy")

# 1. Dependencies (cached while package*.json are unchanged). The suite's optional Chromium is
#    not needed in the image.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund --omit=optional

# 2. The production build: <distDir>/standalone holds the server and the node_modules it needs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

# 3. The runtime: the standalone server, its static files and public/, nothing else.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    PGLITE_DIR=/data/db
RUN groupadd --system --gid 10001 trustdeck \
 && useradd --system --uid 10001 --gid trustdeck --home-dir /app --shell /usr/sbin/nologin trustdeck \
 && mkdir -p /data && chown trustdeck:trustdeck /data
COPY --from=build --chown=trustdeck:trustdeck /app/.next/standalone ./
COPY --from=build --chown=trustdeck:trustdeck /app/.next/static ./.next/static
COPY --from=build --chown=trustdeck:trustdeck /app/public ./public
USER trustdeck
EXPOSE 3000
# The first admin needs no checkout: set TRUSTDECK_BOOTSTRAP_ADMIN_USERNAME and
# TRUSTDECK_BOOTSTRAP_ADMIN_PASSWORD_FILE (a mounted secret readable by uid 10001); the server
# creates that admin at start while the database has no user (README, "Deploy").
# PGlite keeps its folder here when DATABASE_URL is unset (one container per folder).
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.js"]
