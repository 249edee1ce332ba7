/** Searching a scenario's parameters for the parameter picker: every word typed must appear in the label, the group or the path. */
import type { Parameter } from '../../scenario/parameters';

export interface ParameterGroup {
  readonly name: string;
  readonly items: readonly Parameter[];
}

/** The parameters matching `query`, in their groups (in the scenario's order); every one for an empty query. */
export function matchParameters(params: readonly Parameter[], query: string): ParameterGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const groups = new Map<string, Parameter[]>();
  for (const p of params) {
    const text = `${p.label} ${p.group} ${p.path}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) continue;
    let list = groups.get(p.group);
    if (!list) groups.set(p.group, (list = []));
    list.push(p);
  }
  return [...groups.entries()].map(([name, items]) => ({ name, items }));
}
