// What the import's phone worker (phoneWorker.ts) and its pool (phonePool.ts) send each other.
import type { MessagePort } from 'node:worker_threads';
import type { Language } from '../../../shared/domain/vocabulary';

/** A number to normalize: as `normalizePhone(phone, country, language)`. */
export type PhoneItem = [phone: string, country: string | null, language: Language];
export interface PhoneRequest { batch: number; slot: number; chunk: number; items: PhoneItem[] }
export interface PhoneReply { batch: number; chunk: number; skipped: boolean; out: ([e164: string | null, valid: boolean] | null)[] }
/**
 * `shared`: the cancel flags (slot = batch % SLOTS holds the id of a cancelled batch) and, at index SLOTS, the count
 * of replies sent (the main thread sleeps on it). `port`: where the replies go (read with receiveMessageOnPort).
 */
export interface PhoneWorkerData { shared: SharedArrayBuffer; port: MessagePort }
export const SLOTS = 1024;
