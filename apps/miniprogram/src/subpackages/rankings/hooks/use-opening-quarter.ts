import { useEffect, useState } from 'react';
import { api } from '../../../services/api';
import { currentQuarter, isQuarterKey, openingQuarter } from '../services/quarter';

/**
 * The page's quarter: `?quarter=` when it names a quarter that has begun; otherwise, once the server has said
 * which quarters are published, the latest of them (undefined until then). If that read fails the page opens on
 * the current quarter, whose own read then says what went wrong. Nothing is asked until `enabled` (signed in, a reader).
 */
export function useOpeningQuarter(param: string | undefined, enabled: boolean): [string | undefined, (quarter: string) => void] {
  const [quarter, setQuarter] = useState(() => (isQuarterKey(param) && param <= currentQuarter() ? param : undefined));
  const resolved = quarter !== undefined;
  useEffect(() => {
    if (resolved || !enabled) return;
    let live = true;
    api
      .listPublishedQuarters({})
      .then((res) => (res.status === 200 ? res.body.quarters : []))
      .catch(() => [])
      .then((published) => {
        if (live) setQuarter((q) => q ?? openingQuarter(published));
      });
    return () => {
      live = false;
    };
  }, [resolved, enabled]);
  return [quarter, setQuarter];
}
