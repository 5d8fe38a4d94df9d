import {
  BRANCH_TYPE_LABELS,
  RANKING_STATUS_LABELS,
  type Role,
  SCORE_COMPONENT_LABELS,
  SCORE_COMPONENTS,
  STAR_LABELS,
  STAR_STATUS_LABELS,
} from '@chuangxing/shared';
import type { Principal } from '../../platform/kernel/principal';
import type { ExportedFile } from '../../platform/xlsx/exported-file';
import type { Cell } from '../../platform/xlsx/spreadsheet';
import type { RankingExportPorts } from './ranking-export.ports';

const score = (h: number | null) => (h === null ? '无数据' : h / 100);

/**
 * The ranking as an XLSX workbook: 排名 (one row per branch, district order, with the component breakdown
 * and star statuses), 星级分布 (the star map) and 说明 (version, scoring version, inputs hash, annotations).
 * The caller sees the townships in their scope; drafts only as the district admin.
 */
export async function exportRanking(
  deps: RankingExportPorts,
  principal: Principal,
  allowed: readonly Role[],
  quarter: string,
  version?: number,
): Promise<ExportedFile> {
  const { version: v, header, cards, starMap } = await deps.ranking.forExport(principal, allowed, quarter, version);
  const rows: Cell[][] = [
    [
      '区排名',
      '乡镇排名',
      '支部',
      '乡镇（街道）',
      '类型',
      '星级',
      '总分',
      '基础分',
      '比上季度',
      ...SCORE_COMPONENTS.map((c) => SCORE_COMPONENT_LABELS[c]),
      '扣分',
      '各星状态',
      '批注',
    ],
  ];
  for (const { card, districtRank } of cards) {
    rows.push([
      districtRank,
      card.townshipRank,
      card.branchName,
      card.townshipName,
      BRANCH_TYPE_LABELS[card.branchType],
      card.level,
      card.total / 100,
      card.base / 100,
      card.delta === null ? '—' : card.delta / 100,
      ...SCORE_COMPONENTS.map((c) => score(card.components.find((x) => x.component === c)?.score ?? null)),
      card.deductions.points / 100,
      card.stars.map((s) => `${STAR_LABELS[s.star]}:${STAR_STATUS_LABELS[s.status]}`).join('；'),
      header.annotations
        .filter((a) => a.branchId === card.branchId)
        .map((a) => a.text)
        .join('；'),
    ]);
  }
  const mapRows: Cell[][] = [
    [
      '乡镇（街道）',
      '零星',
      '一星',
      '二星',
      '三星',
      '四星',
      '五星',
      '三星及以上',
      '上季度三星及以上',
      '计划三星及以上',
      '四星',
      '计划四星',
      '五星',
      '计划五星',
    ],
  ];
  for (const r of starMap) {
    mapRows.push([
      r.name,
      ...r.levels,
      r.goals.threeStarPlus.now,
      r.goals.threeStarPlus.previous ?? '—',
      r.goals.threeStarPlus.target,
      r.goals.fourStar.now,
      r.goals.fourStar.target,
      r.goals.fiveStar.now,
      r.goals.fiveStar.target,
    ]);
  }
  const about: Cell[][] = [
    ['项目', '内容'],
    ['季度', quarter],
    ['版本', v.version],
    ['状态', RANKING_STATUS_LABELS[v.status] + (v.current ? '（现行）' : '')],
    ['评分办法版本', v.scoringVersion],
    ['数据截至', header.asOfDay],
    ['输入数据指纹（SHA-256）', v.inputsHash ?? ''],
    ['发布时间', v.publishedAt ?? ''],
    ...header.annotations.filter((a) => !a.branchId).map((a): Cell[] => ['批注', `${a.text}（${a.byName}）`]),
  ];
  return {
    filename: `${quarter}季度评比_第${v.version}版.xlsx`,
    contentType: deps.spreadsheets.contentType,
    bytes: deps.spreadsheets.write([
      { name: '排名', rows, frozenColumns: 3, columnWidths: [8, 8, 20, 16, 6, 6, 8, 8, 8, 10, 10, 10, 10, 10, 6, 60, 30] },
      { name: '星级分布', rows: mapRows, columnWidths: [16, 6, 6, 6, 6, 6, 6, 10, 14, 12, 6, 8, 6, 8] },
      { name: '说明', rows: about, columnWidths: [22, 70] },
    ]),
  };
}
