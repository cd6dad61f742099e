import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOOPBACK_PRELOAD_SOURCE } from '../../src/playground/loopback-preload';

// Every way the Playground and its libraries (express, ws, its port probe) call listen().
const PROBE = `
const net = require('net');
const forms = {
  'listen()': (s, cb) => { s.listen(); s.once('listening', cb); },
  'listen(cb)': (s, cb) => s.listen(cb),
  'listen(port, cb)': (s, cb) => s.listen(0, cb),
  'listen("port", cb)': (s, cb) => s.listen('0', cb),
  'listen(port, undefined, backlog, cb)': (s, cb) => s.listen(0, undefined, 511, cb),
  'listen(port, backlog, cb)': (s, cb) => s.listen(0, 511, cb),
  'listen({ port })': (s, cb) => s.listen({ port: 0 }, cb),
  'listen(port, explicit host)': (s, cb) => s.listen(0, '127.0.0.2', cb),
};
(async () => {
  const out = {};
  for (const [name, listen] of Object.entries(forms)) {
    const server = net.createServer();
    await new Promise((resolve) => listen(server, resolve));
    out[name] = server.address().address;
    await new Promise((resolve) => server.close(resolve));
  }
  console.log(JSON.stringify(out));
})();
`;

describe('loopback preload', () => {
  it('binds every host-less listen() to 127.0.0.1 and leaves an explicit host alone', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'preload-test-'));
    try {
      const preload = path.join(dir, 'preload.js');
      writeFileSync(preload, LOOPBACK_PRELOAD_SOURCE);
      const stdout = execFileSync(process.execPath, ['--require', preload, '-e', PROBE], { encoding: 'utf8' });
      expect(JSON.parse(stdout)).toEqual({
        'listen()': '127.0.0.1',
        'listen(cb)': '127.0.0.1',
        'listen(port, cb)': '127.0.0.1',
        'listen("port", cb)': '127.0.0.1',
        'listen(port, undefined, backlog, cb)': '127.0.0.1',
        'listen(port, backlog, cb)': '127.0.0.1',
        'listen({ port })': '127.0.0.1',
        'listen(port, explicit host)': '127.0.0.2',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
