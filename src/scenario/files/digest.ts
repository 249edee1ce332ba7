/**
 * The digest of a scenario: SHA-256 of its canonical JSON (RFC 8785, keys sorted), as hex. Every
 * save carries the digest of the scenario it was played on, so a save opened on another version of
 * the scenario says so instead of silently replaying on different numbers.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import canonicalize from 'canonicalize';
import type { Scenario } from '../schema';

const cache = new WeakMap<Scenario, string>();

/** The scenario's digest: 64 hex digits, the same in Node and the browser. */
export function scenarioDigest(scenario: Scenario): string {
  let digest = cache.get(scenario);
  if (!digest) {
    digest = bytesToHex(sha256(utf8ToBytes(canonicalize(scenario) ?? '')));
    cache.set(scenario, digest);
  }
  return digest;
}

/** A digest as people are shown it: its first 12 hex digits. */
export function shortDigest(digest: string): string {
  return digest.slice(0, 12);
}
