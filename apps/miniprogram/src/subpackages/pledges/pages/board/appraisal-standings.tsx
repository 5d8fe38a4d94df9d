import type { PledgeBoard } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import { EmptyView } from '../../../../components/state-views';
import { openPage } from '../../../../services/navigation';
import { quarterLabel } from '../../pledge-helpers';

const UNDER_WAY: Record<'open' | 'scoring', string> = { open: '正在述职', scoring: '正在评议打分' };

/**
 * 比干劲: the township's latest closed 述职评议 on the board, each branch's weighted total and rank (the server sends
 * nothing of who scored what), the caller's own branch marked; a session under way is named.
 */
export function AppraisalStandings({
  appraisal,
  mine,
  link,
}: {
  appraisal: PledgeBoard['appraisal'];
  mine: Set<string>;
  /** Where the caller may open the full results (none for those who may not). */
  link?: (quarter: string) => string | undefined;
}) {
  const { closed, running } = appraisal;
  const target = closed ? link?.(closed.quarter) : undefined;
  return (
    <View className="cx-card pledge-item cx-pledge-appraisal">
      <Text className="pledge-head__title">比干劲 · 述职评议</Text>
      {closed ? (
        <View className="pledge-item">
          <Text className="pledge-muted cx-pledge-appraisal-quarter">{quarterLabel(closed.quarter)}述职评议结果（加权总分，满分 100）</Text>
          {closed.results.map((r) => (
            <View
              key={r.branchId}
              className={`pledge-row pledge-standing cx-pledge-appraisal-row${mine.has(r.branchId) ? ' is-mine' : ''}`}
              data-id={r.branchId}
            >
              <Text className="pledge-standing__rank cx-pledge-appraisal-rank">{r.rank === null ? '无名次' : `第 ${r.rank} 名`}</Text>
              <Text className="pledge-item__text pledge-standing__name">
                {r.branchName}
                {mine.has(r.branchId) ? '（本支部）' : ''}
              </Text>
              <Text className="pledge-item__star cx-pledge-appraisal-score">
                {r.score === null ? '无数据' : `${r.score.toFixed(2)} 分`}
              </Text>
            </View>
          ))}
        </View>
      ) : (
        <EmptyView text={`本乡镇（街道）还没有结束的述职评议。${running ? '' : '乡镇（街道）组织评议并结束打分后，结果会显示在这里。'}`} />
      )}
      {running ? (
        <Text className="pledge-muted cx-pledge-appraisal-running">
          {quarterLabel(running.quarter)}述职评议{UNDER_WAY[running.state]}，结束后在这里公布结果。
        </Text>
      ) : null}
      {target ? (
        <Button className="cx-btn cx-pledge-appraisal-link" onClick={() => openPage(target)}>
          查看完整评议结果
        </Button>
      ) : null}
      <Text className="pledge-muted">只显示各支部的总分和名次，不显示谁打了多少分；无数据表示该支部没有收到评分。</Text>
    </View>
  );
}
