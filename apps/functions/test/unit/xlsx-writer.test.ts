import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnName, crc32, escapeXml, neutraliseFormula, type SheetSpec, writeXlsx } from '../../src/platform/xlsx/xlsx-writer';
import { sheetCells, unzip } from '../support/unzip';

const hasPython = (() => {
  try {
    execFileSync('python3', ['-c', 'import zipfile, xml.etree.ElementTree'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

const SHEETS: SheetSpec[] = [
  {
    name: '汇总',
    rows: [
      ['支部', '按时', '提交率'],
      ['和平社区', 3, { value: 0.75, style: 'percent' }],
      ['<b>"Tom" & \'Jerry\'</b>', -2, null],
      ['=HYPERLINK("http://evil","x")', '+1', '-1'],
      ['@SUM(A1)', 'tab\there', 'bell\u0007gone'],
    ],
    columnWidths: [20, 8, 10],
  },
  {
    name: '明细',
    rows: [
      ['支部', '2026-11-01'],
      ['和平社区', '已提交'],
    ],
    frozenColumns: 1,
  },
];

describe('xlsx writer', () => {
  it('computes the standard CRC-32 and spreadsheet column names', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });

  it('escapes XML, strips characters XML cannot hold, and neutralises formula-like text', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001fc\ud800d😀')).toBe('abcd😀');
    expect(['=1+1', '+1', '-1', '@A1', '\tx', 'ok', '1-2'].map(neutraliseFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@A1",
      "'\tx",
      'ok',
      '1-2',
    ]);
  });

  it('writes a valid zip with every part of a two-sheet workbook', () => {
    const parts = unzip(writeXlsx(SHEETS));
    expect([...parts.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/styles.xml',
    ]);
    const text = (n: string) => parts.get(n)!.toString('utf8');
    expect(text('[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet2.xml"');
    expect(text('xl/workbook.xml')).toContain('<sheet name="汇总" sheetId="1" r:id="rId1"/><sheet name="明细" sheetId="2" r:id="rId2"/>');
    expect(text('xl/_rels/workbook.xml.rels')).toContain('Target="styles.xml"');
    expect(text('xl/styles.xml')).toMatch(/<font><b\/>/);
    for (const [name, data] of parts) expect(data.toString('utf8'), name).not.toMatch(/<f[ >]/);
  });

  it('puts the expected cells in the sheet: bold header, numbers, percent, escaped and quoted text', () => {
    const parts = unzip(writeXlsx(SHEETS));
    const xml = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(xml).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">支部</t></is></c>');
    expect(xml).toContain('<c r="B2"><v>3</v></c>');
    expect(xml).toContain('<c r="C2" s="2"><v>0.75</v></c>');
    expect(xml).toContain('<c r="B3"><v>-2</v></c>');
    expect(xml).toContain('&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;');
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('<dimension ref="A1:C5"/>');
    const cells = sheetCells(xml);
    expect(cells.get('A2')).toBe('和平社区');
    expect(cells.get('A3')).toBe(`<b>"Tom" & 'Jerry'</b>`);
    expect(cells.get('A4')).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(cells.get('B4')).toBe("'+1");
    expect(cells.get('C4')).toBe("'-1");
    expect(cells.get('A5')).toBe("'@SUM(A1)");
    expect(cells.get('C5')).toBe('bellgone');
    expect(cells.has('C3')).toBe(false); // empty cells are left out
    const detail = parts.get('xl/worksheets/sheet2.xml')!.toString('utf8');
    expect(detail).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(sheetCells(detail).get('B2')).toBe('已提交');
  });

  it('is deterministic and makes sheet names legal and unique', () => {
    expect(writeXlsx(SHEETS).equals(writeXlsx(SHEETS))).toBe(true);
    const parts = unzip(
      writeXlsx([
        { name: 'a/b:c', rows: [] },
        { name: 'A_B_C', rows: [] },
        { name: 'x'.repeat(40), rows: [[1]] },
      ]),
    );
    const wb = parts.get('xl/workbook.xml')!.toString('utf8');
    expect(wb).toContain('name="a_b_c"');
    expect(wb).toContain('name="A_B_C(2)"');
    expect(wb).toContain(`name="${'x'.repeat(31)}"`);
  });

  it.skipIf(!hasPython)('python’s zipfile opens it and every part is well-formed XML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    try {
      const file = join(dir, 'book.xlsx');
      writeFileSync(file, writeXlsx(SHEETS));
      const script = [
        'import sys, zipfile, xml.etree.ElementTree as ET',
        'z = zipfile.ZipFile(sys.argv[1])',
        'assert z.testzip() is None',
        '[ET.fromstring(z.read(n)) for n in z.namelist()]',
        'print(len(z.namelist()))',
      ].join('\n');
      expect(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim()).toBe('7');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('township compliance export on in-memory fakes', () => {
  it('counts a branch only from the day it was created, and reads each day once', async () => {
    const { exportTownshipCompliance } = await import('../../src/features/reports/export-township-compliance');
    const { memoryDeps } = await import('../support/memory-deps');
    const { makeBranch, makePrincipal } = await import('../support/builders');
    const { deps, org, reports } = memoryDeps('2026-11-27T04:00:00.000Z');
    await org.createBranch(makeBranch({ id: 'old', townshipId: 't1', name: '老社区', createdAt: '2026-01-01T00:00:00.000Z' }));
    // created at 00:30 on 11-26 Shanghai time (still 11-25 in UTC)
    await org.createBranch(makeBranch({ id: 'new', townshipId: 't1', name: '新社区', createdAt: '2026-11-25T16:30:00.000Z' }));
    let markerReads = 0;
    const submissionsOf = reports.submissionsOf.bind(reports);
    reports.submissionsOf = async (t: string, day: string) => {
      markerReads++;
      return submissionsOf(t, day);
    };
    const staff = makePrincipal([{ role: 'township_staff', scope: { level: 'township', districtId: 'erqi', townshipIds: ['t1'] } }]);
    const file = await exportTownshipCompliance(deps, staff, ['township_staff'], 't1', '2026-11-25', '2026-11-27');
    expect(file.filename).toBe('一号街道日报统计_2026-11-25_2026-11-27.xlsx');
    expect(markerReads).toBe(3);
    const parts = unzip(file.bytes);
    const detail = sheetCells(parts.get('xl/worksheets/sheet2.xml')!.toString());
    const rowOf = (name: string) => [...detail.entries()].find(([ref, v]) => ref.startsWith('A') && v === name)![0].slice(1);
    expect(['B', 'C', 'D'].map((c) => detail.get(`${c}${rowOf('新社区')}`))).toEqual(['—', '未提交', '未提交']);
    const summary = sheetCells(parts.get('xl/worksheets/sheet1.xml')!.toString());
    const r = [...summary.entries()].find(([ref, v]) => ref.startsWith('A') && v === '新社区')![0].slice(1);
    expect(summary.get(`E${r}`)).toBe('2');
    await expect(exportTownshipCompliance(deps, staff, ['township_staff'], 't2', '2026-11-25', '2026-11-27')).rejects.toMatchObject({
      code: 'FORBIDDEN_SCOPE',
    });
    await expect(exportTownshipCompliance(deps, staff, ['township_staff'], 't1', '2026-11-28', '2026-11-30')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'query.from' }],
    });
  });
});
