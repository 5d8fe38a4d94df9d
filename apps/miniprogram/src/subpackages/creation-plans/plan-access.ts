import { type Me, shanghaiDay } from '@chuangxing/shared';

const active = (me: Me | undefined) => (me ? me.bindings.filter((b) => !b.revokedAt) : []);

/** The district admin edits the district plan (the server decides; this only shows the controls). */
export const editsDistrictPlan = (me: Me | undefined) =>
  active(me).some((b) => b.role === 'district_admin' && b.scope.level === 'district');

/** The staff of that very township edit its plan. */
export const editsTownshipPlan = (me: Me | undefined, townshipId: string) =>
  active(me).some((b) => b.role === 'township_staff' && b.scope.level === 'township' && b.scope.townshipIds.includes(townshipId));

/** The year in the link, else this Asia/Shanghai year. */
export function planYear(param: string | undefined): number {
  const asked = Number(param);
  return Number.isInteger(asked) && asked >= 2020 && asked <= 2099 ? asked : Number(shanghaiDay().slice(0, 4));
}

/** Zod issues (or the server's field errors) keyed by path without `body.`. */
export function problemsOf(issues: { path: PropertyKey[] }[] & { message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.join('.');
    if (!out[key]) out[key] = i.message;
  }
  return out;
}
