// The lead page's pure helpers, driven by the same rules the core uses.
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { newLeadInput, editInput } from '../../../shared/contract/inputs';
import type { Lead } from '../../../shared/domain/lead';
import { defaultRuleSettings } from '../../../shared/domain/settings';
import { DEFAULT_CAMPAIGNS } from '../../../shared/domain/vocabulary';
import { closedNoSale, contactAgain, edit, makeAppointment, recordContact } from '../../../shared/rules/actions';
import type { LeadChanges, RuleContext } from '../../../shared/rules/context';
import type { Result } from '../../../shared/rules/errors';
import { initialLead } from '../../../shared/rules/newLead';
import { emptyForm, toInput } from '../newLead/NewLeadScreen/form';
import { changes, fromLead } from './dialogs/EditDialog/form';
import { hintKey } from './LeadPage/next';
import { appointmentSlots, recontactChoices } from './shared/choices';

const NOW = Date.parse('2026-11-18T09:30:00Z');
const ctx = (now = NOW): RuleContext => ({
  now,
  user: { id: 1, name: 'Desk' },
  settings: defaultRuleSettings('Europe/Rome'),
});
const apply = (l: Lead, r: Result<LeadChanges>): Lead => {
  if (!r.ok) throw new Error(r.error.code);
  return { ...l, ...r.value.patch, version: l.version + 1 };
};

function lead(over: Partial<Parameters<typeof toInput>[0]['text']> = {}): Lead {
  const f = emptyForm('it');
  f.text = { ...f.text, firstName: 'Marco', lastName: 'Bianchi', ...over };
  const input = newLeadInput.parse(toInput(f));
  const r = initialLead(input, { now: NOW, settings: defaultRuleSettings(), campaigns: DEFAULT_CAMPAIGNS });
  if (!r.ok) throw new Error(r.error.code);
  return { id: 1, number: 'ASL-2026-000001', ...r.value };
}

describe('New lead form', () => {
  it('builds a valid spontaneous, customer-driven lead starting in Assigned to Dealer', () => {
    const l = lead({ email: ' marco@example.it ', vin: '' });
    expect(l).toMatchObject({
      status: 'assigned',
      source: 'spontaneous',
      leadType: 'customer_driven',
      campaign: 'spontaneous_dealer',
      email: 'marco@example.it',
      vin: null,
      language: 'it',
    });
  });
  it('a malformed VIN or e-mail is refused by the same rule as the core', () => {
    for (const [k, v, code] of [
      ['vin', 'ZAMIO', 'VIN_INVALID'],
      ['email', 'not-an-email', 'EMAIL_INVALID'],
    ] as const) {
      const f = emptyForm('en');
      f.text = { ...f.text, firstName: 'A', lastName: 'B', [k]: v };
      const r = initialLead(newLeadInput.parse(toInput(f)), {
        now: NOW,
        settings: defaultRuleSettings(),
        campaigns: DEFAULT_CAMPAIGNS,
      });
      expect(r.ok ? null : r.error).toMatchObject({ code, field: k });
    }
  });
});

describe('Edit form', () => {
  it('sends only the changed fields, blanks as null, and passes the contract and the rule', () => {
    const l = lead({ city: 'Modena', phone: '+39 1' });
    const f = {
      ...fromLead(l),
      city: '  ',
      requestDetails: 'Tagliando',
      vin: 'zamxx00a000000001',
      preferredAt1: NOW + 86_400_000,
    };
    const input = changes(l, f);
    expect(input).toEqual({
      city: null,
      requestDetails: 'Tagliando',
      vin: 'zamxx00a000000001',
      preferredAt1: NOW + 86_400_000,
    });
    expect(editInput.parse(input)).toEqual(input);
    const after = apply(l, edit(l, input, ctx()));
    expect(after.vin).toBe('ZAMXX00A000000001');
    expect(changes(after, fromLead(after))).toEqual({});
  });
});

describe('choices', () => {
  it('appointment slots are in the future, on working days (no Sunday)', () => {
    const saturdayEvening = Date.parse('2026-11-21T18:00:00');
    for (const now of [NOW, saturdayEvening]) {
      const slots = appointmentSlots(now);
      expect(slots).toHaveLength(3);
      for (const s of slots) {
        expect(s).toBeGreaterThan(now);
        expect(dayjs(s).day()).not.toBe(0);
      }
      expect(
        makeAppointment({ ...lead(), contactAttempts: 1 }, { appointmentAt: slots[0]!, sendEmail: false }, ctx(now)).ok,
      ).toBe(true);
    }
  });
  it('recontact choices are 1 week … 6 months ahead, accepted by Contact Again', () => {
    const c = recontactChoices(NOW);
    expect(c.map((x) => x.key)).toEqual(['week', 'month', 'quarter', 'halfYear']);
    for (let i = 1; i < c.length; i++) expect(c[i]!.at).toBeGreaterThan(c[i - 1]!.at);
    expect(contactAgain({ ...lead(), contactAttempts: 1 }, { recontactAt: c[0]!.at }, ctx()).ok).toBe(true);
  });
});

describe("next step along the manual's flow", () => {
  it('first contact → try again → appointment → close → final; Contact Again stays changeable', () => {
    let l = lead();
    expect(hintKey(l)).toBe('firstContact');
    l = apply(
      l,
      recordContact(
        l,
        { direction: 'outbound', channel: 'phone', outcome: 'no_answer', verbatim: null, answer: null },
        ctx(),
      ),
    );
    expect(hintKey(l)).toBe('tryAgain');
    l = apply(
      l,
      recordContact(
        l,
        { direction: 'outbound', channel: 'phone', outcome: 'reached', verbatim: null, answer: null },
        ctx(),
      ),
    );
    expect(hintKey(l)).toBe('appointment');
    const appt = apply(l, makeAppointment(l, { appointmentAt: NOW + 86_400_000, sendEmail: true }, ctx()));
    expect(hintKey(appt)).toBe('close');
    const closed = apply(
      appt,
      closedNoSale(appt, { reason: 'customer_refuses', notes: null, endOfOwnership: null }, ctx()),
    );
    expect(hintKey(closed)).toBe('final');
    const again = apply(l, contactAgain(l, { recontactAt: NOW + 7 * 86_400_000 }, ctx()));
    expect(hintKey(again)).toBe('pendingRecontact');
  });
});
