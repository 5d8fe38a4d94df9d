/**
 * China's public holidays and 调休 make-up working days as the State Council publishes them each year:
 * 《国务院办公厅关于2026年部分节假日安排的通知》(published November 2025), the arrangement for 2026. Checked
 * day by day against the `chinese-days` package (1.5.7), which carries the same notices as data.
 *
 * The arrangement for a year is published in the November before it. 2027's was not available when this
 * was written: add it here when it is published (the district admin can record its days in 免报管理 meanwhile,
 * and they count at once).
 */
export const CN_PUBLIC_HOLIDAYS: Readonly<Record<number, { holidays: readonly string[]; workdays: readonly string[] }>> = {
  2026: {
    holidays: [
      // 元旦 1月1日至3日
      '2026-01-01',
      '2026-01-02',
      '2026-01-03',
      // 春节 2月15日至23日
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      // 清明节 4月4日至6日
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      // 劳动节 5月1日至5日
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      // 端午节 6月19日至21日
      '2026-06-19',
      '2026-06-20',
      '2026-06-21',
      // 中秋节 9月25日至27日
      '2026-09-25',
      '2026-09-26',
      '2026-09-27',
      // 国庆节 10月1日至7日
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    // 上班: 1月4日（周日）, 2月14日（周六）, 2月28日（周六）, 5月9日（周六）, 9月20日（周日）, 10月10日（周六）
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

/** The published holidays and make-up working days whose day lies in [from, to]. */
export function publicHolidaysBetween(from: string, to: string): { holidays: string[]; workdays: string[] } {
  const inRange = (d: string) => d >= from && d <= to;
  const years = Object.entries(CN_PUBLIC_HOLIDAYS).filter(([y]) => y >= from.slice(0, 4) && y <= to.slice(0, 4));
  return {
    holidays: years.flatMap(([, y]) => y.holidays.filter(inRange)),
    workdays: years.flatMap(([, y]) => y.workdays.filter(inRange)),
  };
}
