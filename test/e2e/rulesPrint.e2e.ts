// Settings → People & assignment → Assignment rules → Print: the core makes the A4 PDF of the saved rules in the
// user's language and the page hands it to the browser's print (a hidden frame on the PDF), as the KPI report.
// The PDF's content is checked in test/integration/rulesPrint.test.ts.
import { expect, test } from './fixtures';

test("the assignment rules card prints the rules as a PDF in the user's language", async ({ page, app }) => {
  await app.core.dispatch('settings.setLanguage', { language: 'it' }, { transport: 'test' });
  await app.core.dispatch(
    'assignment.rules.set',
    { rules: [{ leadType: 'customer_driven', targetRole: 'booking_operator' }] },
    { transport: 'test' },
  );
  await page.goto(`${app.url}#/settings/people`);
  const asked = page.waitForRequest(
    (r) => r.url().includes('/api/invoke') && (r.postData() ?? '').includes('assignment.rules.print'),
  );
  await page.getByTestId('rules-print').click();
  await expect(page.getByTestId('rules-print')).toHaveText('Stampa le regole');
  const req = await asked;
  expect(JSON.parse(req.postData()!)).toMatchObject({ channel: 'assignment.rules.print', input: { language: 'it' } });
  const res = await req.response();
  const body = (await res!.json()) as { ok: boolean; value: { mime: string; base64: string } };
  expect(body.ok).toBe(true);
  expect(body.value.mime).toBe('application/pdf');
  expect(Buffer.from(body.value.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.locator('iframe[src^="blob:"]')).toHaveCount(1);
});
