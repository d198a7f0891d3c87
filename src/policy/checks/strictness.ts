/** Helpers for telling whether a project rule is at least as strict as the central rule it redefines. */

/** An upper bound: a project may lower it or keep it, never raise or drop it. */
export function upperBound(name: string, central: number | undefined, project: number | undefined): string[] {
  if (central === undefined) return [];
  if (project === undefined) return [`drops ${name} (central ${central})`];
  return project > central ? [`raises ${name} from ${central} to ${project}`] : [];
}

/** A list that must keep every central entry (deny lists, required keys). */
export function keepsAll(name: string, central: readonly string[] | undefined, project: readonly string[] | undefined): string[] {
  const missing = (central ?? []).filter((c) => !(project ?? []).includes(c));
  return missing.length ? [`drops ${name} ${missing.join(", ")}`] : [];
}

/** An allow list: a project may narrow it (only central entries), never widen or drop it. */
export function narrowsOnly(name: string, central: readonly string[] | undefined, project: readonly string[] | undefined): string[] {
  if (central === undefined) return [];
  if (project === undefined) return [`drops the ${name} list`];
  const extra = project.filter((p) => !central.includes(p));
  return extra.length ? [`adds ${extra.join(", ")} to ${name}`] : [];
}

/** A value on an ordered scale where later entries are stricter. */
export function notWeaker<T>(name: string, scale: readonly T[], central: T, project: T): string[] {
  return scale.indexOf(project) < scale.indexOf(central) ? [`weakens ${name} from ${String(central)} to ${String(project)}`] : [];
}

/** A value that must be the same (no order is known between different values). */
export function same<T>(name: string, central: T, project: T): string[] {
  return JSON.stringify(central) === JSON.stringify(project) ? [] : [`changes ${name} from ${JSON.stringify(central)} to ${JSON.stringify(project)}`];
}
