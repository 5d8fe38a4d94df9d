import { type AnnualStarReview, CALENDAR_YEARS, type DecideAnnualStarReviewBody, shanghaiDay } from '@chuangxing/shared';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PageRoot } from '../../../../components/page-root';
import { SignInNeeded } from '../../../../components/sign-in-needed';
import { EmptyView, ResourceView } from '../../../../components/state-views';
import { useMutation } from '../../../../hooks/use-mutation';
import { useResource } from '../../../../hooks/use-resource';
import { useSession } from '../../../../hooks/use-session';
import { api } from '../../../../services/api';
import { expectStatus } from '../../../../services/api-failure';
import { type AnnualBranch, AnnualCard } from './annual-card';
import '../../stars.css';

const FIRST_YEAR = 2020;

/** "2026-12-20" → "12月20日". */
const monthDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

interface TownshipGroup {
  id: string;
  name: string;
  branches: AnnualBranch[];
}

/** Branches by township, in the org tree's order (townships it does not list come last, by id). */
function byTownship(review: AnnualStarReview, townshipNames: Map<string, string>): TownshipGroup[] {
  const groups = new Map<string, TownshipGroup>();
  for (const id of townshipNames.keys()) groups.set(id, { id, name: townshipNames.get(id) ?? id, branches: [] });
  for (const b of review.branches) {
    const group = groups.get(b.townshipId) ?? { id: b.townshipId, name: b.townshipId, branches: [] };
    group.branches.push(b);
    groups.set(b.townshipId, group);
  }
  return [...groups.values()].filter((g) => g.branches.length > 0);
}

/** ‹ 2026年 ›: the year under review, this Shanghai year by default. */
function YearSwitch({ year, thisYear, onPick }: { year: number; thisYear: number; onPick: (year: number) => void }) {
  return (
    <View className="stars-actions cx-star-annual-years">
      <Button
        className="cx-btn cx-star-annual-prev"
        disabled={year <= FIRST_YEAR || undefined}
        aria-label="上一年"
        onClick={() => onPick(year - 1)}
      >
        ‹
      </Button>
      <Text className="stars-app__title cx-star-annual-year">{year}年</Text>
      <Button
        className="cx-btn cx-star-annual-next"
        disabled={year >= Math.min(thisYear, CALENDAR_YEARS.max) || undefined}
        aria-label="下一年"
        onClick={() => onPick(year + 1)}
      >
        ›
      </Button>
    </View>
  );
}

/** 年度评星定级: from the review date the district confirms or lowers each branch's stars, once per year. */
function AnnualReview() {
  const today = shanghaiDay();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [problem, setProblem] = useState<string>();
  const { state, reload } = useResource(async () => {
    const [review, tree] = await Promise.all([api.getAnnualStarReview({ params: { year } }), api.getOrgTree({})]);
    const names = new Map(expectStatus(tree, 200).townships.map((t) => [t.id, t.name] as const));
    return { review: expectStatus(review, 200), names };
  }, [year]);
  const { busy, run } = useMutation({
    onConflict: () => {
      setProblem('该支部本年度已评定。页面已刷新，请看最新结果。');
      reload();
    },
    onError: (failure) => setProblem(failure.message),
  });
  const decide = async (branchId: string, body: DecideAnnualStarReviewBody) => {
    const res = await run(() => api.decideAnnualStarReview({ params: { year, branchId }, body }));
    if (!res) return;
    setProblem(undefined);
    Taro.showToast({ title: '已评定', icon: 'success' }).catch(() => undefined);
    reload();
  };
  return (
    <View>
      <YearSwitch
        year={year}
        thisYear={thisYear}
        onPick={(y) => {
          setProblem(undefined);
          setYear(y);
        }}
      />
      {problem ? <Text className="cx-form-problem cx-star-problem cx-star-annual-error">{problem}</Text> : null}
      <ResourceView state={state} onRetry={reload}>
        {({ review, names }) => {
          const open = today >= review.reviewDate;
          const decided = review.branches.filter((b) => b.decision).length;
          return (
            <View>
              <Text className="stars-app__title cx-star-annual-count">
                已评定 {decided} / {review.branches.length}
              </Text>
              <Text className="stars-hint cx-star-annual-date">
                {open
                  ? `${monthDay(review.reviewDate)}起可评定，每个支部每年评定一次`
                  : `${monthDay(review.reviewDate)}起可评定，现在只能查看`}
              </Text>
              {review.branches.length === 0 ? <EmptyView text="本年度没有持有星级的支部" /> : null}
              {byTownship(review, names).map((g) => (
                <View key={g.id} className="cx-star-annual-township" data-township={g.id}>
                  <Text className="cx-section-title">{g.name}</Text>
                  {g.branches.map((b) => (
                    <AnnualCard
                      key={`${b.branchId}-${b.decision ? 'd' : 'u'}`}
                      branch={b}
                      canDecide={open}
                      busy={busy}
                      onDecide={(body) => decide(b.branchId, body)}
                    />
                  ))}
                </View>
              ))}
            </View>
          );
        }}
      </ResourceView>
    </View>
  );
}

export default function AnnualStarReviewPage() {
  const session = useSession();
  return <PageRoot className="stars">{session.token ? <AnnualReview /> : <SignInNeeded />}</PageRoot>;
}
