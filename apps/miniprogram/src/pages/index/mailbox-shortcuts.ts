import type { RoleBinding } from '@chuangxing/shared';
import { PAGES } from '../../services/routes';
import { branchesOf, type Shortcut, type ShortcutTarget } from './shortcut';

/** 来信三率 (响应率, 解决率, 满意率) per community: overseers see every community in their reach. */
export const letterStatsShortcut: Shortcut = {
  key: 'letter-stats',
  title: '来信三率',
  description: '各社区来信的响应率、解决率和满意率',
  target: { kind: 'page', url: PAGES.letterStats() },
};
/** A station handler sees its own community's (the server narrows the list); same key, so an overseer's card wins. */
export const ownLetterStatsShortcut: Shortcut = {
  key: 'letter-stats',
  title: '本社区三率',
  description: '本社区来信的响应率、解决率和满意率',
  target: { kind: 'page', url: PAGES.letterStats() },
};
/** 纪检监察: the 廉情 letters of their townships, counted apart from the communities' 三率. */
export const integrityLetterStatsShortcut: Shortcut = {
  key: 'integrity-letter-stats',
  title: '廉情来信统计',
  description: '各社区廉情来信的受理、答复和评价情况（仅纪检监察可见）',
  target: { kind: 'page', url: PAGES.integrityLetterStats },
};
/** Station handlers record letters residents bring by phone, in person or on paper (代录), and hand over a 查询码 slip. */
export const recordLetterShortcut: Shortcut = {
  key: 'record-letter',
  title: '代录来信',
  description: '居民来电、来访或送来纸质信件，代为登记并出具查询码',
  target: { kind: 'page', url: PAGES.recordLetter },
};
/** District admins set the mailbox's time limits and daily limit. */
export const letterRulesShortcut: Shortcut = {
  key: 'letter-rules',
  title: '信箱规则',
  description: '受理、答复时限，自动归档天数和每人每天来信数',
  target: { kind: 'page', url: PAGES.letterRules },
};

/**
 * 清风邮局 for officials: one queue card whose title says what the caller does there — 民情气象站 (a community's
 * station handler), 廉情来信 (纪检监察 handle integrity letters) or 来信督办 (township staff and district admins
 * read and chase overdue letters).
 */
export function lettersShortcut(has: (role: string) => boolean): Shortcut {
  const target: ShortcutTarget = { kind: 'page', url: PAGES.letterCases };
  if (has('station_handler')) return { key: 'letters', title: '民情气象站', description: '本社区来信：受理、转办、答复', target };
  if (has('discipline')) return { key: 'letters', title: '廉情来信', description: '廉情监督来信的受理和办理', target };
  return { key: 'letters', title: '来信督办', description: '各社区来信办理情况，超期来信及时督办', target };
}

/** Station handlers: their community's 公开栏 and 微权说廉; secretaries: 微权说廉 (they keep it up to date). */
export function communityBoardShortcuts(bindings: RoleBinding[], withBoard: boolean): Shortcut[] {
  return branchesOf(bindings).flatMap((br) => [
    ...(withBoard
      ? [
          {
            key: `letter-board:${br.id}`,
            title: '公开栏',
            description: `${br.label}：来信数量、满意率和公开的来信`,
            target: { kind: 'page', url: PAGES.letterBoard(br.id) },
          } as Shortcut,
        ]
      : []),
    {
      key: `integrity:${br.id}`,
      title: '微权说廉',
      description: `${br.label}：小微权力和廉洁承诺`,
      target: { kind: 'page', url: PAGES.integrityBoard(br.id) },
    } as Shortcut,
  ]);
}

/** Station handlers: their community's 社区半月谈 (agendas from the letters, minutes after the meeting). */
export function meetingShortcuts(bindings: RoleBinding[]): Shortcut[] {
  return branchesOf(bindings).map((br) => ({
    key: `meetings:${br.id}`,
    title: '社区半月谈',
    description: `${br.label}：来信议题和会议纪要`,
    target: { kind: 'page', url: PAGES.meetings(br.id) },
  }));
}
