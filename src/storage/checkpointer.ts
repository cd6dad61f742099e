import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/**
 * The WAL written back into an SQLite database by a thread of its own, with its own connection, every `everyMs`.
 * Left to SQLite, the write that fills the WAL to 1,000 pages copies them back into the database (and syncs the
 * file) while a person waits for their press to be answered, and every other press waits behind it: under load
 * about a third of what keeping a draft costs. A passive checkpoint waits for nobody and blocks nobody.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // Busy: another checkpoint is running (the bot's own, past its limit); the next tick catches up.
    if (err && err.code === 'SQLITE_BUSY') return;
    // Anything else is said once (the thread's error) and ends the thread, rather than failing again each tick.
    // (A plain Error: the driver's own error reaches the bot's thread without its message.)
    clearInterval(timer);
    throw new Error(String(err && err.code) + ': ' + String(err && err.message));
  }
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the thread and closes its connection (the database's -wal file goes once the bot's closes too). */
  stop(): Promise<void>;
}

export function startCheckpointer(path: string, everyMs: number, onError: (message: string) => void): Checkpointer {
  const worker = new Worker(WORKER, { eval: true, workerData: { path, everyMs, driver: require.resolve('better-sqlite3') } });
  let exited = false;
  worker.once('exit', () => (exited = true));
  // A thread that fails leaves the WAL to the bot's own checkpoints, which still run past a limit: nothing is lost.
  worker.on('error', (err) => onError(err.message));
  // The process does not wait for it to end.
  worker.unref();
  return {
    async stop() {
      if (exited) return;
      const ended = once(worker, 'exit');
      worker.postMessage('stop');
      await ended;
    },
  };
}
