// The order of the assignment rules with several sites (docs/rules.md §11.8): a lead is routed only by its site's
// rules, in their order, so the card keeps one flat list (the array saved; an error's `rules.N.field` names its
// index) and shows it per site: a site's rules are the list's rules of that site in the list's order. The arrows
// move a rule past the previous/next rule of the same site only; giving a rule another site puts it last in that
// site's rules. Positions between rules of different sites mean nothing.
import type { Input } from '../../../../shared/contract';

export type Rule = Input<'assignment.rules.set'>['rules'][number];

/** The index of the rule of the same site before (-1) or after (1) rule `i`, or -1 when there is none. */
export function neighbour(rules: readonly Rule[], i: number, d: -1 | 1): number {
  for (let j = i + d; j >= 0 && j < rules.length; j += d) if (rules[j]!.siteId === rules[i]!.siteId) return j;
  return -1;
}

/** Rule `i` moved past its neighbour of the same site. */
export function moved(rules: readonly Rule[], i: number, d: -1 | 1): Rule[] {
  const j = neighbour(rules, i, d);
  if (j < 0) return [...rules];
  const n = [...rules];
  [n[i], n[j]] = [n[j]!, n[i]!];
  return n;
}

/** Rule `i` given a site: last among that site's rules (the end of the list). */
export function withSite(rules: readonly Rule[], i: number, siteId: number): Rule[] {
  if (rules[i]!.siteId === siteId) return [...rules];
  return [...rules.filter((_, j) => j !== i), { ...rules[i]!, siteId }];
}

/**
 * The blocks shown: with "All sites" (several sites) one per site in the sites' order, then the rules not yet given a
 * site (`siteId` undefined); otherwise one block of every rule. Each entry keeps its index in the list.
 */
export function blocks(
  rules: readonly Rule[],
  sites: readonly { id: number }[] | null,
): { siteId: number | undefined; items: { rule: Rule; index: number }[] }[] {
  const items = rules.map((rule, index) => ({ rule, index }));
  if (!sites) return [{ siteId: undefined, items }];
  const out = sites.map((s) => ({
    siteId: s.id as number | undefined,
    items: items.filter((x) => x.rule.siteId === s.id),
  }));
  const none = items.filter((x) => !sites.some((s) => s.id === x.rule.siteId));
  return none.length > 0 ? [...out, { siteId: undefined, items: none }] : out;
}
