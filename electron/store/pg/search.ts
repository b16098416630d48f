// The PostgreSQL search (migration search): the tsquery of an FTS5 query as electron/core/listService.ts ftsQuery
// writes it, and the SQL that runs it — the same leads as SQLite's `leads_fts MATCH ?`.
//
// The FTS5 queries ftsQuery writes: quoted words, each maybe a prefix (`"ros"*`), one after the other (AND), `AND`,
// `OR`, parentheses, and a column filter `phone : (…)` / `number : "000702"`. A column filter becomes the column's
// weight on each word (`'000702':B`); the words are folded in SQL (aslm_search_query) as the documents are.

/** The weight of each column of the search document (aslm_search_vector); e-mail and VIN share D. */
const WEIGHT: Record<string, string> = { name: 'A', number: 'B', phone: 'C' };

type Token =
  { k: 'word'; text: string; prefix: boolean } | { k: 'op'; op: 'AND' | 'OR' | '(' | ')' | ':' | 'col'; col?: string };

function lex(q: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (c === ' ') i++;
    else if (c === '"') {
      let text = '';
      for (i++; i < q.length; i++) {
        if (q[i] === '"' && q[i + 1] === '"') ((text += '"'), i++);
        else if (q[i] === '"') break;
        else text += q[i];
      }
      if (i >= q.length) throw new Error(`unterminated phrase in ${q}`);
      i++;
      const prefix = q[i] === '*';
      if (prefix) i++;
      out.push({ k: 'word', text, prefix });
    } else if (c === '(' || c === ')' || c === ':') {
      out.push({ k: 'op', op: c });
      i++;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(q.slice(i));
      if (!m) throw new Error(`unexpected ${c} in FTS5 query ${q}`);
      const w = m[0];
      i += w.length;
      if (w === 'AND' || w === 'OR') out.push({ k: 'op', op: w });
      else out.push({ k: 'op', op: 'col', col: w });
    }
  }
  return out;
}

/** The tsquery text (to be passed to aslm_search_query) of an FTS5 query written by ftsQuery. */
export function tsqueryFromFts(match: string): string {
  const t = lex(match);
  let p = 0;
  const peek = () => t[p];
  const isOp = (op: string) => {
    const x = peek();
    return x?.k === 'op' && x.op === op;
  };
  const expect = (op: string) => {
    if (!isOp(op)) throw new Error(`expected ${op} in FTS5 query ${match}`);
    p++;
  };
  const or = (w: string): string => {
    const parts = [and(w)];
    while (isOp('OR')) (p++, parts.push(and(w)));
    return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
  };
  const and = (w: string): string => {
    const parts = [unary(w)];
    for (;;) {
      if (isOp('AND')) p++;
      else if (!peek() || isOp('OR') || isOp(')')) break;
      parts.push(unary(w));
    }
    return parts.length === 1 ? parts[0]! : `(${parts.join(' & ')})`;
  };
  const unary = (w: string): string => {
    const x = peek();
    if (!x) throw new Error(`unexpected end of FTS5 query ${match}`);
    p++;
    if (x.k === 'word') return phrase(x.text, x.prefix, w);
    if (x.op === '(') {
      const e = or(w);
      expect(')');
      return e;
    }
    if (x.op === 'col') {
      const weight = WEIGHT[x.col!];
      if (!weight) throw new Error(`no PostgreSQL weight for the column ${x.col} (FTS5 query ${match})`);
      expect(':');
      return unary(weight);
    }
    throw new Error(`unexpected ${x.op} in FTS5 query ${match}`);
  };
  const e = or('');
  if (p !== t.length) throw new Error(`trailing tokens in FTS5 query ${match}`);
  return e;
}

/**
 * A phrase: its words in a row (FTS5 tokenizes the phrase as the document). The words are letters and digits only
 * (a quote or backslash would be a separator), so quoting them needs no escapes. ftsQuery never writes an empty one.
 */
function phrase(text: string, prefix: boolean, weight: string): string {
  const words = text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
  if (words.length === 0) throw new Error(`a phrase without a word: "${text}"`);
  const label = (prefix ? '*' : '') + weight;
  const lexemes = words.map(
    (w, i) => `'${w}'${i === words.length - 1 && label ? `:${label}` : weight ? `:${weight}` : ''}`,
  );
  return lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(' <-> ')})`;
}

/** The ids of the leads an FTS5 query (ftsQuery's) matches: `$1` is tsqueryFromFts(…). */
export const SEARCH_IDS_SQL = 'SELECT id FROM leads_search WHERE doc @@ aslm_search_query($1)';

/** The bit of each list view in leads_search.views (migration 0005 aslm_lead_views, the views' definitions). */
export const SEARCH_VIEW_BIT = {
  assigned: 1,
  not_managed: 2,
  in_progress: 4,
  closed_sale: 8,
  closed_no_sale: 16,
  lost: 32,
} as const;

/**
 * The ids of a view's leads an FTS5 query matches, from leads_search alone (its `views` kept by triggers): `$1` is
 * tsqueryFromFts(…). The bit is written as a constant so that each view's partial GIN index (0005) serves it.
 */
export const searchIdsInViewSql = (
  view: keyof typeof SEARCH_VIEW_BIT,
  param = '$1',
  site: number | null = null,
): string =>
  `SELECT id FROM leads_search WHERE doc @@ aslm_search_query(${param}) AND (views & ${SEARCH_VIEW_BIT[view]}) <> 0${siteAnd(site)}`;

/** One site's rows of leads_search / leads_search_words (their site_id, migration 0011), else nothing. */
const siteAnd = (site: number | null, alias = ''): string =>
  site === null ? '' : ` AND ${alias}site_id = ${Math.trunc(site)}`;

/**
 * The header's search across every list (listService globalSearch's `searchRanked`): the first `$2` matching leads of
 * each status by assignment (newest first), each with its status's count. The status and assigned_at kept beside
 * each document (migration 0005): no lookup of the matches; grouped by status with each group's ids in order (not a
 * sort of every match by status and a window over them: ~20 ms less for 20,000 matches).
 */
export const globalSearchRankedSql = (site: number | null = null): string =>
  `SELECT unnest((array_agg(s.id ORDER BY s.assigned_at DESC, s.id DESC))[1:$2]) AS id,
    s.status, count(*) AS n
  FROM leads_search s WHERE s.doc @@ aslm_search_query($1)${siteAnd(site, 's.')} GROUP BY s.status`;
export const GLOBAL_SEARCH_RANKED_SQL = globalSearchRankedSql();

/**
 * The word of a search leads_search_words answers (migration 0008): a tsquery of one prefix word, not weighted (a
 * column filter) nor able to match the lexemes not kept there (starting with a digit, or with `r` and a digit: phone
 * digits and their reversed forms, numbers). Else null: the GIN path (doc @@ …), which also answers several words
 * ANDed (GIN intersects their posting lists: a few ms; an INTERSECT of each word's rows here reads every row of the
 * commonest). The check is made on the word with every mark removed and lower-cased, at least as much as
 * aslm_search_fold folds it, so that a word folding to `r` or to `r` and a digit is never sent here.
 */
export function searchWord(tsquery: string): string | null {
  const w = /^'([^']+)':\*$/.exec(tsquery);
  if (!w) return null;
  const loose = w[1]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return loose === 'r' || /^r?[0-9]/.test(loose) ? null : w[1]!;
}

/**
 * How many characters a word folds to (aslm_search_fold) when it is made of letters of the Latin, Greek or Cyrillic
 * scripts and digits: one each (ftsQuery's words hold no marks; a letter's marks are dropped or composed onto it,
 * never two letters into one). Else (another script) null: not known here.
 */
function foldedLength(word: string): number | null {
  const loose = word.normalize('NFD').replace(/\p{M}/gu, '');
  return /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9]+$/u.test(loose) ? [...loose].length : null;
}

/**
 * The leads whose document has a lexeme starting with `word` (`param` its placeholder; folded in SQL as the documents
 * are), from leads_search_words (migration 0008): its rows by the word's first three characters, then its lexemes
 * (`strpos(words, ' ' || w)`: a lexeme starting with w). A word of three characters: the rows of `pre` = w, one a lead
 * (an equality: no filter on each entry); longer, those rows whose lexemes have it; shorter or of another script,
 * `pre` by prefix, DISTINCT (a lead may have several). In a view, its partial index (the bit a constant); `cols` the
 * columns taken (the header's search: id, status, assigned_at, the whole index's INCLUDE); `site` one site's rows
 * (leads_search_words_site, migration 0011: index-only, the view's bit checked on each entry).
 */
export function searchWordSql(
  word: string,
  param: string,
  view?: keyof typeof SEARCH_VIEW_BIT,
  cols = 'id',
  site: number | null = null,
): string {
  const inView = (view ? ` AND (views & ${SEARCH_VIEW_BIT[view]}) <> 0` : '') + siteAnd(site);
  const f = `aslm_search_fold(${param}::text)`;
  const n = foldedLength(word);
  const where =
    n === 3
      ? `pre = ${f}`
      : n !== null && n > 3
        ? `pre = left(${f}, 3) AND strpos(words, ' ' || ${f}) > 0`
        : `pre ^@ left(${f}, 3) AND strpos(words, ' ' || ${f}) > 0`;
  return `SELECT ${n !== null && n >= 3 ? '' : 'DISTINCT '}${cols} FROM leads_search_words WHERE ${where}${inView}`;
}

/**
 * GLOBAL_SEARCH_RANKED_SQL on leads_search_words: the word `$1`, the limit `$2`. A word of one row a lead (three
 * characters or more): each status's count, then its first `$2` leads read in the whole index's order (status,
 * assigned_at DESC, id DESC) — no sort of every match; else the matches grouped as GLOBAL_SEARCH_RANKED_SQL does.
 */
export function globalSearchWordSql(word: string, site: number | null = null): string {
  const rows = searchWordSql(word, '$1', undefined, 'id, status, assigned_at', site);
  if (/^SELECT DISTINCT /.test(rows))
    return `SELECT unnest((array_agg(s.id ORDER BY s.assigned_at DESC, s.id DESC))[1:$2]) AS id, s.status, count(*) AS n
  FROM (${rows}) s GROUP BY s.status`;
  const cond = rows.slice(rows.indexOf(' WHERE ') + 7);
  return `SELECT t.id, c.status, c.n FROM (SELECT status, count(*) AS n FROM leads_search_words WHERE ${cond}
    GROUP BY status) c
  CROSS JOIN LATERAL (SELECT id FROM leads_search_words WHERE ${cond} AND status = c.status
    ORDER BY assigned_at DESC, id DESC LIMIT $2) t`;
}
