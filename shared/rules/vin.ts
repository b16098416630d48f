// VIN validation (ISO 3779): 17 characters of A–Z and 0–9, without I, O, Q.
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;

export function normalizeVin(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export function isValidVin(raw: string | null | undefined): boolean {
  return typeof raw === 'string' && VIN.test(normalizeVin(raw));
}
