/**
 * Source of a CommonJS preload (`node --require`) that makes every `server.listen()` given no host
 * bind 127.0.0.1 instead of all interfaces. The Playground calls `server.listen(port)` and has no
 * option for the host. Kept as a string so it works from src (tsx, jest) and from dist alike:
 * startPlayground writes it to its private temp dir.
 */
export const LOOPBACK_PRELOAD_SOURCE = `'use strict';
const net = require('net');
const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;
const isPort = (v) => v == null || typeof v === 'number' || (typeof v === 'string' && /^\\d+$/.test(v));
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (args.length === 0 || typeof first === 'function') {
    args = [0, LOOPBACK, ...args];
  } else if (isPort(first) && typeof second !== 'string') {
    args = [first, LOOPBACK, ...args.slice(second == null ? 2 : 1)];
  } else if (typeof first === 'object' && first.path === undefined && first.fd === undefined && !('_handle' in first) && first.host == null) {
    args = [{ ...first, host: LOOPBACK }, ...args.slice(1)];
  }
  return listen.apply(this, args);
};
`;
