/**
 * `node loopback-blackhole.ts <ready-file> <port>...`: listens on 127.0.0.1 at each port, accepts
 * connections and never answers, then creates <ready-file>. For servers that check a backend
 * (database, cache) at start and exit when the port refuses: the check stays pending and the
 * server still lists its tools. Started by ingest's wrapper inside the server's network namespace,
 * so it is part of the server's process tree and ends with it.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Socket } from 'node:net';

const [readyFile, ...ports] = process.argv.slice(2);
if (readyFile === undefined || ports.length === 0 || ports.some((p) => !/^\d+$/.test(p))) {
  process.stderr.write('usage: loopback-blackhole.ts <ready-file> <port>...\n');
  process.exit(2);
}
const held: Socket[] = [];
await Promise.all(
  ports.map(
    (port) =>
      new Promise<void>((resolve, reject) => {
        const server = createServer((socket) => {
          socket.on('error', () => socket.destroy());
          held.push(socket); // never read, never written: the peer waits for an answer
        });
        server.once('error', reject);
        server.listen(Number(port), '127.0.0.1', () => resolve());
      }),
  ),
);
writeFileSync(readyFile, `${process.pid}\n`);
