/**
 * src/ingest/loopback-blackhole.ts as a real process: a bare port accepts and never answers; a
 * `port=file` answers every HTTP request with 200 and the file's body (an STS GetCallerIdentity
 * for servers that check their dummy AWS credentials at start). Loopback only.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../src/ingest/loopback-blackhole.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'loopback-listeners-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function waitFor(file: string): Promise<void> {
  for (let i = 0; i < 200 && !existsSync(file); i += 1) await new Promise((r) => setTimeout(r, 25));
  if (!existsSync(file)) throw new Error('listeners never became ready');
}

describe('loopback listeners', () => {
  it('answers on a respond port and stays silent on a bare one', async () => {
    const body = join(dir, 'body.xml');
    writeFileSync(body, '<GetCallerIdentityResponse><Account>000000000000</Account></GetCallerIdentityResponse>');
    const ready = join(dir, 'ready');
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', SCRIPT, ready, '18391', `18392=${body}`], { stdio: 'ignore' });
    try {
      await waitFor(ready);
      const response = await fetch('http://127.0.0.1:18392/', { method: 'POST', body: 'Action=GetCallerIdentity' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/xml');
      expect(await response.text()).toContain('<Account>000000000000</Account>');
      const silent = await new Promise<string>((resolve) => {
        const socket = connect(18391, '127.0.0.1', () => socket.write('ping\n'));
        socket.on('data', () => resolve('answered'));
        setTimeout(() => {
          socket.destroy();
          resolve('silent');
        }, 300);
      });
      expect(silent).toBe('silent');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
