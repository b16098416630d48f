import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../domain/vocabulary';
import {
  PLACEHOLDERS,
  TEMPLATE_KINDS,
  defaultTemplate,
  fillPlaceholders,
  renderTemplate,
  unknownPlaceholders,
} from './render';

describe('contact templates', () => {
  it('every kind exists in every language and uses only known placeholders', () => {
    for (const l of LANGUAGES)
      for (const k of TEMPLATE_KINDS) {
        const t = defaultTemplate(k, l);
        expect(t.body.length).toBeGreaterThan(50);
        expect(unknownPlaceholders(t.body + t.subject)).toEqual([]);
        expect(t.body).toContain('{{customer}}');
        expect(t.body).toContain('{{dealer}}');
      }
    expect(defaultTemplate('email_no_answer', 'de').subject).toContain('{{campaign}}');
  });

  it('fills the customer, vehicle, campaign, dealer and staff', () => {
    const r = renderTemplate('email_no_answer', 'it', {
      customer: 'Anna Bianchi',
      vehicle: 'Ghibli (ZAM57XSA1K1234567)',
      campaign: 'Service Reminder',
      dealer: 'Modena Motori',
      staff: 'Marco',
      dealerPhone: '059 123456',
    });
    expect(r.subject).toBe('Modena Motori – la sua richiesta per Service Reminder');
    expect(r.body).toContain('Gentile Anna Bianchi');
    expect(r.body).toContain('Ghibli (ZAM57XSA1K1234567)');
    expect(r.body).toContain('059 123456');
    expect(r.body).not.toMatch(/\{\{/);
  });

  it('uses the stored (edited) version, keeps unknown placeholders and fills a missing vehicle', () => {
    const r = renderTemplate(
      'voicemail',
      'fr',
      { customer: 'Luc' },
      { subject: '', body: 'Allô {{customer}} {{foo}} {{vehicle}} {{ staff }}.' },
    );
    expect(r.body).toBe('Allô Luc {{foo}} véhicule .');
    expect(fillPlaceholders('{{leadNumber}}', { leadNumber: 'ASL-2026-000001' })).toBe('ASL-2026-000001');
    expect(PLACEHOLDERS).toContain('staff');
  });
});
