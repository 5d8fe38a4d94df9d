import { NOTICE_KINDS, type NoticeKind } from '@chuangxing/shared';
import { describe, expect, it } from 'vitest';
import { defaultKeywords, keywordMapProblems, NOTICE_TEMPLATES, templateData } from '../../src/platform/notify/notice-templates';
import { SubscribeConfigError, subscribeSettings } from '../../src/platform/notify/subscribe-settings';
import { clipText, fieldProblem, fieldTypeOf, templateDataProblems } from '../../src/platform/notify/template-fields';

const TWENTY = '一二三四五六七八九十一二三四五六七八九十';

describe('WeChat keyword rules (订阅消息参数值内容限制)', () => {
  it('reads the type from the keyword name', () => {
    expect(fieldTypeOf('thing1')).toBe('thing');
    expect(fieldTypeOf('character_string12')).toBe('character_string');
    expect(fieldTypeOf('phone_number3')).toBe('phone_number');
    expect(fieldTypeOf('thing')).toBeUndefined();
    expect(fieldTypeOf('keyword1')).toBeUndefined();
  });

  it('thing: up to 20 characters of anything, never empty', () => {
    expect(fieldProblem('thing', TWENTY)).toBeUndefined();
    expect(fieldProblem('thing', `${TWENTY}一`)).toBe('最多 20 个字符');
    expect(fieldProblem('thing', '')).toBe('不能为空');
    expect(fieldProblem('thing', '樱桃沟社区 11月27日 No.3')).toBeUndefined();
  });

  it('phrase: up to 5 Chinese characters only', () => {
    expect(fieldProblem('phrase', '已销号')).toBeUndefined();
    expect(fieldProblem('phrase', '一二三四五')).toBeUndefined();
    expect(fieldProblem('phrase', '一二三四五六')).toBeDefined();
    expect(fieldProblem('phrase', 'OK')).toBeDefined();
    expect(fieldProblem('phrase', '已 完成')).toBeDefined();
  });

  it('character_string: up to 32 digits, letters or symbols, no Chinese', () => {
    expect(fieldProblem('character_string', 'K7M2P9QX4R')).toBeUndefined();
    expect(fieldProblem('character_string', 'A-1_2/3#')).toBeUndefined();
    expect(fieldProblem('character_string', 'x'.repeat(33))).toBeDefined();
    expect(fieldProblem('character_string', '查询码K7M2')).toBeDefined();
  });

  it('time and date: WeChat’s formats, with an optional period joined by ~', () => {
    for (const ok of ['15:01', '2019年10月1日 15:01', '2026-11-27 20:00', '2026年11月27日 08:00~2026年11月27日 10:00'])
      expect(fieldProblem('time', ok), ok).toBeUndefined();
    for (const bad of ['3pm', '2026年11月27日', '25:00', '2026-11-27T12:00:00.000Z']) expect(fieldProblem('time', bad), bad).toBeDefined();
    for (const ok of ['2019年10月1日', '2019年10月1日 15:01', '2026-11-27']) expect(fieldProblem('date', ok), ok).toBeUndefined();
    expect(fieldProblem('date', '15:01')).toBeDefined();
  });

  it('number, letter, symbol, amount, phone_number, name', () => {
    expect(fieldProblem('number', '3')).toBeUndefined();
    expect(fieldProblem('number', '3.5')).toBeUndefined();
    expect(fieldProblem('number', '三')).toBeDefined();
    expect(fieldProblem('letter', 'abc')).toBeUndefined();
    expect(fieldProblem('letter', 'ab1')).toBeDefined();
    expect(fieldProblem('symbol', '★')).toBeUndefined();
    expect(fieldProblem('symbol', '★a')).toBeDefined();
    expect(fieldProblem('amount', '¥12.50')).toBeUndefined();
    expect(fieldProblem('amount', '12元')).toBeUndefined();
    expect(fieldProblem('phone_number', '+86-0371-66888866')).toBeUndefined();
    expect(fieldProblem('phone_number', '电话 123')).toBeDefined();
    expect(fieldProblem('name', '李明')).toBeUndefined();
    expect(fieldProblem('name', '一二三四五六七八九十一')).toBeDefined();
  });

  it('clips at 20 with an ellipsis and collapses whitespace', () => {
    expect(clipText('短')).toBe('短');
    expect(Array.from(clipText(`${TWENTY}一`))).toHaveLength(20);
    expect(clipText(`${TWENTY}一`).endsWith('…')).toBe(true);
    expect(clipText('  a \n b ')).toBe('a b');
  });

  it('names every keyword WeChat would refuse', () => {
    expect(templateDataProblems({ thing1: 'ok', phrase2: '太长了的状态值', keyword3: 'x', time4: '20:00' })).toEqual([
      { key: 'phrase2', problem: '只能是 5 个以内的汉字' },
      { key: 'keyword3', problem: '不是微信模板的关键词' },
    ]);
  });
});

/** Long, real-world values for every slot: each kind's data must still be what WeChat takes. */
const LONG: Record<string, string> = {
  subject: '二七区五里堡街道建新南街社区11月27日日报',
  deadline: '2026-11-27T14:00:00.000Z',
  note: '已过截止时间，请尽快补报。如有困难请联系街道办公室工作人员',
  count: '12',
  at: '2026-11-27T03:04:05.000Z',
  code: 'K7M2P9QX4R',
  unit: '建新南街社区已受理（民情气象站）处理中',
  summary: '已转至樱桃沟社区办理，请耐心等待社区联系',
  branch: '示例管委会樱桃沟社区党支部委员会（农村）',
  item: '消防通道被杂物堵塞，存在严重安全隐患需立即整改',
  status: '已销号',
  reason: '楼道仍有杂物，请彻底清理后重新提交整改材料',
  plan: '2026年创星计划（樱桃沟社区党支部委员会）',
  title: '五星支部应知应会第四季度全员测试（街道版）',
  organiser: '示例管委会党工委组织办公室',
  closes: '2026-11-28T02:00:00.000Z',
  star: '幸福和谐星（社区党支部创建五星支部的第五颗星）',
};

describe('each kind’s template data', () => {
  it.each(NOTICE_KINDS.map((k) => [k]))('%s: long values are shaped into data WeChat accepts', (kind: NoticeKind) => {
    const fields = Object.fromEntries(NOTICE_TEMPLATES[kind].map(([slot]) => [slot, LONG[slot]]));
    const data = templateData(kind, fields, defaultKeywords(kind));
    expect(Object.keys(data)).toEqual(NOTICE_TEMPLATES[kind].map(([, type], i) => `${type}${i + 1}`));
    expect(templateDataProblems(data)).toEqual([]);
  });

  it('times are written in Shanghai time, dates as 年月日, things clipped to 20', () => {
    const data = templateData(
      'daily_reminder',
      { subject: LONG.subject, deadline: '2026-11-27T14:00:00.000Z', note: '请按时填报' },
      defaultKeywords('daily_reminder'),
    );
    expect(data).toEqual({ thing1: '二七区五里堡街道建新南街社区11月27…', time2: '2026年11月27日 22:00', thing3: '请按时填报' });
    expect(
      templateData('finding_assigned', { branch: '樱桃沟社区', count: '2', deadline: '2026-12-04' }, defaultKeywords('finding_assigned')),
    ).toEqual({ thing1: '樱桃沟社区', number2: '2', date3: '2026年12月4日' });
  });

  it('a query code that is not ASCII cannot be sent: its data has problems', () => {
    const data = templateData('letter_replied', { code: '查询码', summary: '已答复', at: LONG.at }, defaultKeywords('letter_replied'));
    expect(templateDataProblems(data).map((p) => p.key)).toEqual(['character_string1']);
  });
});

describe('per-environment templates', () => {
  it('a template numbered otherwise maps slots to its keywords, if the types match', () => {
    expect(keywordMapProblems('letter_replied', { summary: 'thing4', at: 'time7' })).toEqual([]);
    expect(keywordMapProblems('letter_replied', { summary: 'phrase4' })).toEqual([
      'letter_replied.summary: keyword "phrase4" is not a thing keyword',
    ]);
    expect(keywordMapProblems('letter_replied', { reply: 'thing4' })[0]).toMatch(/no slot "reply"/);
    expect(keywordMapProblems('daily_reminder', { subject: 'thing3' })).toEqual(['daily_reminder: two slots share one keyword']);
    const s = subscribeSettings({ letter_replied: { id: 'TPL-R', keys: { summary: 'thing4', at: 'time7' } } }, false);
    expect(s.of('letter_replied')?.keywords).toEqual({ code: 'character_string1', summary: 'thing4', at: 'time7' });
    expect(templateData('letter_replied', { code: 'K7', summary: '已答复', at: LONG.at }, s.of('letter_replied')!.keywords)).toEqual({
      character_string1: 'K7',
      thing4: '已答复',
      time7: '2026年11月27日 11:04',
    });
  });

  it('refuses unknown kinds, a template shared by two kinds and bad keyword maps, all at once', () => {
    expect(() =>
      subscribeSettings(
        {
          letter_replied: { id: 'T1' },
          letter_accepted: { id: 'T1' },
          letter_lost: { id: 'T2' },
          plan_approved: { id: 'T3', keys: { plan: 'time1' } },
        },
        false,
      ),
    ).toThrow(SubscribeConfigError);
    try {
      subscribeSettings({ letter_replied: { id: 'T1' }, letter_accepted: { id: 'T1' }, letter_lost: { id: 'T2' } }, false);
    } catch (err) {
      expect(String(err)).toContain('unknown notice kind "letter_lost"');
      expect(String(err)).toContain('template T1 is configured for both letter_replied and letter_accepted');
    }
  });

  it('the long-term switch turns only the recurring kinds (daily reminder, 督办) to long-term', () => {
    const config = { daily_reminder: { id: 'D' }, letter_overdue: { id: 'O' }, letter_replied: { id: 'R' } };
    const off = subscribeSettings(config, false);
    const on = subscribeSettings(config, true);
    expect(NOTICE_KINDS.filter((k) => off.modeOf(k) === 'long_term')).toEqual([]);
    expect(NOTICE_KINDS.filter((k) => on.modeOf(k) === 'long_term')).toEqual(['daily_reminder', 'letter_overdue']);
    expect([on.of('daily_reminder')?.mode, on.of('letter_replied')?.mode]).toEqual(['long_term', 'once']);
    expect(on.byTemplate('R')?.kind).toBe('letter_replied');
    expect(on.of('plan_approved')).toBeUndefined();
  });
});
