// The per-site order of the assignment rules in one list ("All sites" with several sites, docs/rules.md §11.8).
import { describe, expect, it } from 'vitest';
import { blocks, moved, neighbour, withSite, type Rule } from './ruleOrder';

const rule = (requestFor: string, siteId?: number): Rule => ({
  requestFor,
  targetRole: 'booking_operator',
  ...(siteId === undefined ? {} : { siteId }),
});
const names = (rs: readonly Rule[]) => rs.map((r) => r.requestFor);
// Sites 1 and 2 interleaved as saved positions may leave them, and a rule not yet given a site.
const list = [rule('a1', 1), rule('b1', 2), rule('a2', 1), rule('b2', 2), rule('new')];

describe('assignment rules: one list, each site in its own order', () => {
  it('shows one block per site in the sites’ order, then the rules without a site, each with its list index', () => {
    const b = blocks(list, [{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(b.map((x) => [x.siteId, x.items.map((i) => i.index)])).toEqual([
      [1, [0, 2]],
      [2, [1, 3]],
      [3, []],
      [undefined, [4]],
    ]);
    expect(blocks(list, null)).toEqual([{ siteId: undefined, items: list.map((rule, index) => ({ rule, index })) }]);
  });

  it('moves a rule past the previous or next rule of its site only', () => {
    expect(neighbour(list, 1, -1)).toBe(-1); // b1 is site 2's first, though a1 is before it in the list
    expect(neighbour(list, 1, 1)).toBe(3);
    expect(names(moved(list, 2, -1))).toEqual(['a2', 'b1', 'a1', 'b2', 'new']);
    expect(names(moved(list, 3, 1))).toEqual(names(list)); // site 2's last stays
    expect(names(moved(list, 4, -1))).toEqual(names(list)); // without a site: no neighbour
  });

  it('puts a rule given another site last among that site’s rules', () => {
    const n = withSite(list, 4, 1);
    expect(names(n)).toEqual(['a1', 'b1', 'a2', 'b2', 'new']);
    expect(blocks(n, [{ id: 1 }, { id: 2 }])[0]!.items.map((i) => i.rule.requestFor)).toEqual(['a1', 'a2', 'new']);
    expect(names(withSite(list, 0, 2))).toEqual(['b1', 'a2', 'b2', 'new', 'a1']);
    expect(withSite(list, 0, 1)).toEqual(list);
  });
});
