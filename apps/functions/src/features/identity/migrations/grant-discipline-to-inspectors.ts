import type { Binding } from '../../../platform/kernel/principal';

/**
 * Migration for issue 14: 廉情 letters moved from the 督导员 (`inspector`) to 纪检监察 (`discipline`). Deployments
 * where inspectors handled them would otherwise leave those cases with nobody; so every active inspector binding
 * gets a 纪检监察 binding for the same person and scope. The inspector binding stays (四不两直 is still theirs);
 * the district revokes the new one in 身份管理 where the person is not on the discipline side.
 */

/** `createdBy` of the bindings this migration writes, so the district can tell them from invited ones. */
export const MIGRATION_ACTOR = 'migration:discipline-from-inspector';
/** Appended to the scope label shown in 身份管理. */
export const MIGRATION_LABEL = '（由督导员迁移）';

/** What the migration reads and writes; the DynamoDB adapter is `discipline-migration-store.dynamodb.ts`. */
export interface DisciplineMigrationStore {
  /** Every inspector binding in the table, revoked ones included. */
  listInspectorBindings(): Promise<Binding[]>;
  /** The user's bindings (revoked ones included). */
  bindingsOf(userId: string): Promise<Binding[]>;
  /** Writes the binding unless one with its key exists (a conditional put); false when it already did. */
  putIfAbsent(binding: Binding): Promise<boolean>;
}

export type MigrationOutcome =
  /** A new 纪检监察 binding was written (or would be, in a dry run). */
  | 'granted'
  /** This migration's binding is already there (a second run): nothing written. */
  | 'already-migrated'
  /** The person already holds an active 纪检监察 binding of the same scope (invited after the release). */
  | 'already-discipline'
  /** The inspector binding is revoked: nothing to carry over. */
  | 'revoked';

export interface MigrationStep {
  inspectorBindingId: string;
  userId: string;
  scopeLabel: string;
  disciplineBindingId?: string;
  outcome: MigrationOutcome;
}

export interface MigrationReport {
  dryRun: boolean;
  steps: MigrationStep[];
  /** How many bindings were written (0 in a dry run and on a second run). */
  written: number;
}

/** Deterministic, so a rerun finds (and its conditional put refuses) what the first run wrote. */
export const disciplineBindingIdFor = (inspectorBindingId: string) => `${inspectorBindingId}-discipline`;

const sameScope = (a: Binding['scope'], b: Binding['scope']) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
function canonical(s: Binding['scope']) {
  if (s.level === 'township') return { ...s, townshipIds: [...s.townshipIds].sort() };
  return s;
}

/** The 纪检监察 binding an inspector binding becomes: same person and scope, marked as migrated. */
export function disciplineBindingFor(inspector: Binding, at: string): Binding {
  return {
    bindingId: disciplineBindingIdFor(inspector.bindingId),
    userId: inspector.userId,
    role: 'discipline',
    scope: inspector.scope,
    scopeLabel: `${inspector.scopeLabel}${MIGRATION_LABEL}`,
    ...(inspector.holderName ? { holderName: inspector.holderName } : {}),
    createdAt: at,
    createdBy: MIGRATION_ACTOR,
  };
}

/** Runs the migration (or, with `dryRun`, only says what it would do). Safe to run any number of times. */
export async function grantDisciplineToInspectors(
  store: DisciplineMigrationStore,
  opts: { at: string; dryRun?: boolean },
): Promise<MigrationReport> {
  const dryRun = opts.dryRun ?? false;
  const inspectors = (await store.listInspectorBindings()).sort((a, b) => a.bindingId.localeCompare(b.bindingId));
  const steps: MigrationStep[] = [];
  let written = 0;
  for (const inspector of inspectors) {
    const base = { inspectorBindingId: inspector.bindingId, userId: inspector.userId, scopeLabel: inspector.scopeLabel };
    if (inspector.revokedAt) {
      steps.push({ ...base, outcome: 'revoked' });
      continue;
    }
    const next = disciplineBindingFor(inspector, opts.at);
    const held = await store.bindingsOf(inspector.userId);
    const outcome = decide(held, next);
    if (outcome === 'granted' && !dryRun) {
      // The read above may race another run: the conditional put is what decides.
      if (await store.putIfAbsent(next)) written++;
      else {
        steps.push({ ...base, disciplineBindingId: next.bindingId, outcome: 'already-migrated' });
        continue;
      }
    }
    steps.push({ ...base, disciplineBindingId: next.bindingId, outcome });
  }
  return { dryRun, steps, written };
}

function decide(held: Binding[], next: Binding): MigrationOutcome {
  if (held.some((b) => b.bindingId === next.bindingId)) return 'already-migrated';
  if (held.some((b) => b.role === 'discipline' && !b.revokedAt && sameScope(b.scope, next.scope))) return 'already-discipline';
  return 'granted';
}

const OUTCOME_TEXT: Record<MigrationOutcome, string> = {
  granted: 'granted',
  'already-migrated': 'already migrated, nothing written',
  'already-discipline': 'already holds 纪检监察 at this scope, nothing written',
  revoked: 'inspector binding revoked, skipped',
};

/** One line per inspector binding, then the totals: what the CLI prints. */
export function describeReport(report: MigrationReport): string[] {
  const lines = report.steps.map(
    (s) =>
      `${s.outcome === 'granted' && report.dryRun ? 'would grant' : OUTCOME_TEXT[s.outcome]}: user ${s.userId}, inspector binding ${s.inspectorBindingId} (${s.scopeLabel})` +
      (s.disciplineBindingId && s.outcome === 'granted' ? ` → 纪检监察 binding ${s.disciplineBindingId}` : ''),
  );
  const granted = report.steps.filter((s) => s.outcome === 'granted').length;
  lines.push(
    report.dryRun
      ? `dry run: ${report.steps.length} inspector bindings, ${granted} would be granted 纪检监察; nothing written`
      : `${report.steps.length} inspector bindings, ${report.written} 纪检监察 bindings written`,
  );
  return lines;
}
