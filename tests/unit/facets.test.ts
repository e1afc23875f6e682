import { describe, expect, test } from 'vitest';
import { annotationCoverage, hasSearch, pagefindFilters, parseSearchState, searchStateQuery, toggleValue, type SearchState } from '../../src/core/facets.ts';
import type { ToolAnnotations } from '../../src/core/schema.ts';

describe('annotationCoverage', () => {
  const ROWS: Array<[ToolAnnotations | undefined, string]> = [
    [undefined, 'none'],
    [{}, 'none'],
    [{ title: 'Only a title' }, 'none'],
    [{ readOnlyHint: true, openWorldHint: false }, 'declared'],
    [{ readOnlyHint: true }, 'partly'],
    [{ readOnlyHint: false, openWorldHint: true }, 'partly'],
    [{ readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false }, 'declared'],
    [{ destructiveHint: false, idempotentHint: true, openWorldHint: true }, 'partly'],
  ];
  test.each(ROWS)('%j → %s', (annotations, expected) => {
    expect(annotationCoverage(annotations)).toBe(expected);
  });
});

describe('parseSearchState', () => {
  const ROWS: Array<[string, SearchState]> = [
    ['', { query: '', filters: {} }],
    ['q=%20write_file%20', { query: 'write_file', filters: {} }],
    ['q=x&risk=high&risk=critical&category=write', { query: 'x', filters: { risk: ['high', 'critical'], category: ['write'] } }],
    // Values a facet does not have, unknown keys, blanks and repeats are dropped.
    ['risk=extreme&risk=high&risk=high&colour=red&category=', { query: '', filters: { risk: ['high'] } }],
    // Servers are an open set: any non-blank value stands.
    ['server=%40scope%2Fpkg', { query: '', filters: { server: ['@scope/pkg'] } }],
    ['annotations=none&flag=credential-access&confidence=low&registry=pypi', { query: '', filters: { flag: ['credential-access'], annotations: ['none'], confidence: ['low'], registry: ['pypi'] } }],
  ];
  test.each(ROWS)('%s', (query, expected) => {
    expect(parseSearchState(new URLSearchParams(query))).toEqual(expected);
  });
});

describe('searchStateQuery', () => {
  test('round-trips, facets in a fixed order whatever order they were chosen in', () => {
    const state: SearchState = { query: 'delete file', filters: { category: ['destructive'], risk: ['critical', 'high'] } };
    const query = searchStateQuery(state);
    expect(query).toBe('q=delete+file&risk=critical&risk=high&category=destructive');
    expect(parseSearchState(new URLSearchParams(query))).toEqual({ query: 'delete file', filters: { risk: ['critical', 'high'], category: ['destructive'] } });
  });
  test('an empty state is an empty query', () => {
    expect(searchStateQuery({ query: '', filters: {} })).toBe('');
  });
});

describe('pagefindFilters', () => {
  const state: SearchState = { query: 'x', filters: { risk: ['high', 'critical'], category: ['write'], colour: ['red'] } };
  test('each facet is an OR of its values, unknown keys are left out', () => {
    expect(pagefindFilters(state)).toEqual({ risk: { any: ['high', 'critical'] }, category: { any: ['write'] } });
  });
  test('one facet can be left out, to count its values under the others', () => {
    expect(pagefindFilters(state, 'risk')).toEqual({ category: { any: ['write'] } });
  });
});

describe('toggleValue and hasSearch', () => {
  const empty: SearchState = { query: '', filters: {} };
  test('switching a value on and off again leaves no empty facet behind', () => {
    const on = toggleValue(empty, 'risk', 'high', true);
    expect(on.filters).toEqual({ risk: ['high'] });
    expect(hasSearch(on)).toBe(true);
    expect(toggleValue(toggleValue(on, 'risk', 'high', true), 'risk', 'high', false).filters).toEqual({});
    expect(hasSearch(toggleValue(on, 'risk', 'high', false))).toBe(false);
    expect(on).not.toBe(empty);
    expect(empty.filters).toEqual({});
  });
  test('a query alone is a search', () => {
    expect(hasSearch({ query: 'x', filters: {} })).toBe(true);
  });
});
