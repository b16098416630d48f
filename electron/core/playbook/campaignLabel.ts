// How a campaign is named inside a customer-facing text (templates namespace `campaign.<id>`);
// a campaign added in settings without a text is named by its id made readable.
import type { Language } from '../../../shared/domain/vocabulary';
import { fixedT, t } from '../i18n';

export function campaignLabel(id: string, lang: Language): string {
  return String(fixedT(lang, 'templates')(`campaign.${id}`, { defaultValue: id.replace(/_/g, ' ') }));
}

/** "vehicle" in a customer-facing text when the registry does not know the model. */
export const vehicleWord = (lang: Language): string => t(lang, 'templates:vehicleFallback');
