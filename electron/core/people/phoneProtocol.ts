// What the import's phone worker (phoneWorker.ts) and its pool (phonePool.ts) send each other.
import type { MessagePort } from 'node:worker_threads';
import type { Language } from '../../../shared/domain/vocabulary';

/** A number to normalize: as `normalizePhone(phone, country, language)`. */
export type PhoneItem = [phone: string, country: string | null, language: Language];
/**
 * A chunk of numbers. `claim` (shared, one Int32): whoever sets it from FREE first does the chunk — the worker
 * (WORKER), the main thread helping while it waits (MAIN), or nobody any more (CANCELLED).
 */
export interface PhoneRequest {
  batch: number;
  chunk: number;
  claim: SharedArrayBuffer;
  items: PhoneItem[];
}
export interface PhoneReply {
  batch: number;
  chunk: number;
  out: ([e164: string | null, valid: boolean] | null)[];
}
/** `replies`: one Int32, the count of replies sent (the main thread sleeps on it); `port`: where the replies go. */
export interface PhoneWorkerData {
  replies: SharedArrayBuffer;
  port: MessagePort;
}
export const CLAIM = { FREE: 0, WORKER: 1, MAIN: 2, CANCELLED: 3 } as const;
