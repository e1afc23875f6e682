/**
 * How a reader installs and starts a server the way the catalog captured it, from its provenance.
 * Pure; one line per registry. None for a hosted server (nothing to install) or an import whose
 * start command is unknown.
 */
import type { Provenance } from './schema.ts';

/** The npm package name without its scope: the bin `npx` runs when the package has one of that name. */
function unscoped(name: string): string {
  const slash = name.indexOf('/');
  return name.startsWith('@') && slash > 0 ? name.slice(slash + 1) : name;
}

/** A shell word, single-quoted when it holds anything but safe characters. */
function word(text: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/** The command that runs the captured version, with the captured arguments (placeholders kept). */
export function installHint(p: Provenance): string | undefined {
  const args = p.args.map(word).join(' ');
  const tail = args === '' ? '' : ` ${args}`;
  switch (p.registry) {
    case 'npm': {
      const spec = `${p.package}@${p.version}`;
      return p.command === '' || p.command === unscoped(p.package)
        ? `npx -y ${spec}${tail}`
        : `npx -y --package ${spec} ${p.command}${tail}`;
    }
    case 'pypi':
      return p.command === '' ? undefined : `uvx --from ${word(`${p.package}==${p.version}`)} ${p.command}${tail}`;
    case 'go':
      return p.method === 'live-introspection' ? `go install ${p.package}@${p.version} && ${p.command}${tail}` : undefined;
    case 'cargo':
      return p.command === '' ? undefined : `cargo install --locked ${p.package}@${p.version} && ${p.command}${tail}`;
    case 'remote':
      return undefined;
  }
}
