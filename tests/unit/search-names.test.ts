import { describe, expect, test } from 'vitest';
import { exactMatches, nameMatches, namePrefix, nameShards, type NameEntry } from '../../src/core/search-names.ts';

const entry = (name: string, url = `/t/${name}/`): NameEntry => ({ name, url, server: 's', risk: 'low', category: 'read' });

describe('the name index', () => {
  test.each([
    ['execute', 'ex'],
    ['Execute_JS', 'ex'],
    ['_x', 'x_'],
    ['__', '__'],
    ['2fa-check', '2f'],
    ['查询', '__'],
  ])('namePrefix(%s) = %s', (name, prefix) => {
    expect(namePrefix(name)).toBe(prefix);
  });

  test('shards group by prefix, sorted; an exact match ignores case but not other words', () => {
    const shards = nameShards([entry('execute_sql'), entry('execute', '/b/'), entry('Execute', '/a/'), entry('list')]);
    expect([...shards.keys()].sort()).toEqual(['ex', 'li']);
    const ex = shards.get('ex') ?? [];
    expect(ex.map((e) => e.name)).toEqual(['Execute', 'execute', 'execute_sql']);
    expect(exactMatches(ex, ' EXECUTE ').map((e) => e.url)).toEqual(['/a/', '/b/']);
    expect(exactMatches(ex, 'exec')).toEqual([]);
  });

  const shard = nameShards([entry('write_file'), entry('write_file_atomic'), entry('Write-File', '/w/'), entry('writeable'), entry('write'), entry('wrap')]).get('wr') ?? [];
  test.each([
    ['write_file', ['Write-File', 'write_file', 'write_file_atomic']],
    ['write f', ['Write-File', 'write_file', 'write_file_atomic']],
    ['WRITE_F', ['Write-File', 'write_file', 'write_file_atomic']],
    ['write', ['write', 'writeable', 'Write-File', 'write_file', 'write_file_atomic']],
    ['wri', ['write', 'writeable', 'Write-File', 'write_file', 'write_file_atomic']],
    ['file', []],
    ['  ', []],
  ])('nameMatches(%j): exact names, then names it begins, shorter first', (query, names) => {
    expect(nameMatches(shard, query, 10).map((e) => e.name)).toEqual(names);
  });

  test('nameMatches stops at the limit, exact matches kept first', () => {
    expect(nameMatches(shard, 'write', 2).map((e) => e.name)).toEqual(['write', 'writeable']);
  });
});
