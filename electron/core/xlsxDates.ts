// Dates in the XLSX exports (KPI report, privacy export) as real date cells: sortable and filterable in Excel.
// A spreadsheet has no time zones: the cell holds the dealer's wall time (exceljs writes a Date by its UTC fields),
// with a date format in the export's language.
import type { Language } from '../../shared/domain/vocabulary';
import { wallTime } from '../../shared/rules/time';

/** The instant `ms` as the date cell showing its wall time in `timeZone`. */
export function xlsxDate(ms: number, timeZone: string): Date {
  const w = wallTime(ms, timeZone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** The number format of a date-and-time cell, as the language writes dates (the same order as the report's text). */
export function xlsxDateFormat(lang: Language): string {
  return lang === 'de' ? 'dd.mm.yyyy hh:mm' : 'dd/mm/yyyy hh:mm';
}
