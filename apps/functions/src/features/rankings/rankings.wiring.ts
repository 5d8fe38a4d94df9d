import type { ScoringModelContent } from '@chuangxing/shared';
import { DynamoVersionedDocumentStore } from '../../platform/dynamodb/versioned-document.dynamodb';
import type { Wiring } from '../../platform/wiring';
import type { ScoringModelStore } from './ranking-repository';
import { scoringModelEntities } from './rankings.entities';

export const scoringModelStore = (w: Pick<Wiring, 'doc' | 'table' | 'once'>): ScoringModelStore =>
  w.once(
    'scoring-models',
    () =>
      new DynamoVersionedDocumentStore<ScoringModelContent>(w.doc, w.table, scoringModelEntities, {
        publishConflict: '评分办法已有更新的版本或草稿已变更，请刷新后重试',
      }),
  );
