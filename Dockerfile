# dsg-bot as a container, for councils not on Azure App Service (see README "Run it in a container").
# Build: docker build -t dsg-bot .      Run with PostgreSQL: docker compose up -d

# --- build: compile TypeScript and the Programme tab, then keep only the runtime packages ---
FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 has no prebuilt binary for every platform: give node-gyp its tools.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# --- runtime: what the bot reads when it runs, owned by root and run by the unprivileged node user ---
FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    PLAYGROUND=off
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY cards ./cards
COPY config ./config
# SQLite (when DATABASE_URL is not set) and `npm run backup` write here: the only folder the bot may write.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3978
# /readyz answers 200 once the bot can serve (database reachable); anything else marks the container unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--disable-warning=DEP0111", "--max-old-space-size=192", "dist/main.js"]
