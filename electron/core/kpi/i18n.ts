// Translations for the reports, the digest and the exports made in the main process / CLI: i18next's `t` of the
// main process's one mechanism (core/i18n.ts), default namespace `kpi`; `domain` labels (statuses, campaigns,
// sources, reasons…) fall back to their id.
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/vocabulary';
import { fixedT, localeTag, localesDir } from '../i18n';

export { localeTag, localesDir };

/** A `t` in the given language, default namespace `kpi`. */
export function reportT(lang: Language): Promise<TFunction> {
  return Promise.resolve(fixedT(lang, 'kpi'));
}

const ALIASES: Record<string, string[]> = {
  closeReason: ['closeReason', 'reason'],
  leadType: ['leadType', 'lead_type', 'type'],
};
/** A label from the `domain` namespace (e.g. kind 'status', id 'closed_sale'), or the id itself. */
export const domainLabel = (t: TFunction, kind: string, id: string | null | undefined): string =>
  id == null
    ? ''
    : String(
        t(
          (ALIASES[kind] ?? [kind]).map((k) => `domain:${k}.${id}`),
          { defaultValue: id },
        ),
      );
