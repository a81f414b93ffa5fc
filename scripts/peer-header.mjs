/**
 * Preloaded into `next start` (NODE_OPTIONS="--import ./scripts/peer-header.mjs", see
 * scripts/start.ts): Next does not expose the socket address, so every HTTP request gets it in
 * the `x-gibbs-peer` header before Next sees it, overwriting any value the client sent. The
 * header's name is published in GIBBS_PEER_HEADER; app/_lib/auth/client-address.ts reads both.
 */

import http from "node:http";

const PEER_HEADER = "x-gibbs-peer";
process.env.GIBBS_PEER_HEADER = PEER_HEADER;
const createServer = http.createServer;
http.createServer = function (...args) {
  const server = createServer.apply(http, args);
  server.prependListener("request", (req) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  });
  return server;
};
