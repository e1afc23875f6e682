/**
 * npm run --silent profile-top -- FILE.cpuprofile [N]
 *
 * Summarises a Node CPU profile (as `npm run bench -- … --cpu-prof DIR` writes): total sampled
 * seconds, the share of the garbage collector and idle time, and the N functions (default 25)
 * with the most self time, by package or file, so two profiles of different sizes can be compared.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, top = '25'] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: npm run --silent profile-top -- FILE.cpuprofile [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
const selfMicros = new Map<string, number>();
let total = 0;
for (const [i, id] of profile.samples.entries()) {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const f = frameOf.get(id);
  const where = f === undefined ? '?' : f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|dist)\//, '$1/');
  const key = f === undefined ? '?' : `${f.functionName || '(anonymous)'}  ${where}${f.url ? `:${f.lineNumber + 1}` : ''}`;
  selfMicros.set(key, (selfMicros.get(key) ?? 0) + dt);
}
const seconds = (us: number): string => (us / 1e6).toFixed(1);
const share = (us: number): string => `${((100 * us) / Math.max(total, 1)).toFixed(1)} %`;
console.log(`${file}: ${seconds(total)} s sampled`);
for (const name of ['(garbage collector)', '(idle)', '(program)']) {
  const us = [...selfMicros].filter(([k]) => k.startsWith(name)).reduce((a, [, v]) => a + v, 0);
  console.log(`  ${name}: ${seconds(us)} s (${share(us)})`);
}
for (const [key, us] of [...selfMicros].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  console.log(`${seconds(us).padStart(7)} s ${share(us).padStart(7)}  ${key}`);
}
