/**
 * The record a scenario carries, and how its back-tests read it: real moves by date, context events
 * before the start, base-rate targets, which moves and outcomes count, and the sources (schema.ts).
 */
import { z } from './zod';
import { MAX_CALIBRATION_TARGETS, MAX_REF_LENGTH, MAX_REFS_LISTED, MAX_TEXT_LENGTH, MAX_URL_LENGTH } from './limits';
import { bounded, finite, id, isoDate, label, list, nonEmpty, text } from './schema-fields';

/** A real move of the record: the historical policy plays it in the week of its date. */
export const historyEntry = z
  .object({
    date: isoDate,
    actor: id,
    move: id,
    source: text,
    note: bounded(MAX_TEXT_LENGTH).optional(),
  })
  .strict();

/** A real event before the scenario's start, shown on the escalation chart as context. */
export const contextEvent = z
  .object({
    date: isoDate,
    label,
    rung: z.number().int().min(0),
    source: text,
  })
  .strict();

/** A base rate from the record that a back-test holds the model to. */
export const calibrationTarget = z
  .object({
    id: z.enum(['attacks-per-week', 'lethal-attack-share', 'us-retaliation-lag', 'militia-retaliation-lag']),
    label,
    /** The record's value, and the band the model must fall in to pass. */
    value: finite,
    lo: finite,
    hi: finite,
    source: text,
  })
  .strict()
  .refine((t) => t.lo <= t.value && t.value <= t.hi, { message: 'lo <= value <= hi' });

/** How to read games for the back-tests: which moves are attacks and strikes, which outcomes kill. */
export const calibration = z
  .object({
    attackMoves: list(id, MAX_REFS_LISTED, 'moves').min(1),
    strikeMoves: list(id, MAX_REFS_LISTED, 'moves').min(1),
    /** `move/outcome` ids whose happening makes an attack lethal. */
    lethalOutcomes: list(nonEmpty(MAX_REF_LENGTH), MAX_REFS_LISTED, 'outcomes').min(1),
    /** A counter variable of attacks (volleys), for attacks per week. */
    attackCounter: id,
    /** Responses later than this many weeks do not count as retaliation. */
    maxLagWeeks: z.number().int().min(1).max(26),
    targets: list(calibrationTarget, MAX_CALIBRATION_TARGETS, 'targets').default([]),
  })
  .strict();

export const source = z
  .object({
    id,
    title: label,
    /** Only http(s): the app renders it as a link, and a `javascript:` URL there would run code. */
    url: z.url({ protocol: z.regexes.httpProtocol, error: 'an http or https URL' }).max(MAX_URL_LENGTH).optional(),
  })
  .strict();
