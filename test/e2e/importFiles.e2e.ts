// Import files the hard way (issue #17): a file mixing UTF-8 and Windows-1252 lines shows which lines were read as
// Windows-1252; an XLSX with one huge cell is refused with a clear reason.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures';

const choose = async (page: import('@playwright/test').Page, name: string, buffer: Buffer) => {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose').click();
  await (
    await chooser
  ).setFiles({
    name,
    mimeType: name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
    buffer,
  });
};

test('mixed encodings are named in the preview; a huge cell is refused', async ({ page, app }) => {
  await page.goto(`${app.url}#/import`);
  await expect(page.getByTestId('import-title')).toBeVisible();
  const lines = [
    'Nome;Cognome;E-mail;Campagna;Tipo\r\n',
    'Jürgen;Müller;jm@example.de;Service Reminder;HQ Driven\r\n',
    'Zoé;Lefèvre;zl@example.fr;Service Reminder;HQ Driven\r\n',
    'Renée;Straße;rs@example.de;Service Reminder;HQ Driven\r\n',
  ];
  await choose(
    page,
    'mixed.csv',
    Buffer.concat(lines.map((l, i) => (i === 2 ? iconv.encode(l, 'win1252') : Buffer.from(l, 'utf8')))),
  );
  await expect(page.getByTestId('import-mixed-encoding')).toContainText('read as Windows-1252');
  await expect(page.getByTestId('import-mixed-encoding')).toContainText('line 3');
  await expect(page.getByTestId('preview-table')).toContainText('Jürgen');
  await expect(page.getByTestId('preview-table')).toContainText('Zoé');
  await expect(page.getByTestId('preview-table')).toContainText('Straße');

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Leads');
  ws.addRow(['Nome', 'Note']);
  ws.addRow(['Anna', 'x'.repeat(100_000)]);
  await choose(page, 'huge.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  await expect(page.getByTestId('import-error')).toContainText('Nothing was imported');
  await expect(page.getByTestId('import-error-reason')).toContainText('32,767 characters');
  expect((app.core.store!.sqlite.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n).toBe(0);
});
