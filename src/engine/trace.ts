/**
 * Records a turn's narrative and contributions (to escalation and to the talks' weekly risk of
 * dying) while it resolves. Only interactive play traces; Monte
 * Carlo passes `null` and pays nothing for it.
 */
import type { Compiled } from './compile';
import type { Contribution, ContributionKind, TalksDraw } from './report';
import { deathRisk } from './talks';
import { readRef, termProbability, type Work } from './work';

interface Source {
  kind: ContributionKind;
  id: string;
  actor: string | null;
  label: string;
}

export class Trace {
  readonly narrative: string[] = [];
  readonly escalation: Contribution[] = [];
  readonly risk: Contribution[] = [];
  /** Ids of the chance outcomes that happened, by actor index. */
  readonly outcomes: string[][];
  readonly escalationBefore: number;
  readonly riskBefore: number;
  /** The talks transition drawn this week, as it was drawn. */
  talksDraw: TalksDraw | null = null;
  private lastRisk: number;
  private readonly scratch: Float64Array;
  private source: Source = { kind: 'decay', id: '', actor: null, label: '' };

  constructor(
    private readonly c: Compiled,
    private readonly w: Work,
  ) {
    this.outcomes = c.actorIds.map(() => []);
    this.scratch = new Float64Array(c.transitions.length);
    this.escalationBefore = w.escalation;
    this.riskBefore = this.riskNow();
    this.lastRisk = this.riskBefore;
  }

  /** The weekly risk that the talks die, from the working state as it stands. */
  riskNow(): number {
    return deathRisk(this.c, this.w, this.scratch);
  }

  /** Opens a source: later escalation changes are credited to it until the next `begin`. */
  begin(kind: ContributionKind, id: string, actor: string | null, label: string): void {
    this.source = { kind, id, actor, label };
  }

  /** Credits a change of escalation to the open source. */
  escalate(amount: number): void {
    if (amount !== 0) this.escalation.push({ ...this.source, amount });
  }

  /** Credits the change of the talks' weekly risk since the last settle to the open source. */
  settle(): void {
    const now = this.riskNow();
    const amount = now - this.lastRisk;
    this.lastRisk = now;
    if (Math.abs(amount) > 1e-12) this.risk.push({ ...this.source, amount });
  }

  say(line: string): void {
    this.narrative.push(line);
  }

  /** Keeps transition `t`'s hazard and its terms' parts as they stand when it is drawn. */
  drew(t: number): void {
    const c = this.c;
    const term = c.transitions[t]!.hazard;
    const refs = Object.keys(c.scenario.talks.transitions[t]!.hazard.terms);
    // + 0 turns -0 (a negative weight on a zero) into 0, which JSON keeps: a saved report reads back equal.
    const terms = refs.map((ref, i) => ({ ref, amount: term.coefs[i]! * readRef(c, this.w, term.kinds[i]!, term.args[i]!) + 0 }));
    this.talksDraw = { chance: termProbability(c, this.w, c.resolve.hazardTerm[t]!), terms };
  }
}

/** Sums contributions by source, largest magnitude first. */
export function merged(list: readonly Contribution[]): Contribution[] {
  const byKey = new Map<string, Contribution>();
  for (const c of list) {
    const key = `${c.kind}|${c.id}|${c.actor ?? ''}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, amount: seen.amount + c.amount } : c);
  }
  return [...byKey.values()].sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount));
}
