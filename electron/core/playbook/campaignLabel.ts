// How a campaign is named inside a customer-facing text (templates namespace `campaign.<id>`);
// a campaign added in settings without a text is named by its id made readable.
import en from '../../../locales/en/templates.json' with { type: 'json' };
import fr from '../../../locales/fr/templates.json' with { type: 'json' };
import de from '../../../locales/de/templates.json' with { type: 'json' };
import it from '../../../locales/it/templates.json' with { type: 'json' };
import type { Language } from '../../../shared/domain/vocabulary';

const LABELS: Record<Language, Record<string, string>> = { en: en.campaign, fr: fr.campaign, de: de.campaign, it: it.campaign };

export function campaignLabel(id: string, lang: Language): string {
  return LABELS[lang][id] ?? id.replace(/_/g, ' ');
}

const VEHICLE: Record<Language, string> = { en: en.vehicleFallback, fr: fr.vehicleFallback, de: de.vehicleFallback, it: it.vehicleFallback };
/** "vehicle" in a customer-facing text when the registry does not know the model. */
export const vehicleWord = (lang: Language): string => VEHICLE[lang];
