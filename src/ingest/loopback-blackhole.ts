/**
 * `node loopback-blackhole.ts <ready-file> <port>[=<body-file>]...`: listens on 127.0.0.1 at each
 * port, then creates <ready-file>.
 *
 * - A bare port accepts connections and never answers: for servers that check a backend
 *   (database, cache) at start and exit when the port refuses, the check stays pending and the
 *   server still lists its tools.
 * - `port=file` answers every HTTP request with status 200 and the file's content (XML, JSON or
 *   text by its first character): for servers that make one fixed call at start, such as AWS
 *   STS GetCallerIdentity to check dummy credentials.
 *
 * Started by ingest's wrapper inside the server's network namespace, so it is part of the
 * server's process tree and ends with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

const [readyFile, ...specs] = process.argv.slice(2);
if (readyFile === undefined || specs.length === 0 || specs.some((p) => !/^\d+(?:=.+)?$/.test(p))) {
  process.stderr.write('usage: loopback-blackhole.ts <ready-file> <port>[=<body-file>]...\n');
  process.exit(2);
}

function contentType(body: string): string {
  const first = body.trimStart()[0];
  return first === '<' ? 'text/xml' : first === '{' || first === '[' ? 'application/json' : 'text/plain';
}

const held: Socket[] = [];
function listener(spec: string): Server {
  const eq = spec.indexOf('=');
  if (eq < 0) {
    return createServer((socket) => {
      socket.on('error', () => socket.destroy());
      held.push(socket); // never read, never written: the peer waits for an answer
    });
  }
  const body = readFileSync(spec.slice(eq + 1), 'utf8');
  return createHttpServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': contentType(body) });
      response.end(body);
    });
  });
}

await Promise.all(
  specs.map(
    (spec) =>
      new Promise<void>((resolve, reject) => {
        const server = listener(spec);
        server.once('error', reject);
        server.listen(Number.parseInt(spec, 10), '127.0.0.1', () => resolve());
      }),
  ),
);
writeFileSync(readyFile, `${process.pid}\n`);
