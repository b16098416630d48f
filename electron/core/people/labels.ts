// Texts of the `people` namespace (or another) for the main process / CLI (registry report, exports), through the
// main process's one mechanism (core/i18n.ts), with {{param}} interpolation.
import type { Language } from '../../../shared/domain/vocabulary';
import { t } from '../i18n';

export function peopleLabel(
  lang: Language,
  key: string,
  params: Record<string, string | number> = {},
  ns = 'people',
): string {
  return t(lang, `${ns}:${key}`, params);
}
