import type { MyLetter } from '@chuangxing/shared';
import { shanghaiDay } from '@chuangxing/shared';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** "12月9日（周三）": a Shanghai day as people say it. */
export function spokenDay(iso: string): string {
  const day = shanghaiDay(Date.parse(iso));
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日（周${weekday}）`;
}

/**
 * The deadline the community is held to, in plain words: 社区应在 12月9日（周三）前受理 / 答复. Past it, the
 * letter has gone to the township for 督办 (the server's clock flags it). Nothing when nothing is owed.
 */
export function answerByText(answerBy: MyLetter['answerBy'], now: number = Date.now()): string | undefined {
  if (!answerBy) return undefined;
  const verb = answerBy.kind === 'accept' ? '受理' : '答复';
  if (now > Date.parse(answerBy.at)) return `已超过${verb}时限（${spokenDay(answerBy.at)}），已提请街道督办`;
  return `社区应在 ${spokenDay(answerBy.at)} 前${verb}`;
}
