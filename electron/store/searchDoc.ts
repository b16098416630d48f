// A lead's full-text search document built in JS: exactly what the SQL view `leads_search_doc`
// (migrations 0001, 0009) computes for a row, so that the import's bulk path can fill `leads_fts` without
// running the view's replace()/substr() chains 50,000 times. The view stays the definition (the per-row
// triggers use it); test/integration/searchDoc.test.ts compares the two row by row.
//
//   name   = first_name || ' ' || last_name
//   email  = coalesce(email, '')
//   phone  = trim(p1 || ' ' || substr(p1, 2) || ' ' || substr(p1, 3) || ' ' || substr(p1, 4) || ' ' ||
//                 p2 || ' ' || substr(p2, 2) || ' ' || substr(p2, 3) || ' ' || substr(p2, 4))
//            with p = the phone without ' ', '-', '.', '(', ')', '/', '+' (coalesce(…, ''))
//          || (p1 = '' ? '' : ' r' || reverse of p1's last 20 characters) || (the same for p2)   (migration 0009)
//   vin    = coalesce(vin, '')
//   number = number

export interface SearchDocSource {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  otherPhone: string | null;
  vin: string | null;
  number: string;
}
export interface SearchDoc {
  name: string;
  email: string;
  phone: string;
  vin: string;
  number: string;
}

/** The characters the view's replace() chain removes from a phone number. */
const STRIP = /[ \-.()/+]/g;
/**
 * Phone text whose SQL string functions a JS string cannot mirror exactly: SQLite's substr() stops at a NUL,
 * and a UTF-16 surrogate (a lone one is stored as its own 3-byte sequence) could pair up once the characters
 * between are removed. Such rows (never seen in real files) take their document from the view itself.
 */
const UNMIRRORED = /[\u0000\uD800-\uDFFF]/;

/** SQLite's trim(X): spaces only (not tabs or other white space) at both ends. */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** The number's end for "last digits" searches: ' r' + its last 20 characters reversed (substr(p, -k, 1), k = 1…20). */
export const PHONE_TAIL = 20;
export const reverseTail = (p: string): string => p.slice(-PHONE_TAIL).split('').reverse().join('');
const tailDoc = (p: string): string => (p === '' ? '' : ` r${reverseTail(p)}`);

/** The view's phone column; null when it must come from the view (see UNMIRRORED). */
export function phoneDoc(phone: string | null, otherPhone: string | null): string | null {
  const a = phone ?? '';
  const b = otherPhone ?? '';
  if (UNMIRRORED.test(a) || UNMIRRORED.test(b)) return null;
  const p1 = a.replace(STRIP, '');
  const p2 = b.replace(STRIP, '');
  // No surrogates: one UTF-16 unit is one SQLite character, so substr(p, k) is p.slice(k - 1).
  return (
    trimSpaces(
      `${p1} ${p1.slice(1)} ${p1.slice(2)} ${p1.slice(3)} ${p2} ${p2.slice(1)} ${p2.slice(2)} ${p2.slice(3)}`,
    ) +
    tailDoc(p1) +
    tailDoc(p2)
  );
}

/** The row of `leads_search_doc` for these values; null when it must be read from the view (see UNMIRRORED). */
export function searchDoc(l: SearchDocSource): SearchDoc | null {
  const phone = phoneDoc(l.phone, l.otherPhone);
  if (phone === null) return null;
  return { name: `${l.firstName} ${l.lastName}`, email: l.email ?? '', phone, vin: l.vin ?? '', number: l.number };
}
