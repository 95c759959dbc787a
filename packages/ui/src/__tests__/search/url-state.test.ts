import { describe, expect, it } from 'vitest';
import { isActiveSearch, readSearchState, toPagefindQuery, writeSearchState } from '../../scripts/search/search-state.ts';

describe('a search shared as a link', () => {
  it('reads the query, the filters by identifier and the order', () => {
    expect(readSearchState('?q=rescue&type=news&country=LY&sort=newest')).toEqual({ q: 'rescue', filters: { type: 'news', country: 'LY' }, sort: 'newest' });
  });

  it('reads an Arabic query with diacritics as typed (it is shown back to the reader)', () => {
    const search = `?q=${encodeURIComponent('الْمُفَوَّضِيَّة')}&region=middle-east-north-africa`;
    expect(readSearchState(search)).toEqual({ q: 'الْمُفَوَّضِيَّة', filters: { region: 'middle-east-north-africa' }, sort: 'relevance' });
  });

  it('ignores empty and unknown parameters and an unknown order (the plain form submits empty selects)', () => {
    expect(readSearchState('?q=+rescue+&type=&country=&region=&theme=&year=&sort=&utm_source=x')).toEqual({ q: 'rescue', filters: {}, sort: 'relevance' });
    expect(readSearchState('?sort=random').sort).toBe('relevance');
  });

  it('writes the same link for the same search, leaving out what is empty or default', () => {
    const state = readSearchState('?year=2016&q=sea&sort=relevance&country=LY');
    expect(writeSearchState(state)).toBe('?q=sea&country=LY&year=2016');
    expect(readSearchState(writeSearchState(state))).toEqual(state);
    expect(writeSearchState({ q: ' ', filters: {}, sort: 'relevance' })).toBe('');
  });

  it('round-trips an Arabic query', () => {
    const state = { q: 'البحث والإنقاذ', filters: { country: 'LY' }, sort: 'oldest' as const };
    expect(readSearchState(writeSearchState(state))).toEqual(state);
  });
});

describe('what Pagefind is asked', () => {
  it('gets the normalized query, the filters and the date sort', () => {
    expect(toPagefindQuery({ q: 'وَالْمُفَوَّضِيَّة', filters: { year: '2016' }, sort: 'newest' })).toEqual({
      term: 'المفوضية',
      options: { filters: { year: '2016' }, sort: { date: 'desc' } },
    });
    expect(toPagefindQuery({ q: 'sea', filters: {}, sort: 'oldest' }).options.sort).toEqual({ date: 'asc' });
    expect(toPagefindQuery({ q: 'sea', filters: {}, sort: 'relevance' }).options.sort).toEqual({});
  });

  it('lists every page of a filter when there is no query', () => {
    const state = { q: '', filters: { country: 'LY' }, sort: 'relevance' as const };
    expect(isActiveSearch(state)).toBe(true);
    expect(toPagefindQuery(state).term).toBeNull();
    expect(isActiveSearch({ q: '', filters: {}, sort: 'newest' })).toBe(false);
  });
});
