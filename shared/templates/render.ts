// Contact templates (docs/rules.md §8.5): phone script, voicemail and e-mail texts, and the customer's
// appointment e-mails (confirmation, reminder, cancellation) in EN/FR/DE/IT, with
// placeholders {{customer}} {{vehicle}} {{campaign}} {{dealer}} {{staff}} (and {{dealerPhone}},
// {{dealerEmail}}, {{leadNumber}}). Defaults come from locales/<lang>/templates.json; the dealer's
// edited versions are stored in the `templates` table and passed in as `stored`. Pure.
import en from '../../locales/en/templates.json' with { type: 'json' };
import fr from '../../locales/fr/templates.json' with { type: 'json' };
import de from '../../locales/de/templates.json' with { type: 'json' };
import it from '../../locales/it/templates.json' with { type: 'json' };
import type { Language } from '../domain/vocabulary';

export const TEMPLATE_KINDS = [
  'phone_script',
  'voicemail',
  'email_no_answer',
  'appointment_confirmation',
  'appointment_reminder',
  'appointment_cancellation',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
/** The kinds sent as e-mails (they have a subject). */
export const EMAIL_TEMPLATE_KINDS: readonly TemplateKind[] = [
  'email_no_answer',
  'appointment_confirmation',
  'appointment_reminder',
  'appointment_cancellation',
];
/** {{date}} and {{time}} are the appointment's, filled in the appointment e-mails only. */
export const PLACEHOLDERS = [
  'customer',
  'vehicle',
  'campaign',
  'dealer',
  'staff',
  'dealerPhone',
  'dealerEmail',
  'leadNumber',
  'date',
  'time',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string | null | undefined>>;

export interface TemplateText {
  subject: string;
  body: string;
}

type Bundle = Record<TemplateKind, TemplateText>;
const pick = (b: Bundle): Bundle => Object.fromEntries(TEMPLATE_KINDS.map((k) => [k, b[k]])) as Bundle;
const DEFAULTS: Record<Language, Bundle> = { en: pick(en), fr: pick(fr), de: pick(de), it: pick(it) };
const VEHICLE_FALLBACK: Record<Language, string> = {
  en: en.vehicleFallback,
  fr: fr.vehicleFallback,
  de: de.vehicleFallback,
  it: it.vehicleFallback,
};
const DEALER_FALLBACK: Record<Language, string> = {
  en: en.dealerFallback,
  fr: fr.dealerFallback,
  de: de.dealerFallback,
  it: it.dealerFallback,
};

export const defaultTemplate = (kind: TemplateKind, lang: Language): TemplateText => DEFAULTS[lang][kind];

/** The dealership's values: until they are set, a text that uses one shows a visible marker and the desk is warned. */
export const DEALER_PLACEHOLDERS = ['dealer', 'dealerPhone', 'dealerEmail'] as const;
const LABELS: Record<Language, Record<string, string>> = {
  en: en.placeholder,
  fr: fr.placeholder,
  de: de.placeholder,
  it: it.placeholder,
};

/** The dealership's placeholders a text uses whose value is not set (never rendered as a blank: "call us at ."). */
export function missingDealerValues(text: string, values: TemplateValues): Placeholder[] {
  const used = new Set([...text.matchAll(/\{\{\s*([a-zA-Z]+)\s*\}\}/g)].map((m) => m[1]!));
  return DEALER_PLACEHOLDERS.filter((p) => used.has(p) && !values[p]?.trim());
}

/** Replaces {{name}} placeholders; unknown names stay as written, missing values become empty. */
export function fillPlaceholders(text: string, values: TemplateValues, lang: Language = 'en'): string {
  return text.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (all, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return all;
    const v = values[name as Placeholder];
    if (name === 'vehicle' && !v) return VEHICLE_FALLBACK[lang];
    if (name === 'dealer' && !v) return DEALER_FALLBACK[lang];
    if ((name === 'dealerPhone' || name === 'dealerEmail') && !v?.trim()) return `[${LABELS[lang][name] ?? name}]`;
    return v ?? '';
  });
}

/** The template of a kind in a language (the stored version if the dealer edited it), filled in. */
export function renderTemplate(
  kind: TemplateKind,
  lang: Language,
  values: TemplateValues,
  stored?: TemplateText | null,
): TemplateText & { missing: Placeholder[] } {
  const t = stored ?? defaultTemplate(kind, lang);
  return {
    subject: fillPlaceholders(t.subject, values, lang).replace(/\s+/g, ' ').trim(),
    body: fillPlaceholders(t.body, values, lang),
    missing: missingDealerValues(`${t.subject}\n${t.body}`, values),
  };
}

/** Placeholders a text uses that the app does not know (shown as a warning in the editor). */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([a-zA-Z]+)\s*\}\}/g)]
    .map((m) => m[1]!)
    .filter((n) => !(PLACEHOLDERS as readonly string[]).includes(n));
}
